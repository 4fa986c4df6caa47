#include "io/dump.hpp"

#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/source.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <variant>
#include <vector>

namespace tw::io {

namespace fs = std::filesystem;

namespace {

enum class ColumnType { integer, text };

struct Column {
  std::string name;
  ColumnType type;
};

struct ForeignKey {
  std::string parent;
  std::vector<std::size_t> columns; // of the child table
  std::vector<std::string> parent_columns;
};

// A table as the schema declares it, read from SQLite itself so that a table added by a later
// migration is dumped without a change here.
struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> primary_key;
  std::vector<ForeignKey> foreign_keys;

  std::string file_name() const { return name + ".csv"; }
};

std::string sql_name(std::string_view identifier) {
  std::string text = "\"";
  for (const char c : identifier) {
    text += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return text + "\"";
}

std::string sql_names(const std::vector<std::string>& identifiers) {
  std::vector<std::string> each;
  for (const auto& identifier : identifiers) {
    each.push_back(sql_name(identifier));
  }
  return fmt::format("{}", fmt::join(each, ", "));
}

std::vector<std::string> column_names(const Table& table) {
  std::vector<std::string> names;
  for (const auto& column : table.columns) {
    names.push_back(column.name);
  }
  return names;
}

ColumnType column_type(const std::string& table, const std::string& column, std::string declared) {
  std::transform(declared.begin(), declared.end(), declared.begin(), [](unsigned char c) { return std::toupper(c); });
  if (declared == "INTEGER" || declared == "INT") {
    return ColumnType::integer;
  }
  if (declared == "TEXT") {
    return ColumnType::text;
  }
  throw Error(ExitCode::internal,
              fmt::format("column {}.{} has type {}, which dump and load do not handle", table, column, declared));
}

// Tables the triggers on other tables fill: load rebuilds them by inserting the rows they
// derive from, so a dump leaves them out.
const std::set<std::string, std::less<>> k_derived_tables{"screening_token_counts"};

// The oldest schema whose dumps hold the same files as the current one's: schema 4 added only
// a derived table, schema 5 only an index.
constexpr int k_oldest_same_dump_schema = 3;

// Every table of the schema but SQLite's own and the derived ones, by name. Each must be STRICT
// (so that a column holds values of its declared type only) and have a primary key (which
// orders its rows).
std::vector<Table> schema_tables(const store::Database& db) {
  std::vector<Table> tables;
  store::Statement list(db, "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  while (list.step()) {
    if (k_derived_tables.contains(list.text(0))) {
      continue;
    }
    Table table{list.text(0), {}, {}, {}};
    if (list.integer(1) == 0) {
      throw Error(ExitCode::internal,
                  fmt::format("table {} is not STRICT; dump and load need STRICT tables", table.name));
    }
    store::Statement columns(db, "SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid");
    columns.bind(1, table.name);
    std::map<std::int64_t, std::string> key_columns; // by place in the key
    while (columns.step()) {
      table.columns.push_back({columns.text(0), column_type(table.name, columns.text(0), columns.text(1))});
      if (columns.integer(2) > 0) {
        key_columns[columns.integer(2)] = columns.text(0);
      }
    }
    if (key_columns.empty()) {
      throw Error(ExitCode::internal, fmt::format("table {} has no primary key to order its rows by", table.name));
    }
    for (auto& [place, name] : key_columns) {
      table.primary_key.push_back(std::move(name));
    }
    store::Statement keys(db,
                          "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1) ORDER BY id, seq");
    keys.bind(1, table.name);
    const auto names = column_names(table);
    std::int64_t key_id = -1;
    while (keys.step()) {
      if (keys.integer(0) != key_id) {
        key_id = keys.integer(0);
        table.foreign_keys.push_back({keys.text(1), {}, {}});
      }
      const auto from = std::find(names.begin(), names.end(), keys.text(2));
      table.foreign_keys.back().columns.push_back(static_cast<std::size_t>(from - names.begin()));
      table.foreign_keys.back().parent_columns.push_back(keys.text(3)); // empty: the parent's primary key
    }
    tables.push_back(std::move(table));
  }
  for (auto& table : tables) {
    for (auto& key : table.foreign_keys) {
      if (key.parent_columns.front().empty()) {
        const auto parent =
            std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.name == key.parent; });
        if (parent == tables.end()) {
          throw Error(ExitCode::internal,
                      fmt::format("table {} refers to {}, which is not a table of the schema", table.name, key.parent));
        }
        key.parent_columns = parent->primary_key;
      }
    }
  }
  return tables;
}

