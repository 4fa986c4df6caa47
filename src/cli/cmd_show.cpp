#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "report/measure_report.hpp"
#include "store/acts.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct ShowOptions {
  std::string id;
  std::optional<std::string> as_known_on;
};
} // namespace

void add_show_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("show", "show a measure with all its versions, or an act");
  auto options = std::make_shared<ShowOptions>();
  command->add_option("id", options->id, "a measure or act id")->required();
  add_as_known_on(*command, options->as_known_on);
  command->callback([&context, options] {
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, options->as_known_on);
    const report::ActLookup find_act = [&](const std::string& id) { return store::find_act(store, id, point); };
    if (const auto measure = store::find_measure(store, options->id, point)) {
      switch (measure->kind) {
      case MeasureKind::tariff:
        context.print(report::measure_report(*measure, store::lines_of_measure(store, options->id, point), find_act));
        return;
      case MeasureKind::listing:
        context.print(report::listing_report(*measure, store::listing_versions(store, options->id, point), find_act));
        return;
      case MeasureKind::control:
      case MeasureKind::other:
        context.print(
            report::control_report(*measure, store::control_lines_of_measure(store, options->id, point), find_act));
        return;
      }
    } else if (const auto act = find_act(options->id)) {
      context.print(report::act_report(*act, store::measures_citing_act(store, options->id, point)));
    } else {
      throw Error(ExitCode::data_error, fmt::format("no measure or act {}", options->id),
                  "'tradewatch list' shows the measures and their ids");
    }
  });
}

} // namespace tw::cli
