#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/version_change.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct EndOptions {
  std::string id;
  std::string on;
  std::optional<std::string> act;
  std::vector<std::string> codes;
};
} // namespace

void add_end_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("end", "record that a measure stops applying (revoked, expired)");
  auto options = std::make_shared<EndOptions>();
  command->add_option("id", options->id, "the measure")->required();
  command->add_option("--on", options->on, "the first day it no longer applies")->required();
  command->add_option("--act", options->act, "the act that ended it");
  command->add_option("--hs", options->codes, "end only the lines on these product codes (repeatable)");
  command->callback([&context, options] {
    const Date on = parse_option<Date>("--on", options->on);
    const auto [plan, changeset] =
        record_version_change(context, {"end", options->id, options->act, options->codes},
                              [&](std::span<const TariffLine> lines) { return plan_end(lines, on, options->act); });
    context.say(fmt::format("ended {} on {} (changeset {})", options->id, options->on, changeset));
  });
}

} // namespace tw::cli