// The tables in an order in which each comes after the tables it refers to.
std::vector<const Table*> load_order(const std::vector<Table>& tables) {
  std::vector<const Table*> order;
  std::set<std::string> placed;
  while (order.size() < tables.size()) {
    const std::size_t before = order.size();
    for (const Table& table : tables) {
      const bool ready = std::all_of(table.foreign_keys.begin(), table.foreign_keys.end(), [&](const ForeignKey& key) {
        return key.parent == table.name || placed.contains(key.parent);
      });
      if (!placed.contains(table.name) && ready) {
        order.push_back(&table);
        placed.insert(table.name);
      }
    }
    if (order.size() == before) {
      throw Error(ExitCode::internal, "the tables' foreign keys form a cycle; load cannot order them");
    }
  }
  return order;
}

std::int64_t write_table(const store::Database& db, const Table& table, std::ostream& out) {
  std::vector<std::string> fields = column_names(table);
  write_dump_record(out, fields);
  store::Statement rows(db, fmt::format("SELECT {} FROM {} ORDER BY {}", sql_names(fields), sql_name(table.name),
                                        sql_names(table.primary_key)));
  std::int64_t count = 0;
  while (rows.step()) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const int column = static_cast<int>(i);
      if (rows.is_null(column)) {
        fields[i] = encode_field(std::nullopt);
      } else if (table.columns[i].type == ColumnType::integer) {
        fields[i] = std::to_string(rows.integer(column));
      } else {
        fields[i] = encode_field(rows.text(column));
      }
    }
    write_dump_record(out, fields);
    ++count;
  }
  return count;
}

std::string temporary_name(const std::string& name) { return name + ".tmp"; }

// Files written under temporary names; they replace the real ones only when all are written,
// and are removed if the dump fails before.
class PendingFiles {
public:
  PendingFiles() = default;
  PendingFiles(const PendingFiles&) = delete;
  PendingFiles& operator=(const PendingFiles&) = delete;
  ~PendingFiles() {
    for (const auto& [temporary, final_path] : m_files) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
    }
  }

  void write(const fs::path& path, const std::function<void(std::ostream&)>& write_content) {
    const fs::path temporary = path.parent_path() / temporary_name(path.filename().string());
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      const int error = errno;
      throw Error(error == ENOSPC || error == EDQUOT ? ExitCode::io_error : ExitCode::cant_create,
                  fmt::format("cannot write {}: {}", temporary.string(), std::strerror(error)));
    }
    m_files.emplace_back(temporary, path);
    write_content(out);
    out.close();
    if (!out) {
      throw Error(ExitCode::io_error, fmt::format("cannot write {}: {}", temporary.string(), std::strerror(errno)));
    }
  }

  void publish() {
    for (const auto& [temporary, final_path] : m_files) {
      std::error_code error;
      fs::rename(temporary, final_path, error);
      if (error) {
        throw Error(ExitCode::io_error, fmt::format("cannot rename {} to {}: {}", temporary.string(),
                                                    final_path.string(), error.message()));
      }
    }
    m_files.clear();
  }

private:
  std::vector<std::pair<fs::path, fs::path>> m_files; // temporary, final
};

