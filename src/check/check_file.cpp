#include "check/check_file.hpp"

#include "check/lint.hpp"
#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/source.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
// toml++ is compiled in from its headers, where a debug build would turn its internal
// assertions on; one fails on a malformed key (fuzz/regressions/check_file) that its parser
// then reports as an error. Off in every build, as in the library Debian ships.
#define TOML_ASSERT(expr) static_cast<void>(0)
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

namespace tw::check {

namespace {

constexpr std::array k_global_options_with_values{"--format", "--color", "--author", "--reason"};
constexpr std::array k_read_only_commands{"list", "show", "history", "rate",  "report",
                                          "lint", "log",  "query",   "export"};

// The keys each kind of check may have, for the unknown-key error and its hint.
struct KindKeys {
  std::string_view kind;
  std::vector<std::string_view> keys;
};

const std::vector<KindKeys>& kind_keys() {
  static const std::vector<KindKeys> kinds{
      {"rate", {"name", "imposer", "origin", "hs", "on", "authority", "company", "as-known-on", "expect"}},
      {"listed", {"name", "imposer", "list", "entity", "on", "as-known-on", "expect"}},
      {"count",
       {"name", "kind", "imposer", "origin", "hs", "authority", "list", "country", "text", "on", "as-known-on",
        "expect"}},
      {"query", {"name", "sql", "expect", "expect-count", "expect-rows", "expect-csv"}},
      {"golden", {"name", "command", "output", "status"}},
      {"lint", {"name", "rules", "as-known-on"}},
  };
  return kinds;
}

// The check file's lines, to turn toml++'s positions (columns in code points) into bytes.
class Lines {
public:
  explicit Lines(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = text.find('\n', start);
      m_lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (end == std::string_view::npos) {
        break;
      }
      start = end + 1;
    }
  }

  // The 1-based byte column of 1-based code point `column` on `line`.
  std::size_t byte_column(std::size_t line, std::size_t column) const {
    if (line == 0 || line > m_lines.size()) {
      return column;
    }
    const std::string_view text = m_lines[line - 1];
    std::size_t byte = 0;
    for (std::size_t point = 1; point < column && byte < text.size(); ++point) {
      ++byte;
      while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) {
        ++byte;
      }
    }
    return byte + 1;
  }

private:
  std::vector<std::string_view> m_lines;
};

class Parser {
public:
  Parser(const CheckFile& file) : m_file(file), m_lines(file.text) {}

  io::SourcePosition position(const toml::source_position& at) const {
    return {m_file.path, at.line, m_lines.byte_column(at.line, at.column)};
  }

  SourceSpan span(const toml::source_region& region) const {
    return {region.begin.line, m_lines.byte_column(region.begin.line, region.begin.column), region.end.line,
            m_lines.byte_column(region.end.line, region.end.column)};
  }

  [[noreturn]] void fail(const toml::source_region& at, const std::string& message,
                         const std::string& hint = {}) const {
    throw io::data_error(position(at.begin), message, hint);
  }

  const CheckFile& file() const { return m_file; }

private:
  const CheckFile& m_file;
  Lines m_lines;
};

// Reads the keys of one check's table, each once, by type.
class TableReader {
public:
  TableReader(const Parser& parser, const toml::table& table, const KindKeys& kind)
      : m_parser(parser), m_table(table), m_kind(kind) {
    for (const auto& [key, value] : table) {
      if (std::ranges::find(kind.keys, key.str()) == kind.keys.end()) {
        parser.fail(key.source(), fmt::format("unknown key \"{}\" in a [[{}]] check", key.str(), kind.kind),
                    fmt::format("a [[{}]] check has {}", kind.kind, fmt::join(kind.keys, ", ")));
      }
    }
  }

  const toml::node* find(std::string_view key) const { return m_table.get(key); }

  [[noreturn]] void missing(std::string_view key, std::string_view example) const {
    m_parser.fail(m_table.source(), fmt::format("a [[{}]] check needs \"{}\"", m_kind.kind, key),
                  fmt::format("for example: {} = {}", key, example));
  }

