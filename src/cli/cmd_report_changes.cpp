#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "query/changes.hpp"
#include "report/changes_report.hpp"
#include "store/acts.hpp"
#include "store/tariff_lines.hpp"

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
  options->filters.add_to(*command, false, false);
  command->callback([&context, options] {
    const report::ChangesQuestion question{parse_option<Date>("--from", options->from),
                                           parse_option<Date>("--to", options->to), options->filters.fields()};
    if (question.to < question.from) {
      throw Error(ExitCode::usage, fmt::format("--to {} is before --from {}", options->to, options->from));
    }
    store::LineFilter filter = options->filters.line_filter();
    filter.changing_between = {question.from, question.to};
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, options->filters.as_known_on);
    const auto changes = query::detect_changes(store::find_lines(store, filter, point), question.from, question.to);
    context.print(report::changes_report(question, changes,
                                         [&](const std::string& id) { return store::find_act(store, id, point); }));
  });
}

} // namespace tw::cli