// Creates `dir`, or checks that it holds nothing but an earlier dump.
void prepare_folder(const fs::path& dir, const std::vector<Table>& tables, Overwrite overwrite) {
  std::error_code error;
  const fs::file_status status = fs::status(dir, error);
  if (!fs::exists(status)) {
    fs::create_directories(dir, error);
    if (error) {
      throw Error(ExitCode::cant_create, fmt::format("cannot create the folder {}: {}", dir.string(), error.message()));
    }
    return;
  }
  if (!fs::is_directory(status)) {
    throw Error(ExitCode::cant_create, fmt::format("{} exists and is not a folder", dir.string()),
                "dump writes a folder of files; name a new folder or an earlier dump");
  }
  if (overwrite == Overwrite::anything) {
    return;
  }
  std::set<std::string> dump_files{std::string(k_manifest_name), temporary_name(std::string(k_manifest_name))};
  for (const auto& table : tables) {
    dump_files.insert(table.file_name());
    dump_files.insert(temporary_name(table.file_name()));
  }
  std::set<std::string> others;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (!dump_files.contains(entry.path().filename().string())) {
      others.insert(entry.path().filename().string());
    }
  }
  if (error) {
    throw Error(ExitCode::cant_create, fmt::format("cannot read the folder {}: {}", dir.string(), error.message()));
  }
  if (!others.empty()) {
    std::vector<std::string> shown(others.begin(),
                                   std::next(others.begin(), std::min<std::ptrdiff_t>(3, std::ssize(others))));
    throw Error(ExitCode::cant_create,
                fmt::format("{} holds files that are not part of a dump: {}{}", dir.string(), fmt::join(shown, ", "),
                            others.size() > shown.size() ? ", …" : ""),
                "dump into a new or empty folder, or over an earlier dump; --force writes there anyway and "
                "leaves the other files alone");
  }
}

// --- load ---

using Value = std::variant<std::monostate, std::int64_t, std::string>;

void bind_value(store::Statement& statement, int index, const Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    statement.bind(index, *integer);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    statement.bind(index, *text);
  } else {
    statement.bind_null(index);
  }
}

// The value of field `field` of `record`, in column `column`.
Value parse_value(const Column& column, const CsvRecord& record, std::size_t field) {
  auto decoded = decode_field(record.fields[field]);
  if (!decoded) {
    throw data_error(record.position(field), fmt::format("{}: {}", column.name, decoded.error()),
                     "\\N is NULL; text that starts with a backslash is written with one more in front");
  }
  if (!*decoded) {
    return std::monostate{};
  }
  if (column.type == ColumnType::text) {
    return std::move(**decoded);
  }
  const std::string& text = **decoded;
  std::int64_t number = 0;
  const auto [end, result] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || result != std::errc{} || end != text.data() + text.size()) {
    throw data_error(record.position(field), fmt::format("{} \"{}\" is not an integer", column.name, text),
                     "this column holds whole numbers, or \\N for none");
  }
  return number;
}

// The column a constraint message of SQLite is about: the first of the table's column names
// in it ("NOT NULL constraint failed: tariff_lines.rate", "CHECK constraint failed: valid_to
// IS NULL OR valid_to > valid_from").
std::optional<std::size_t> column_in_message(const std::string& message, const Table& table) {
  const auto names = column_names(table);
  std::size_t i = message.find(": ");
  while (i < message.size()) {
    if (std::isalpha(static_cast<unsigned char>(message[i])) == 0 && message[i] != '_') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < message.size() &&
           (std::isalnum(static_cast<unsigned char>(message[end])) != 0 || message[end] == '_')) {
      ++end;
    }
    const auto found = std::find(names.begin(), names.end(), message.substr(i, end - i));
    if (found != names.end()) {
      return static_cast<std::size_t>(found - names.begin());
    }
    i = end;
  }
  return std::nullopt;
}

void check_header(const CsvTable& csv, const Table& table) {
  const auto& header = csv.header();
  const auto names = column_names(table);
  const std::string hint = fmt::format("the header of {} names the columns of table {} in order: {}", table.file_name(),
                                       table.name, fmt::join(names, ","));
  for (std::size_t i = 0; i < std::min(header.size(), names.size()); ++i) {
    if (header[i] != names[i]) {
      throw data_error(
          csv.header_position(i),
          fmt::format("column {} is \"{}\" where table {} has \"{}\"", i + 1, header[i], table.name, names[i]), hint);
    }
  }
  if (header.size() != names.size()) {
    throw data_error(
        header.size() > names.size() ? csv.header_position(names.size()) : SourcePosition{csv.file_name(), 1, 1},
        fmt::format("the header names {} columns where table {} has {}", header.size(), table.name, names.size()),
        hint);
  }
}

