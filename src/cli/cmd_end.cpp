#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/version_change.hpp"
#include "store/acts.hpp"
#include "store/measures.hpp"

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
  CLI::App* command = app.add_subcommand("end", "record that a measure stops applying (revoked, expired, delisted)");
  auto options = std::make_shared<EndOptions>();
  command->add_option("id", options->id, "the measure or listing")->required();
  command->add_option("--on", options->on, "the first day it no longer applies")->required();
  command->add_option("--act", options->act, "the act that ended it");
  command->add_option("--hs", options->codes, "end only the lines on these product codes (repeatable)");
  command->callback([&context, options] {
    const Date on = parse_option<Date>("--on", options->on);
    const std::vector<ProductCode> codes = parse_codes(options->codes);

    auto store = context.open_store(store::Store::Access::read_write);
    store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
    const Measure measure = store::require_measure(store, options->id);
    if (options->act) {
      store::require_act(store, *options->act, "--act");
    }
    const ChangesetId changeset = store.record_changeset(context.new_changeset());
    change_lines(
        store, measure, codes, "end", [&](auto lines) { return plan_end(lines, on, options->act); }, changeset);
    transaction.commit();
    context.say(fmt::format("{} {} on {} (changeset {})", measure.kind == MeasureKind::listing ? "delisted" : "ended",
                            options->id, options->on, changeset));
  });
}

} // namespace tw::cli
