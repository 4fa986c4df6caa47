#include "cli/commands.hpp"
#include "cli/found_changes.hpp"
#include "cli/options.hpp"
#include "report/summary_report.hpp"
#include "store/acts.hpp"
#include "store/summary.hpp"

namespace tw::cli {

namespace {
// The recent changes a summary shows: the 30 days up to and including its date.
constexpr std::int32_t k_recent_days = 30;

struct SummaryOptions {
  std::optional<std::string> on;
  std::optional<std::string> imposer;
  std::optional<std::string> as_known_on;
};
} // namespace

void add_report_summary_command(CLI::App& report, Context& context) {
  CLI::App* command = report.add_subcommand(
      "summary", "measures in force on a day by imposer, target, kind and authority, with the last 30 days' changes");
  auto options = std::make_shared<SummaryOptions>();
  command->add_option("--on", options->on, "the day (default: today, UTC)");
  command->add_option("--imposer", options->imposer, "only measures of this imposer (ISO country code, EU)");
  add_as_known_on(*command, options->as_known_on);
  command->callback([&context, options] {
    const Date on = options->on ? parse_option<Date>("--on", *options->on) : context.today();
    FilterOptions filters;
    filters.imposer = options->imposer;
    filters.as_known_on = options->as_known_on;
    const auto imposer = parse_option<Jurisdiction>("--imposer", options->imposer);
    const report::SummaryQuestion question{on, on.plus_days(1 - k_recent_days), filters.fields()};
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, options->as_known_on);
    context.print(report::summary_report(question, store::count_measures_in_force(store, on, imposer, point),
                                         store::count_listings_in_force(store, on, imposer, point),
                                         find_changes_in_force(store, filters, question.recent_from, on, point),
                                         [&](const std::string& id) { return store::find_act(store, id, point); }));
  });
}

} // namespace tw::cli
