#pragma once

// Running check files against a store: each check's outcome, the failure lines and JUnit XML
// that CI shows, and `--update`, which records the answers the store now gives.

#include "check/check_file.hpp"
#include "store/store.hpp"

#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace tw::check {

// What a tradewatch command printed, and its exit status.
struct CommandOutput {
  int status = 0;
  std::string out;
  std::string err;
};

// Runs the tradewatch command of `args` (without the program name) read-only on the store
// being checked. The check layer cannot call the command line itself; `check` hands it in.
using CommandRunner = std::function<CommandOutput(const std::vector<std::string>& args)>;

struct Outcome {
  const CheckFile* file = nullptr;
  const Check* check = nullptr;
  bool passed = false;
  std::string expected; // for the failure line
  std::string got;
  std::vector<std::string> diff; // golden outputs: the lines that differ
  // What --update writes: the expected value as TOML text, or the file's whole content
  // (golden outputs, expect-csv). None when a failure is not an answer to record.
  std::optional<std::string> recorded;
};

// Fails (exit 65, at the SQL in its file) when a query of `files` may not run: it writes,
// attaches, sets a pragma, loads an extension, or does not compile against the store.
void refuse_unsafe_queries(const store::Store& store, std::span<const CheckFile> files);

// Runs every check of `files` in order; golden commands through `run_command`.
std::vector<Outcome> run_checks(const store::Store& store, std::span<const CheckFile> files,
                                const CommandRunner& run_command);

// `FILE:LINE: name: expected … got …` for each failure, a diff under a golden output's.
std::string failure_text(const Outcome& outcome);
void print_failures(std::ostream& out, std::span<const Outcome> outcomes);

// JUnit XML: a test suite per file, a test case per check, the failure text in a failed one.
void write_junit(std::ostream& out, std::span<const Outcome> outcomes);

// Writes the answers of the failed outcomes that have one into their check files (only the
// expected value's text, so comments, order and layout stay) and golden and CSV files.
// Returns how many checks it updated.
std::size_t update_checks(std::span<const CheckFile> files, std::span<const Outcome> outcomes);

} // namespace tw::check
