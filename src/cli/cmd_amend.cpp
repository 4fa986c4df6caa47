#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/version_change.hpp"
#include "store/acts.hpp"
#include "store/measures.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct AmendOptions {
  std::string id;
  std::string from;
  LineFieldOptions fields;
  std::vector<std::string> codes;
};
} // namespace

void add_amend_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "amend", "record that a measure changed from a date on (a new version); re-lists a delisted entry");
  auto options = std::make_shared<AmendOptions>();
  command->add_option("id", options->id, "the measure")->required();
  command->add_option("--from", options->from, "the date the change takes effect")->required();
  options->fields.add_to(*command);
  command->add_option("--hs", options->codes, "change only the lines on these product codes (repeatable)");
  command->callback([&context, options] {
    const Date from = parse_option<Date>("--from", options->from);
    const LineUpdate update = options->fields.update();
    const std::vector<ProductCode> codes = parse_codes(options->codes);
    if (update.empty()) {
      throw Error(ExitCode::usage, "amend needs something to change",
                  "give the new terms (--rate, --name, --requirement, --text, …) or the act (--act)");
    }

    auto store = context.open_store(store::Store::Access::read_write);
    store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
    const Measure measure = store::require_measure(store, options->id);
    check_fields_apply(update, measure.kind, "amend");
    if (update.act_id) {
      store::require_act(store, *update.act_id, "--act");
    }
    const ChangesetId changeset = store.record_changeset(context.new_changeset());
    const LineChange change = change_lines(
        store, measure, codes, "amend", [&](auto lines) { return plan_amend(lines, from, update); }, changeset);
    transaction.commit();
    context.say(fmt::format("amended {} from {}: {} line version{} (changeset {})", options->id, options->from,
                            change.inserted, change.inserted == 1 ? "" : "s", changeset));
  });
}

} // namespace tw::cli
