#pragma once

#include "core/error.hpp"
#include "core/model.hpp"
#include "report/model.hpp"
#include "report/render.hpp"
#include "store/store.hpp"

#include <fstream>
#include <memory>
#include <ostream>
#include <string>

namespace tw::cli {

// The global options and what every command needs from its surroundings: where output
// goes, the clock, the store. Commands write to `out()`, never to std::cout, so that they
// can be run into a string.
class Context {
public:
  // Global options, as parsed.
  std::string db_path = "tradewatch.db";
  report::Format format = report::Format::text;
  std::string output_path;
  std::string color = "auto";
  bool quiet = false;
  std::string author;
  std::string reason;
  std::string command_line; // recorded with every changeset

  // What the command found, for its exit code: `findings` (1) when lint found something.
  ExitCode status = ExitCode::ok;

  Context(std::ostream& standard_output, std::ostream& standard_error)
      : m_stdout(standard_output), m_stderr(standard_error) {}

  std::ostream& out();
  void print(const report::Report& report);
  // A line for the user that is not data (what a write did); silent with -q.
  void say(const std::string& message);
  // A diagnostic on standard error, apart from the data (a clean lint says so there);
  // silent with -q.
  void note(const std::string& message);

  // Now, in UTC: SOURCE_DATE_EPOCH when set (for reproducible runs), else the clock.
  std::string now_utc() const;
  Date today() const;
  Changeset new_changeset() const;

  store::Store open_store(store::Store::Access access) const;

  // For the golden outputs of `check`: the store may only be read, no file written, and text
  // is rendered as for a pipe, whatever the terminal and $COLUMNS, so that it compares the
  // same everywhere.
  void confine_to_reading() { m_confined = true; }

private:
  bool writes_to_stdout() const;

  std::ostream& m_stdout;
  std::ostream& m_stderr;
  std::unique_ptr<std::ofstream> m_file;
  bool m_confined = false;
};

} // namespace tw::cli
