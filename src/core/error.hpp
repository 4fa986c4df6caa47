#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace tw {

// Exit codes, from sysexits(3); documented in README.md.
enum class ExitCode : int {
  ok = 0,
  findings = 1,      // check, lint or screen found something
  usage = 64,        // the command line is wrong
  data_error = 65,   // the input data is wrong
  no_input = 66,     // an input file or store does not exist
  internal = 70,     // a bug
  cant_create = 73,  // an output cannot be created
  io_error = 74,     // reading or writing failed
  busy = 75,         // the store is locked by another writer
  interrupted = 130, // stopped by Ctrl-C (128 + SIGINT, as shells report it), nothing written
};

// What a parser returns when its input is wrong: `message` says what is wrong, `column` is
// the 0-based byte offset into the parsed text where the problem starts, `hint` (may be
// empty) says what would be right.
struct ParseError {
  std::string message;
  std::size_t column = 0;
  std::string hint;
};

// The one exception type of tradewatch. `tradewatch_main` catches it, prints
// `tradewatch: error: <message>`, then `context` (the offending text, with a caret line)
// and `hint` when they are set, and exits with `code`.
class Error : public std::runtime_error {
public:
  Error(ExitCode code, std::string message, std::string hint = {}, std::string context = {})
      : std::runtime_error(std::move(message)), m_code(code), m_hint(std::move(hint)), m_context(std::move(context)) {}

  ExitCode code() const { return m_code; }
  const std::string& hint() const { return m_hint; }
  const std::string& context() const { return m_context; }

private:
  ExitCode m_code;
  std::string m_hint;
  std::string m_context;
};

// Turns a ParseError on the value of command-line option `option` into an Error (exit 64)
// that shows the value with a caret under the bad column.
Error option_error(std::string_view option, std::string_view value, const ParseError& error);

} // namespace tw
