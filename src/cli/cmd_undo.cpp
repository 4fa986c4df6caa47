#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/changesets.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct UndoOptions {
  std::optional<std::string> changeset;
};
} // namespace

void add_undo_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "undo", "reverse a changeset as a new changeset; history keeps both (undoing an undo redoes it)");
  auto options = std::make_shared<UndoOptions>();
  command->add_option("changeset", options->changeset,
                      "the changeset to reverse, as 'tradewatch log' numbers it (default: the latest not undone yet)");
  command->callback([&context, options] {
    const std::optional<ChangesetId> changeset =
        options->changeset ? std::optional(parse_positive("changeset", *options->changeset,
                                                          "'tradewatch log' lists the changesets and their numbers"))
                           : std::nullopt;
    auto store = context.open_store(store::Store::Access::read_write);
    store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
    const auto target = changeset ? changeset : store::latest_changeset_not_undone(store);
    if (!target) {
      throw Error(ExitCode::data_error, "nothing to undo: the store has no changesets");
    }
    const store::UndoResult undo = store::undo_changeset(store, *target, context.new_changeset());
    transaction.commit();
    context.say(fmt::format("undid changeset {} ({}): {} version{} superseded, {} restored (changeset {})", *target,
                            undo.undone.command, undo.superseded, undo.superseded == 1 ? "" : "s", undo.restored,
                            undo.changeset));
  });
}

} // namespace tw::cli