  [[noreturn]] void wrong_type(std::string_view key, const toml::node& node, std::string_view wanted,
                               std::string_view example) const {
    m_parser.fail(node.source(), fmt::format("\"{}\" must be {}", key, wanted),
                  fmt::format("for example: {} = {}", key, example));
  }

  std::optional<std::string> optional_string(std::string_view key, std::string_view example) const {
    const toml::node* node = find(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    if (!node->is_string()) {
      wrong_type(key, *node, "a string", example);
    }
    return std::string(*node->value<std::string_view>());
  }

  std::string string(std::string_view key, std::string_view example) const {
    auto value = optional_string(key, example);
    if (!value) {
      missing(key, example);
    }
    return *value;
  }

  // Parses string `key` with T::parse (Jurisdiction, ProductCode, Rate), pointing at the bad
  // column on failure.
  template <typename T> std::optional<T> optional_parsed(std::string_view key, std::string_view example) const {
    const auto text = optional_string(key, example);
    if (!text) {
      return std::nullopt;
    }
    auto parsed = T::parse(*text);
    if (!parsed) {
      m_parser.fail(find(key)->source(), fmt::format("\"{}\" = \"{}\": {}", key, *text, parsed.error().message),
                    parsed.error().hint);
    }
    return *parsed;
  }

  template <typename T> T parsed(std::string_view key, std::string_view example) const {
    auto value = optional_parsed<T>(key, example);
    if (!value) {
      missing(key, example);
    }
    return *value;
  }

  // A TOML date (2024-09-27) or a string of one ("2024-09-27").
  std::optional<Date> optional_date(std::string_view key) const {
    const toml::node* node = find(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    std::string text;
    if (const auto* date = node->as_date()) {
      const toml::date value = date->get();
      text = fmt::format("{:04}-{:02}-{:02}", value.year, value.month, value.day);
    } else if (node->is_string()) {
      text = *node->value<std::string>();
    } else {
      wrong_type(key, *node, "a date", "2024-09-27");
    }
    auto parsed = Date::parse(text);
    if (!parsed) {
      m_parser.fail(node->source(), fmt::format("\"{}\" = {}: {}", key, text, parsed.error().message),
                    parsed.error().hint);
    }
    return *parsed;
  }

  Date date(std::string_view key) const {
    auto value = optional_date(key);
    if (!value) {
      missing(key, "2024-09-27");
    }
    return *value;
  }

  // A date, or a UTC time as a string ("2024-10-01T12:00:00Z").
  std::optional<std::string> as_known_on() const {
    const toml::node* node = find("as-known-on");
    if (node == nullptr) {
      return std::nullopt;
    }
    if (const auto time = node->value<std::string>(); time && time->size() > 10) {
      const bool is_time = time->size() == 20 && Date::parse(time->substr(0, 10)).has_value() && (*time)[10] == 'T' &&
                           (*time)[19] == 'Z' && (*time)[13] == ':' && (*time)[16] == ':';
      if (!is_time) {
        m_parser.fail(node->source(), fmt::format("\"as-known-on\" = \"{}\": not a date or UTC time", *time),
                      "write 2024-10-01 (the end of that day) or \"2024-10-01T12:00:00Z\"");
      }
      return *time;
    }
    return optional_date("as-known-on")->to_string();
  }

  std::int64_t integer(const toml::node& node, std::string_view key, std::string_view example) const {
    if (!node.is_integer()) {
      wrong_type(key, node, "a whole number", example);
    }
    return *node.value<std::int64_t>();
  }

private:
  const Parser& m_parser;
  const toml::table& m_table;
  const KindKeys& m_kind;
};

// A TOML value of a query's expectation as the text the answer is compared with.
std::optional<std::string> value_text(const toml::node& node) {
  if (const auto* text = node.as_string()) {
    return text->get();
  }
  if (const auto* integer = node.as_integer()) {
    return fmt::format("{}", integer->get());
  }
  if (const auto* real = node.as_floating_point()) {
    return fmt::format("{}", real->get());
  }
  if (const auto* boolean = node.as_boolean()) {
    return boolean->get() ? "1" : "0";
  }
  return std::nullopt;
}

RateCheck read_rate(const TableReader& reader) {
  RateCheck check;
  check.imposer = reader.parsed<Jurisdiction>("imposer", "\"US\"");
  check.origin = reader.parsed<Jurisdiction>("origin", "\"CN\"");
  check.hs = reader.parsed<ProductCode>("hs", "\"8703.80.00\"");
  check.on = reader.date("on");
  check.authority = reader.optional_string("authority", "\"Section 301\"");
  check.company = reader.optional_string("company", "\"BYD\"").value_or("");
  check.expect = reader.parsed<Rate>("expect", "\"100%\"");
  return check;
}

ListedCheck read_listed(const TableReader& reader) {
  ListedCheck check;
  check.imposer = reader.optional_parsed<Jurisdiction>("imposer", "\"US\"");
  check.list = reader.string("list", "\"Entity List\"");
  check.entity = reader.string("entity", "\"Beijing Academy of Quantum Information Sciences\"");
  check.on = reader.date("on");
  const toml::node* expect = reader.find("expect");
  if (expect == nullptr) {
    reader.missing("expect", "true");
  }
  if (!expect->is_boolean()) {
    reader.wrong_type("expect", *expect, "true or false", "true");
  }
  check.expect = *expect->value<bool>();
  return check;
}

CountCheck read_count(const TableReader& reader, const Parser& parser) {
  CountCheck check;
  query::MeasureFilter& filter = check.filter;
  if (const auto kind = reader.optional_string("kind", "\"listing\"")) {
    filter.kind = parse_measure_kind(*kind);
    if (!filter.kind) {
      parser.fail(reader.find("kind")->source(), fmt::format("\"kind\" = \"{}\": unknown kind", *kind),
                  "kind is one of tariff, listing, control, other");
    }
  }
  filter.imposer = reader.optional_parsed<Jurisdiction>("imposer", "\"US\"");
  filter.origin = reader.optional_parsed<Jurisdiction>("origin", "\"CN\"");
  filter.hs = reader.optional_parsed<ProductCode>("hs", "\"8703.80\"");
  filter.authority = reader.optional_string("authority", "\"Section 301\"");
  filter.list = reader.optional_string("list", "\"Entity List\"");
  filter.country = reader.optional_parsed<Jurisdiction>("country", "\"CN\"");
  filter.text = reader.optional_string("text", "\"quantum\"");
  filter.on = reader.optional_date("on");
  const toml::node* expect = reader.find("expect");
  if (expect == nullptr) {
    reader.missing("expect", "37");
  }
  check.expect = reader.integer(*expect, "expect", "37");
  return check;
}

std::vector<std::vector<std::string>> read_rows(const Parser& parser, const toml::node& node) {
  std::vector<std::vector<std::string>> rows;
  const auto* array = node.as_array();
  if (array == nullptr) {
    parser.fail(node.source(), "\"expect-rows\" must be an array of rows, each an array of values",
                "for example: expect-rows = [[\"us-301-cn-ev\", \"100%\"]]");
  }
  for (const toml::node& row_node : *array) {
    const auto* row = row_node.as_array();
    if (row == nullptr) {
      parser.fail(row_node.source(), "each row of \"expect-rows\" must be an array of values",
                  "for example: [\"us-301-cn-ev\", \"100%\"]");
    }
    std::vector<std::string> cells;
    for (const toml::node& cell : *row) {
      auto text = value_text(cell);
      if (!text) {
        parser.fail(cell.source(), "a value of \"expect-rows\" must be a string, number or boolean");
      }
      cells.push_back(std::move(*text));
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

void read_csv_rows(QueryCheck& check, const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return;
  }
  check.csv_file_exists = true;
  io::CsvReader reader(in, path.string());
  io::CsvRecord record;
  if (reader.next(record)) {
    check.header = record.fields;
  }
  while (reader.next(record)) {
    check.rows.push_back(record.fields);
  }
}

QueryCheck read_query(const TableReader& reader, const Parser& parser) {
  QueryCheck check;
  check.sql = reader.string("sql", "\"SELECT count(*) FROM v_listings\"");
  std::vector<std::string_view> given;
  for (const std::string_view key : {"expect", "expect-count", "expect-rows", "expect-csv"}) {
    if (reader.find(key) != nullptr) {
      given.push_back(key);
    }
  }
  if (given.empty()) {
    reader.missing("expect", "37 (or expect-count, expect-rows, expect-csv)");
  }
  if (given.size() > 1) {
    parser.fail(reader.find(given[1])->source(),
                fmt::format("a [[query]] check has one expectation; it has {}", fmt::join(given, " and ")),
                "expect is one value, expect-count the number of rows, expect-rows the rows, expect-csv a CSV file");
  }
  const toml::node& node = *reader.find(given.front());
  if (given.front() == "expect") {
    auto text = value_text(node);
    if (!text) {
      reader.wrong_type("expect", node, "a string, number or boolean", "37");
    }
    check.kind = QueryCheck::Expect::scalar;
    check.scalar = std::move(*text);
  } else if (given.front() == "expect-count") {
    check.kind = QueryCheck::Expect::row_count;
    check.row_count = reader.integer(node, "expect-count", "8");
  } else if (given.front() == "expect-rows") {
    check.kind = QueryCheck::Expect::rows;
    check.rows = read_rows(parser, node);
  } else {
    check.kind = QueryCheck::Expect::csv_file;
    check.csv_file = reader.string("expect-csv", "\"expected/ev-lines.csv\"");
    read_csv_rows(check, parser.file().directory / check.csv_file);
  }
  return check;
}

GoldenCheck read_golden(const TableReader& reader, const Parser& parser) {
  GoldenCheck check;
  check.command = reader.string("command", "\"rate --imposer US --origin CN --hs 8703.80.00 --on 2024-10-01\"");
  check.output = reader.string("output", "\"golden/ev-rate.txt\"");
  if (const toml::node* status = reader.find("status")) {
    check.status = static_cast<int>(reader.integer(*status, "status", "1"));
  }
  const toml::source_region& at = reader.find("command")->source();
  auto words = split_command(check.command);
  if (!words) {
    parser.fail(at, "the command has an unmatched quote");
  }
  if (!words->empty() && words->front() == "tradewatch") {
    words->erase(words->begin());
  }
  if (words->empty()) {
    parser.fail(at, "the command is empty", "for example: command = \"list --kind tariff\"");
  }
  // The first word that is neither a global option nor its value is the command.
  auto name = words->begin();
  while (name != words->end() && name->starts_with("-")) {
    const bool takes_value =
        std::ranges::find(k_global_options_with_values, *name) != k_global_options_with_values.end();
    name += takes_value && name + 1 != words->end() ? 2 : 1;
  }
  for (const auto& word : *words) {
    if (word == "-o" || word.starts_with("--output") || word.starts_with("--db")) {
      parser.fail(at, fmt::format("a golden command may not use {}: the check chooses the store and reads the output",
                                  word.substr(0, word.find('='))));
    }
  }
  if (name == words->end() || !is_read_only_command(*name)) {
    parser.fail(at,
                fmt::format("\"{}\" is not a read-only command; a golden check may not change the store or write files",
                            name == words->end() ? check.command : *name),
                fmt::format("a golden check runs one of {}", fmt::join(k_read_only_commands, ", ")));
  }
  check.args = std::move(*words);
  return check;
}

LintCheck read_lint(const TableReader& reader, const Parser& parser) {
  LintCheck check;
  const toml::node* rules = reader.find("rules");
  if (rules == nullptr) {
    return check;
  }
  const auto* array = rules->as_array();
  if (array == nullptr) {
    reader.wrong_type("rules", *rules, "an array of rule names", "[\"overlap\"]");
  }
  for (const toml::node& rule : *array) {
    const auto name = rule.value<std::string>();
    if (!name || find_lint_rule(*name) == nullptr) {
      parser.fail(rule.source(),
                  fmt::format("unknown lint rule {}", name ? fmt::format("\"{}\"", *name) : "(not a string)"),
                  fmt::format("rules are {}", lint_rule_names()));
    }
    check.rules.push_back(*name);
  }
  return check;
}

} // namespace

bool is_read_only_command(std::string_view name) {
  return std::ranges::find(k_read_only_commands, name) != k_read_only_commands.end();
}

std::optional<std::vector<std::string>> split_command(std::string_view command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (quote == '\'') {
      if (c == '\'') {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\\' && i + 1 < command.size()) {
      word += command[++i];
      in_word = true;
    } else if (quote == '"') {
      if (c == '"') {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) {
        words.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != 0) {
    return std::nullopt;
  }
  if (in_word) {
    words.push_back(std::move(word));
  }
  return words;
}

CheckFile parse_check_file(const std::string& path, std::string text) {
  CheckFile file;
  file.path = path;
  file.directory = std::filesystem::path(path).parent_path();
  file.text = std::move(text);
  const Parser parser(file);
  toml::table document;
  try {
    document = toml::parse(file.text, std::string_view(path));
  } catch (const toml::parse_error& error) {
    throw io::data_error(parser.position(error.source().begin), std::string(error.description()),
                         "check files are TOML: https://toml.io");
  }
  std::vector<std::string_view> kinds;
  for (const auto& known : kind_keys()) {
    kinds.push_back(known.kind);
  }
  const std::string kinds_hint = fmt::format("checks are arrays of tables: [[{}]]", fmt::join(kinds, "]], [["));
  // The checks in the order of the file, so that the first error reported is the first in it
  // (toml++ holds the tables by name).
  struct Entry {
    const KindKeys* kind;
    const toml::table* table;
  };
  std::vector<Entry> entries;
  for (const auto& [key, value] : document) {
    const auto kind = std::ranges::find_if(kind_keys(), [&](const KindKeys& known) { return known.kind == key.str(); });
    if (kind == kind_keys().end()) {
      parser.fail(key.source(), fmt::format("unknown check kind \"{}\"", key.str()), kinds_hint);
    }
    const auto* checks = value.as_array();
    if (checks == nullptr || !checks->is_array_of_tables()) {
      parser.fail(key.source(), fmt::format("\"{}\" must be written [[{}]], one table per check", key.str(), key.str()),
                  kinds_hint);
    }
    for (const toml::node& node : *checks) {
      entries.push_back({&*kind, node.as_table()});
    }
  }
  std::ranges::stable_sort(entries, {}, [](const Entry& entry) { return entry.table->source().begin.line; });
  for (const auto& [kind, table_pointer] : entries) {
    const toml::table& table = *table_pointer;
    const TableReader reader(parser, table, *kind);
    Check check;
    check.line = table.source().begin.line;
    check.name = reader.string("name", "\"Section 301 on Chinese EVs after the review\"");
    if (const toml::node* expect = reader.find("expect")) {
      check.expect_at = parser.span(expect->source());
    }
    if (std::ranges::find(kind->keys, "as-known-on") != kind->keys.end()) {
      check.as_known_on = reader.as_known_on();
    }
    if (kind->kind == "rate") {
      check.what = read_rate(reader);
    } else if (kind->kind == "listed") {
      check.what = read_listed(reader);
    } else if (kind->kind == "count") {
      check.what = read_count(reader, parser);
    } else if (kind->kind == "query") {
      check.sql_at = parser.span(reader.find("sql") != nullptr ? reader.find("sql")->source() : table.source());
      QueryCheck query = read_query(reader, parser);
      for (const std::string_view expectation : {"expect-count", "expect-rows"}) {
        if (const toml::node* expect = reader.find(expectation)) {
          check.expect_at = parser.span(expect->source());
        }
      }
      check.what = std::move(query);
    } else if (kind->kind == "golden") {
      check.what = read_golden(reader, parser);
    } else {
      check.what = read_lint(reader, parser);
    }
    file.checks.push_back(std::move(check));
  }
  return file;
}

CheckFile read_check_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ExitCode::no_input, fmt::format("cannot read the check file {}", path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_check_file(path, text.str());
}

std::vector<std::string> find_check_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::string> found;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml") {
          found.push_back(entry.path().string());
        }
      }
      std::ranges::sort(found);
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, error)) {
      files.push_back(path);
    } else {
      throw Error(ExitCode::no_input, fmt::format("no check file or folder {}", path),
                  "name check files or folders of them; without any, check runs checks/ beside the store");
    }
  }
  return files;
}

} // namespace tw::check
