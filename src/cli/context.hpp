#pragma once

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

  explicit Context(std::ostream& standard_output) : m_stdout(standard_output) {}

  std::ostream& out();
  void print(const report::Report& report);
  // A line for the user that is not data (what a write did); silent with -q.
  void say(const std::string& message);

  // Now, in UTC: SOURCE_DATE_EPOCH when set (for reproducible runs), else the clock.
  std::string now_utc() const;
  Date today() const;
  Changeset new_changeset() const;

  store::Store open_store(store::Store::Access access) const;

private:
  bool writes_to_stdout() const;

  std::ostream& m_stdout;
  std::unique_ptr<std::ofstream> m_file;
};

} // namespace tw::cli