// Checks that the row a foreign key refers to exists, to say which value is wrong.
class ParentCheck {
public:
  ParentCheck(const store::Database& db, const ForeignKey& key) : m_key(key), m_exists(db, query(key)) {}

  void check(const std::vector<Value>& values, const CsvRecord& record, const Table& table) {
    for (std::size_t i = 0; i < m_key.columns.size(); ++i) {
      if (std::holds_alternative<std::monostate>(values[m_key.columns[i]])) {
        return; // a NULL refers to nothing
      }
      bind_value(m_exists, static_cast<int>(i + 1), values[m_key.columns[i]]);
    }
    m_exists.step();
    const bool exists = m_exists.integer(0) != 0;
    m_exists.reset();
    if (!exists) {
      std::vector<std::string> from;
      std::vector<std::string> shown;
      for (const std::size_t column : m_key.columns) {
        from.push_back(table.columns[column].name);
        shown.push_back(record.fields[column]);
      }
      throw data_error(
          record.position(m_key.columns.front()),
          fmt::format("{} {}: no row of {} has {} {}", fmt::join(from, ","), fmt::join(shown, ","), m_key.parent,
                      fmt::join(m_key.parent_columns, ","), fmt::join(shown, ",")),
          fmt::format("a row may refer only to rows that exist: add it to {}.csv or correct the value", m_key.parent));
    }
  }

private:
  static std::string query(const ForeignKey& key) {
    std::vector<std::string> conditions;
    for (std::size_t i = 0; i < key.parent_columns.size(); ++i) {
      conditions.push_back(fmt::format("{} = ?{}", sql_name(key.parent_columns[i]), i + 1));
    }
    return fmt::format("SELECT EXISTS (SELECT 1 FROM {} WHERE {})", sql_name(key.parent),
                       fmt::join(conditions, " AND "));
  }

  const ForeignKey& m_key;
  store::Statement m_exists;
};

std::int64_t load_table(store::Database& db, const Table& table, const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ExitCode::no_input, fmt::format("{}: no such file", path.string()),
                "the manifest lists it; a dump has one file per table");
  }
  CsvTable csv(in, path.string());
  check_header(csv, table);

  std::vector<std::string> placeholders;
  for (std::size_t i = 1; i <= table.columns.size(); ++i) {
    placeholders.push_back(fmt::format("?{}", i));
  }
  store::Statement insert(db, fmt::format("INSERT INTO {} ({}) VALUES ({})", sql_name(table.name),
                                          sql_names(column_names(table)), fmt::join(placeholders, ", ")));
  std::vector<ParentCheck> parent_checks;
  parent_checks.reserve(table.foreign_keys.size());
  for (const auto& key : table.foreign_keys) {
    parent_checks.emplace_back(db, key);
  }

  CsvRecord record;
  std::vector<Value> values(table.columns.size());
  std::int64_t rows = 0;
  while (csv.next(record)) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      values[i] = parse_value(table.columns[i], record, i);
      bind_value(insert, static_cast<int>(i + 1), values[i]);
    }
    for (auto& parent : parent_checks) {
      parent.check(values, record, table);
    }
    if (auto inserted = insert.run_checked(); !inserted) {
      const std::size_t column = column_in_message(inserted.error(), table).value_or(0);
      throw data_error(record.position(column),
                       fmt::format("the row breaks a rule of table {}: {}", table.name, inserted.error()),
                       "schema/*.sql states each table's rules; \\N is NULL");
    }
    insert.reset();
    ++rows;
  }
  return rows;
}

// --- the manifest ---

SourcePosition position_at(const std::string& text, const std::string& file, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1);
  const std::size_t column = line_start == std::string::npos ? offset + 1 : offset - line_start;
  return {file, static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n')) + 1, column};
}

// Where `"key":`'s value starts in the manifest, for messages about it.
SourcePosition value_position(const std::string& text, const std::string& file, const std::string& key) {
  std::size_t at = text.find(fmt::format("\"{}\"", key));
  if (at == std::string::npos) {
    return {file, 1, 1};
  }
  at = text.find_first_not_of(" \t\r\n:", at + key.size() + 2);
  return position_at(text, file, at == std::string::npos ? text.size() : at);
}

