#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "report/measure_report.hpp"
#include "store/acts.hpp"

namespace tw::cli {

namespace {
struct ListOptions {
  FilterOptions filters;
};
} // namespace

void add_list_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("list", "list the measures that match filters");
  auto options = std::make_shared<ListOptions>();
  options->filters.add_to(*command, true, true);
  command->callback([&context, options] {
    const store::LineFilter filter = options->filters.line_filter();
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, options->filters.as_known_on);
    // Only tariffs have lines so far; other kinds list nothing.
    const bool tariffs = !options->filters.kind || *options->filters.kind == "tariff";
    const auto lines = tariffs ? store::find_lines(store, filter, point) : std::vector<store::MeasureLine>{};
    context.print(report::measure_list_report(
        lines, options->filters.fields(), [&](const std::string& id) { return store::find_act(store, id, point); }));
  });
}

} // namespace tw::cli
