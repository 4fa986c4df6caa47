#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/version_change.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct AmendOptions {
  std::string id;
  std::string from;
  std::optional<std::string> rate;
  std::optional<std::string> heading;
  std::optional<std::string> act;
  std::optional<std::string> note;
  std::vector<std::string> codes;
};
} // namespace

void add_amend_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("amend", "record that a measure changed from a date on (a new version)");
  auto options = std::make_shared<AmendOptions>();
  command->add_option("id", options->id, "the measure")->required();
  command->add_option("--from", options->from, "the date the change takes effect")->required();
  command->add_option("--rate", options->rate, "the new rate");
  command->add_option("--heading", options->heading, "the new tariff heading");
  command->add_option("--act", options->act, "the act that made the change");
  command->add_option("--note", options->note, "a note on the new version");
  command->add_option("--hs", options->codes, "change only the lines on these product codes (repeatable)");
  command->callback([&context, options] {
    const Date from = parse_option<Date>("--from", options->from);
    const LineUpdate update{parse_option<Rate>("--rate", options->rate), options->heading, options->act, options->note};
    if (!update.rate && !update.heading && !update.act_id && !update.note) {
      throw Error(ExitCode::usage, "amend needs something to change", "give --rate, --heading, --act or --note");
    }

    const auto [plan, changeset] =
        record_version_change(context, {"amend", options->id, options->act, options->codes},
                              [&](std::span<const TariffLine> lines) { return plan_amend(lines, from, update); });
    context.say(fmt::format("amended {} from {}: {} line version{} (changeset {})", options->id, options->from,
                            plan.inserted.size(), plan.inserted.size() == 1 ? "" : "s", changeset));
  });
}

} // namespace tw::cli
