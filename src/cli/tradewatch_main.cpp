#include "cli/tradewatch_main.hpp"

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "core/error.hpp"
#include "store/busy_timeout.hpp"
#include "store/interrupt.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <pwd.h>
#include <unistd.h>

namespace tw::cli {

namespace {

std::string login_name() {
  if (const passwd* entry = getpwuid(getuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  const char* user = std::getenv("USER");
  return user != nullptr ? user : "unknown";
}

// The command line as a shell would take it back, for the changeset record.
std::string quoted_command_line(int argc, char** argv) {
  std::string line = "tradewatch";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool plain = !arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                             "0123456789-_./=:%,+@") == std::string_view::npos;
    if (plain) {
      line += fmt::format(" {}", arg);
      continue;
    }
    std::string quoted = "'";
    for (const char c : arg) {
      quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    line += " " + quoted + "'";
  }
  return line;
}

// TRADEWATCH_BUSY_TIMEOUT: how many seconds a writer waits for another (default 10).
void read_busy_timeout() {
  const char* value = std::getenv("TRADEWATCH_BUSY_TIMEOUT");
  if (value == nullptr || *value == '\0') {
    return;
  }
  char* end = nullptr;
  errno = 0;
  const long long seconds = std::strtoll(value, &end, 10);
  if (*end != '\0' || errno != 0 || seconds < 0 || seconds > 86'400) {
    throw Error(ExitCode::usage, fmt::format("TRADEWATCH_BUSY_TIMEOUT \"{}\" is not a number of seconds", value),
                "a whole number from 0 to 86400, the seconds a writer waits for another (default 10)");
  }
  store::set_busy_timeout(std::chrono::seconds(seconds));
}

void print_error(std::ostream& err, const std::string& message, const std::string& context, const std::string& hint) {
  err << "tradewatch: error: " << message << '\n';
  if (!context.empty()) {
    err << context << '\n';
  }
  if (!hint.empty()) {
    err << "hint: " << hint << '\n';
  }
}

void add_add_commands(CLI::App& app, Context& context) {
  CLI::App* add = app.add_subcommand("add", "record a new act or measure")->require_subcommand(1);
  add_add_act_command(*add, context);
  add_add_tariff_command(*add, context);
  add_add_listing_command(*add, context);
  add_add_control_command(*add, context);
  add_add_other_command(*add, context);
}

void add_report_commands(CLI::App& app, Context& context) {
  CLI::App* report = app.add_subcommand("report", "reports over the store")->require_subcommand(1);
  add_report_changes_command(*report, context);
  add_report_timeline_command(*report, context);
  add_report_summary_command(*report, context);
}

struct TopCommand {
  std::string_view name;
  void (*add)(CLI::App&, Context&);
};

// The commands in the order help lists them.
constexpr std::array k_commands{TopCommand{"init", add_init_command},       TopCommand{"add", add_add_commands},
                                TopCommand{"amend", add_amend_command},     TopCommand{"end", add_end_command},
                                TopCommand{"correct", add_correct_command}, TopCommand{"undo", add_undo_command},
                                TopCommand{"log", add_log_command},         TopCommand{"list", add_list_command},
                                TopCommand{"show", add_show_command},       TopCommand{"history", add_history_command},
                                TopCommand{"rate", add_rate_command},       TopCommand{"screen", add_screen_command},
                                TopCommand{"report", add_report_commands},  TopCommand{"lint", add_lint_command},
                                TopCommand{"dump", add_dump_command},       TopCommand{"load", add_load_command},
                                TopCommand{"import", add_import_command},   TopCommand{"export", add_export_command},
                                TopCommand{"query", add_query_command},     TopCommand{"check", add_check_command}};

// The command the command line names: its first word that is not an option or a global
// option's value, when that word is a command; otherwise none.
std::optional<std::string_view> named_command(int argc, char** argv) {
  constexpr std::array k_taking_value{"--db", "--format", "-o", "--output", "--color", "--author", "--reason"};
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (std::ranges::find(k_taking_value, arg) != k_taking_value.end()) {
      ++i;
    } else if (!arg.starts_with('-')) {
      const auto found = std::ranges::find(k_commands, arg, &TopCommand::name);
      return found != k_commands.end() ? std::optional(found->name) : std::nullopt;
    } else if (arg == "--") {
      break;
    }
  }
  return std::nullopt;
}

// Whatever failed after SIGINT failed because of it (a statement cut short), and rolled back.
int report_interruption(std::ostream& err) {
  const Error interruption = store::interrupted_error();
  print_error(err, interruption.what(), interruption.context(), interruption.hint());
  return static_cast<int>(interruption.code());
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err, Confinement confinement) {
  Context context(out, err);
  if (confinement == Confinement::read_only) {
    context.confine_to_reading();
  }
  CLI::App app{"tradewatch: trade measures (tariffs, entity listings, controls) with their whole history"};
  app.name("tradewatch");
  app.require_subcommand(1);
  // Global options may also stand after the subcommand.
  app.fallthrough();
  app.set_version_flag("--version", fmt::format("tradewatch {}", TRADEWATCH_VERSION));
  app.add_option("--db", context.db_path, "the store (default ./tradewatch.db)")->envname("TRADEWATCH_DB");
  static const std::map<std::string, report::Format> k_formats{{"text", report::Format::text},
                                                               {"md", report::Format::md},
                                                               {"csv", report::Format::csv},
                                                               {"json", report::Format::json},
                                                               {"html", report::Format::html}};
  app.add_option_function<std::string>(
         "--format", [&context](const std::string& name) { context.format = k_formats.at(name); },
         "output format: text, md, csv, json, html")
      ->check(CLI::IsMember(k_formats));
  app.add_option("-o,--output", context.output_path, "write output to FILE instead of standard output");
  app.add_option("--color", context.color, "colour on a terminal: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", context.quiet, "print no messages, only data");
  context.author = login_name();
  app.add_option("--author", context.author, "who records the change (default: login name)")
      ->envname("TRADEWATCH_AUTHOR");
  app.add_option("--reason", context.reason, "why the change is recorded");

  // Only the command named is built, when one is: building every command's options is a
  // good part of the start-up of a one-off query. Help and errors without one see them all.
  const std::optional<std::string_view> named = named_command(argc, argv);
  for (const auto& command : k_commands) {
    if (!named || command.name == *named) {
      command.add(app, context);
    }
  }

  context.command_line = quoted_command_line(argc, argv);
  try {
    read_busy_timeout();
    app.parse(argc, argv);
    return static_cast<int>(context.status);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version, out, err);
  } catch (const CLI::ParseError& error) {
    print_error(err, error.what(), {}, "see 'tradewatch --help' or 'tradewatch COMMAND --help'");
    return static_cast<int>(ExitCode::usage);
  } catch (const Error& error) {
    if (store::interrupted()) {
      return report_interruption(err);
    }
    print_error(err, error.what(), error.context(), error.hint());
    return static_cast<int>(error.code());
  } catch (const std::exception& error) {
    if (store::interrupted()) {
      return report_interruption(err);
    }
    print_error(err, fmt::format("internal error: {}", error.what()), {},
                "this is a bug in tradewatch; please report it");
    return static_cast<int>(ExitCode::internal);
  }
}

} // namespace

int tradewatch_main(int argc, char** argv) {
  store::stop_on_interrupt();
  return run(argc, argv, std::cout, std::cerr, Confinement::none);
}

int run_tradewatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                   Confinement confinement) {
  std::vector<std::string> words{"tradewatch"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) {
    argv.push_back(word.data());
  }
  argv.push_back(nullptr);
  return run(static_cast<int>(words.size()), argv.data(), out, err, confinement);
}

} // namespace tw::cli
