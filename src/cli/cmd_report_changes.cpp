#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "query/changes.hpp"
#include "report/changes_report.hpp"
#include "store/acts.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct ChangesOptions {
  std::string from;
  std::string to;
  FilterOptions filters;
};
} // namespace

void add_report_changes_command(CLI::App& report, Context& context) {
  CLI::App* command = report.add_subcommand("changes", "what changed in force between two dates");
  auto options = std::make_shared<ChangesOptions>();
  command->add_option("--from", options->from, "first day (inclusive)")->required();
  command->add_option("--to", options->to, "last day (inclusive)")->required();
  options->filters.add_to(*command, true, false);
  command->callback([&context, options] {
    const FilterOptions& filters = options->filters;
    const report::ChangesQuestion question{parse_option<Date>("--from", options->from),
                                           parse_option<Date>("--to", options->to), filters.fields()};
    if (question.to < question.from) {
      throw Error(ExitCode::usage, fmt::format("--to {} is before --from {}", options->to, options->from));
    }
    const std::pair<Date, Date> period{question.from, question.to};
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, filters.as_known_on);
    report::FoundChanges changes;
    if (filters.wants(MeasureKind::tariff)) {
      store::LineFilter filter = filters.line_filter();
      filter.changing_between = period;
      changes.tariffs = query::detect_changes(store::find_lines(store, filter, point), question.from, question.to);
    }
    if (filters.wants(MeasureKind::listing)) {
      store::ListingFilter filter = filters.listing_filter();
      filter.changing_between = period;
      const auto listed_before = [&](const std::string& id, Date day) {
        const auto versions = store::listing_versions(store, id, point);
        return std::ranges::any_of(versions, [&](const Listing& v) { return v.valid.to && *v.valid.to < day; });
      };
      changes.listings = query::detect_listing_changes(store::find_listings(store, filter, point), question.from,
                                                       question.to, listed_before);
    }
    if (filters.wants(MeasureKind::control) || filters.wants(MeasureKind::other)) {
      store::ControlFilter filter = filters.control_filter();
      filter.changing_between = period;
      changes.controls =
          query::detect_control_changes(store::find_control_lines(store, filter, point), question.from, question.to);
    }
    context.print(report::changes_report(question, changes,
                                         [&](const std::string& id) { return store::find_act(store, id, point); }));
  });
}

} // namespace tw::cli
