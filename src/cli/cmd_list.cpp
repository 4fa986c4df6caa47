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
  CLI::App* command = app.add_subcommand("list", "list the measures and listings that match filters");
  auto options = std::make_shared<ListOptions>();
  options->filters.add_to(*command, true, true);
  command->callback([&context, options] {
    const FilterOptions& filters = options->filters;
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, filters.as_known_on);
    report::MeasureSelection selection;
    if (filters.wants(MeasureKind::tariff)) {
      selection.tariffs = store::find_lines(store, filters.line_filter(), point);
    }
    if (filters.wants(MeasureKind::listing)) {
      selection.listings = store::find_listings(store, filters.listing_filter(), point);
    }
    if (filters.wants(MeasureKind::control) || filters.wants(MeasureKind::other)) {
      selection.controls = store::find_control_lines(store, filters.control_filter(), point);
    }
    context.print(report::measure_list_report(
        selection, filters.fields(), [&](const std::string& id) { return store::find_act(store, id, point); }));
  });
}

} // namespace tw::cli
