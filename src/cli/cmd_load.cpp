#include "cli/commands.hpp"
#include "io/dump.hpp"

#include <fmt/format.h>

namespace tw::cli {

void add_load_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("load", "restore a folder written by 'dump' into a new, empty store");
  auto dir = std::make_shared<std::string>();
  command->add_option("dir", *dir, "the folder written by 'tradewatch dump'")->required();
  command->callback([&context, dir] {
    auto store = context.open_store(store::Store::Access::read_write);
    const io::DumpSummary summary = io::load_store(store, *dir);
    context.say(fmt::format("loaded {} rows of {} tables from {} into {}", summary.rows, summary.tables, *dir,
                            context.db_path));
  });
}

} // namespace tw::cli