struct Manifest {
  std::string file;                         // its path, for messages
  std::string text;                         // as read, to point at its values
  std::map<std::string, std::int64_t> rows; // by file name
};

Manifest read_manifest(const fs::path& dir) {
  const fs::path path = dir / k_manifest_name;
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ExitCode::no_input, fmt::format("{}: no such file", file),
                "load reads a folder written by 'tradewatch dump'");
  }
  std::ostringstream content;
  content << in.rdbuf();
  const std::string text = content.str();
  const char* const hint = "manifest.json is written by 'tradewatch dump'; dump the store again";

  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    // "[json.exception.parse_error.101] parse error at line 2, column 0: syntax error …" → the part after the place.
    const std::string what = error.what();
    const std::size_t place = what.find(": ", what.find("parse error"));
    throw data_error(position_at(text, file, error.byte == 0 ? 0 : error.byte - 1),
                     place == std::string::npos ? "invalid JSON" : "invalid JSON: " + what.substr(place + 2), hint);
  }
  const auto field = [&](const std::string& key) -> const nlohmann::json& {
    if (!manifest.is_object() || !manifest.contains(key)) {
      throw data_error({file, 1, 1}, fmt::format("the manifest has no \"{}\"", key), hint);
    }
    return manifest.at(key);
  };

  if (field("format") != k_dump_format) {
    throw data_error(
        value_position(text, file, "format"),
        fmt::format("format {} is not one this tradewatch reads (\"{}\")", field("format").dump(), k_dump_format),
        hint);
  }
  if (field("application_id") != store::k_application_id) {
    throw data_error(value_position(text, file, "application_id"),
                     fmt::format("application_id {} is not tradewatch's ({})", field("application_id").dump(),
                                 store::k_application_id),
                     "load reads only dumps of tradewatch stores");
  }
  const nlohmann::json& version = field("schema_version");
  const int current = store::current_schema_version();
  if (!version.is_number_integer()) {
    throw data_error(value_position(text, file, "schema_version"),
                     fmt::format("schema_version {} is not a whole number", version.dump()), hint);
  }
  if (version.get<std::int64_t>() > current) {
    throw data_error(value_position(text, file, "schema_version"),
                     fmt::format("the dump has schema version {}, newer than this tradewatch knows ({})",
                                 version.get<std::int64_t>(), current),
                     "load it with a newer tradewatch");
  }
  if (version.get<std::int64_t>() < k_oldest_same_dump_schema) {
    throw data_error(
        value_position(text, file, "schema_version"),
        fmt::format("the dump has schema version {}, older than this tradewatch's ({}); loading older dumps is not "
                    "supported yet",
                    version.get<std::int64_t>(), current),
        "migrating dumps is future work; meanwhile load it with the tradewatch that wrote it, open that store once "
        "with this tradewatch (which migrates it) and dump it again");
  }

  Manifest result{file, text, {}};
  const nlohmann::json& files = field("files");
  if (!files.is_object()) {
    throw data_error(value_position(text, file, "files"), "\"files\" is not an object of file names and row counts",
                     hint);
  }
  for (const auto& [name, rows] : files.items()) {
    if (!rows.is_number_integer() || rows.get<std::int64_t>() < 0) {
      throw data_error(value_position(text, file, name),
                       fmt::format("the row count of {} is {}, not a whole number", name, rows.dump()), hint);
    }
    result.rows[name] = rows.get<std::int64_t>();
  }
  return result;
}

// Checks that the manifest lists one file per table of the store, and no other.
void match_tables(const Manifest& manifest, const std::vector<Table>& tables) {
  std::set<std::string> expected;
  for (const auto& table : tables) {
    expected.insert(table.file_name());
    if (!manifest.rows.contains(table.file_name())) {
      throw data_error(value_position(manifest.text, manifest.file, "files"),
                       fmt::format("the manifest lists no {}", table.file_name()),
                       "a dump has one file per table of the schema; dump the store again");
    }
  }
  for (const auto& [name, rows] : manifest.rows) {
    if (!expected.contains(name)) {
      throw data_error(
          value_position(manifest.text, manifest.file, name),
          fmt::format("{} is not a file of a dump of schema version {}", name, store::current_schema_version()),
          "a dump has one file per table of the schema; dump the store again");
    }
  }
}

