#pragma once

// Check files: TOML files of named regression checks that `check` runs against the store.
// Each check is a table in an array named by its kind:
//
//   [[rate]]     the duty on goods (imposer, origin, hs, on; authority for one layer, else
//                the total; company) is `expect` ("100%")
//   [[listed]]   whether `entity` (a whole name or alias) is on `list` on date `on`: `expect`
//   [[count]]    how many measures match the filters (kind, imposer, origin, hs, authority,
//                list, country, text, on): `expect`
//   [[query]]    read-only SQL whose answer is a scalar (`expect`), a number of rows
//                (`expect-count`), rows (`expect-rows`, an array of arrays) or a CSV file with
//                a header (`expect-csv`)
//   [[golden]]   a read-only tradewatch command whose standard output equals file `output`
//                byte for byte, with exit status `status` (default 0)
//   [[lint]]     the built-in data rules (all, or `rules`) find nothing
//
// Every check has a `name`; rate, listed, count and query checks may be asked `as-known-on`
// a date or UTC time. Dates are TOML dates or "YYYY-MM-DD" strings. Paths are relative to
// the check file.

#include "core/date.hpp"
#include "core/jurisdiction.hpp"
#include "core/product_code.hpp"
#include "core/rate.hpp"
#include "query/measure_filter.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tw::check {

// Where a value stands in its check file: 1-based lines, columns counted in bytes, the end
// just past the value. `--update` rewrites the text between them.
struct SourceSpan {
  std::size_t begin_line = 0;
  std::size_t begin_column = 0;
  std::size_t end_line = 0;
  std::size_t end_column = 0;
};

struct RateCheck {
  Jurisdiction imposer = Jurisdiction::all();
  Jurisdiction origin = Jurisdiction::all();
  ProductCode hs;
  Date on;
  std::string company;
  std::optional<std::string> authority; // one layer; the total when unset
  Rate expect = Rate::free();
};

struct ListedCheck {
  std::optional<Jurisdiction> imposer;
  std::string list;
  std::string entity;
  Date on;
  bool expect = true;
};

struct CountCheck {
  query::MeasureFilter filter;
  std::int64_t expect = 0;
};

struct QueryCheck {
  enum class Expect { scalar, row_count, rows, csv_file };
  std::string sql;
  Expect kind = Expect::scalar;
  std::string scalar; // as text (sql_value_text of the answer)
  std::int64_t row_count = 0;
  std::vector<std::vector<std::string>> rows; // as text, for rows and csv_file
  std::vector<std::string> header;            // csv_file: the expected column names
  std::filesystem::path csv_file;             // relative to the check file
  bool csv_file_exists = false;
};

struct GoldenCheck {
  std::string command;           // as written
  std::vector<std::string> args; // its words, without a leading "tradewatch"
  std::filesystem::path output;  // relative to the check file
  int status = 0;
};

struct LintCheck {
  std::vector<std::string> rules; // all when empty
};

struct Check {
  std::string name;
  std::size_t line = 0; // of the check's [[kind]] header
  std::optional<std::string> as_known_on;
  std::variant<RateCheck, ListedCheck, CountCheck, QueryCheck, GoldenCheck, LintCheck> what;
  SourceSpan expect_at; // of the expected value, when it is in the file
  SourceSpan sql_at;    // of a query's SQL, for refusals
};

struct CheckFile {
  std::string path;                // as named to `check`, for messages
  std::filesystem::path directory; // that paths in it are relative to
  std::string text;
  std::vector<Check> checks; // in the order of the file
};

// Parses check file `text`, named `path` in messages. A malformed file (TOML syntax, an
// unknown kind or key, a missing or mistyped key, a bad date, rate or code, a golden command
// that is not read-only) fails with `path:LINE:COL` (exit 65). CSV files named by
// `expect-csv` are read here.
CheckFile parse_check_file(const std::string& path, std::string text);

// Reads and parses the check file at `path`.
CheckFile read_check_file(const std::string& path);

// The check files `paths` name: files as they are, folders for every *.toml file under them,
// in name order. A path that does not exist fails (exit 66).
std::vector<std::string> find_check_files(const std::vector<std::string>& paths);

// The words of a golden command line: split at spaces, '…' and "…" quote, \ escapes the next
// character outside single quotes.
std::optional<std::vector<std::string>> split_command(std::string_view command);

// The tradewatch commands a golden check may run: those that neither change the store nor
// write files.
bool is_read_only_command(std::string_view name);

} // namespace tw::check
