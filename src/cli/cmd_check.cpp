#include "check/check_run.hpp"
#include "cli/commands.hpp"
#include "cli/tradewatch_main.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tw::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::optional<std::string> junit;
  bool update = false;
};

// Golden commands run in this process, through the same command line as the binary's, with
// their output captured: no second process to find and start, and the confinement to reading
// is enforced by the command line itself.
check::CommandOutput run_confined(const std::string& db_path, const std::vector<std::string>& args) {
  std::vector<std::string> command_line{"--db", db_path};
  command_line.insert(command_line.end(), args.begin(), args.end());
  std::ostringstream out;
  std::ostringstream err;
  const int status = run_tradewatch(command_line, out, err, Confinement::read_only);
  return {status, out.str(), err.str()};
}

void write_junit_file(const std::string& path, std::span<const check::Outcome> outcomes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  check::write_junit(out, outcomes);
  out.flush();
  if (!out) {
    throw Error(ExitCode::cant_create, fmt::format("cannot write {}", path));
  }
}

} // namespace

void add_check_command(CLI::App& app, Context& context) {
  CLI::App* command =
      app.add_subcommand("check", "run the regression checks of check files (default: checks/ beside the store); "
                                  "exit 1 when any fails");
  auto options = std::make_shared<CheckOptions>();
  command->add_option("FILE", options->paths, "check files, or folders of them (*.toml)");
  command->add_option("--junit", options->junit, "also write the results as JUnit XML to FILE");
  command->add_flag("--update", options->update,
                    "record the answers the store gives now as the expected ones, and golden outputs anew");
  command->callback([&context, options] {
    const std::vector<std::string> paths =
        options->paths.empty()
            ? std::vector<std::string>{(std::filesystem::path(context.db_path).parent_path() / "checks").string()}
            : options->paths;
    std::vector<check::CheckFile> files;
    for (const auto& path : check::find_check_files(paths)) {
      files.push_back(check::read_check_file(path));
    }
    if (files.empty()) {
      throw Error(ExitCode::no_input, fmt::format("no check files (*.toml) in {}", fmt::join(paths, ", ")));
    }
    const auto store = context.open_store(store::Store::Access::read_only);
    check::refuse_unsafe_queries(store, files);
    const std::vector<check::Outcome> outcomes = check::run_checks(
        store, files, [&](const std::vector<std::string>& args) { return run_confined(context.db_path, args); });
    if (options->junit) {
      write_junit_file(*options->junit, outcomes);
    }
    const auto passed = static_cast<std::size_t>(
        std::ranges::count_if(outcomes, [](const check::Outcome& outcome) { return outcome.passed; }));
    std::size_t failed = outcomes.size() - passed;
    std::ostream& out = context.out();
    if (options->update) {
      const std::size_t updated = check::update_checks(files, outcomes);
      failed -= updated;
      for (const auto& outcome : outcomes) {
        if (!outcome.passed && !outcome.recorded) {
          out << check::failure_text(outcome) << '\n';
        }
      }
      context.say(fmt::format("{} passed, {} updated, {} failed", passed, updated, failed));
    } else {
      check::print_failures(out, outcomes);
      context.say(fmt::format("{} passed, {} failed", passed, failed));
    }
    if (failed > 0) {
      context.status = ExitCode::findings;
    }
  });
}

} // namespace tw::cli