void require_empty(store::Store& store, const std::vector<Table>& tables, const fs::path& dir) {
  for (const auto& table : tables) {
    store::Statement any(store.db(), fmt::format("SELECT EXISTS (SELECT 1 FROM {})", sql_name(table.name)));
    if (any.step() && any.integer(0) != 0) {
      throw Error(
          ExitCode::data_error,
          fmt::format("{} is not empty: load restores a dump into a new store only", store.db().path().string()),
          fmt::format("make a new store and load into it: 'tradewatch --db NEW.db init && tradewatch --db "
                      "NEW.db load {}'",
                      dir.string()));
    }
  }
}

} // namespace

std::string encode_field(const std::optional<std::string>& value) {
  if (!value) {
    return std::string(k_null_marker);
  }
  return value->starts_with('\\') ? "\\" + *value : *value;
}

std::expected<std::optional<std::string>, std::string> decode_field(std::string_view field) {
  if (!field.starts_with('\\')) {
    return std::optional<std::string>(field);
  }
  if (field == k_null_marker) {
    return std::optional<std::string>();
  }
  if (field.starts_with("\\\\")) {
    return std::optional<std::string>(field.substr(1));
  }
  return std::unexpected(
      fmt::format("\"{}\" starts with a backslash that is neither \\N (NULL) nor \\\\ (a backslash)", field));
}

void write_dump_record(std::ostream& out, const std::vector<std::string>& fields) {
  // A lone empty field would be a blank line, which readers skip.
  if (fields.size() == 1 && fields.front().empty()) {
    out << "\"\"\n";
    return;
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out << ',';
    }
    write_csv_field(out, fields[i]);
  }
  out << '\n';
}

DumpSummary dump_store(store::Store& store, const fs::path& dir, Overwrite overwrite) {
  // One read transaction: every file shows the same state of the store.
  store::Transaction snapshot(store.db(), store::Transaction::Kind::deferred);
  const std::vector<Table> tables = schema_tables(store.db());
  prepare_folder(dir, tables, overwrite);

  PendingFiles pending;
  DumpSummary summary;
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  for (const auto& table : tables) {
    std::int64_t rows = 0;
    pending.write(dir / table.file_name(), [&](std::ostream& out) { rows = write_table(store.db(), table, out); });
    files[table.file_name()] = rows;
    summary.rows += rows;
    ++summary.tables;
  }
  store::Statement version(store.db(), "PRAGMA user_version");
  version.step();
  nlohmann::ordered_json manifest;
  manifest["format"] = k_dump_format;
  manifest["application_id"] = store::k_application_id;
  manifest["schema_version"] = version.integer(0);
  manifest["files"] = std::move(files);
  pending.write(dir / k_manifest_name, [&](std::ostream& out) { out << manifest.dump(2) << '\n'; });
  pending.publish();
  return summary;
}

DumpSummary load_store(store::Store& store, const fs::path& dir) {
  const Manifest manifest = read_manifest(dir);
  const std::vector<Table> tables = schema_tables(store.db());
  match_tables(manifest, tables);
  // Into an empty store every page written is a new one (store::RollbackJournal). Checked
  // again once the transaction holds the store.
  require_empty(store, tables, dir);
  const store::RollbackJournal journal(store.db());
  store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
  require_empty(store, tables, dir);

  DumpSummary summary;
  for (const Table* table : load_order(tables)) {
    const fs::path path = dir / table->file_name();
    const std::int64_t rows = load_table(store.db(), *table, path);
    const std::int64_t listed = manifest.rows.at(table->file_name());
    if (rows != listed) {
      throw Error(ExitCode::data_error,
                  fmt::format("{}: {} {} where {} says {}", path.string(), rows, rows == 1 ? "row" : "rows",
                              manifest.file, listed),
                  "the file was cut short or edited; if the edit is meant, correct its count in the manifest");
    }
    summary.rows += rows;
    ++summary.tables;
  }
  transaction.commit();
  return summary;
}

} // namespace tw::io
