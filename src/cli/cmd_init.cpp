#include "cli/commands.hpp"

#include <fmt/format.h>

namespace tw::cli {

void add_init_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("init", "create an empty store");
  command->callback([&context] {
    store::Store::create(context.db_path);
    context.say(fmt::format("created store {} (schema {})", context.db_path, store::current_schema_version()));
  });
}

} // namespace tw::cli
