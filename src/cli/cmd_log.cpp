#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "report/log_report.hpp"
#include "store/changesets.hpp"

namespace tw::cli {

namespace {
struct LogOptions {
  std::optional<std::string> limit;
};
} // namespace

void add_log_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "log", "list the changesets, newest first: when, who, why, the command, the row versions and undo links");
  auto options = std::make_shared<LogOptions>();
  command->add_option("--limit", options->limit, "only the N latest changesets");
  command->callback([&context, options] {
    const std::optional<std::int64_t> limit =
        options->limit ? std::optional(parse_positive("--limit", *options->limit, "--limit 10 shows the 10 latest"))
                       : std::nullopt;
    const auto store = context.open_store(store::Store::Access::read_only);
    context.print(report::log_report(store::changeset_log(store, limit)));
  });
}

} // namespace tw::cli
