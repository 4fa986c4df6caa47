#include "cli/commands.hpp"
#include "io/dump.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct DumpOptions {
  std::string dir;
  bool force = false;
};
} // namespace

void add_dump_command(CLI::App& app, Context& context) {
  CLI::App* command =
      app.add_subcommand("dump", "write the whole store as sorted text files into a folder, to keep it in git");
  auto options = std::make_shared<DumpOptions>();
  command->add_option("dir", options->dir, "the folder; created if missing, replaced if it holds an earlier dump")
      ->required();
  command->add_flag("--force", options->force, "write into a folder that also holds other files");
  command->callback([&context, options] {
    auto store = context.open_store(store::Store::Access::read_only);
    const io::DumpSummary summary = io::dump_store(
        store, options->dir, options->force ? io::Overwrite::anything : io::Overwrite::only_an_earlier_dump);
    context.say(fmt::format("dumped {} rows of {} tables to {}", summary.rows, summary.tables, options->dir));
  });
}

} // namespace tw::cli
