#include "store/read_only_sql.hpp"

#include "core/error.hpp"
#include "store/interrupt.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <memory>

namespace tw::store {

namespace {

// What the authorizer refused, for the message.
struct Refusal {
  std::string what;
};

std::string describe(int action, const char* first, const char* second) {
  const auto name = [](const char* text) { return std::string(text != nullptr ? text : ""); };
  // CREATE, DROP and ALTER reach the authorizer first as writes to the schema table.
  if (first != nullptr && std::string_view(first).starts_with("sqlite_") &&
      (action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE)) {
    return "a statement that changes the store or its schema";
  }
  switch (action) {
  case SQLITE_INSERT:
    return fmt::format("INSERT into {}", name(first));
  case SQLITE_UPDATE:
    return fmt::format("UPDATE of {}", name(first));
  case SQLITE_DELETE:
    return fmt::format("DELETE from {}", name(first));
  case SQLITE_ATTACH:
    return "ATTACH";
  case SQLITE_DETACH:
    return "DETACH";
  case SQLITE_PRAGMA:
    return second != nullptr ? fmt::format("PRAGMA {} = {}", name(first), name(second))
                             : fmt::format("PRAGMA {}", name(first));
  case SQLITE_FUNCTION:
    return fmt::format("{}()", name(second));
  case SQLITE_TRANSACTION:
  case SQLITE_SAVEPOINT:
    return "a transaction statement";
  default:
    return "a statement that changes the store or its schema";
  }
}

// Allows reading and nothing else. Pragmas are refused but for table_info and table_xinfo,
// which only describe a table or view: most pragmas can change the connection or the file.
int authorize(void* data, int action, const char* first, const char* second, const char*, const char*) {
  switch (action) {
  case SQLITE_SELECT:
  case SQLITE_READ:
  case SQLITE_RECURSIVE:
    return SQLITE_OK;
  case SQLITE_FUNCTION:
    if (second == nullptr || sqlite3_stricmp(second, "load_extension") != 0) {
      return SQLITE_OK;
    }
    break;
  case SQLITE_PRAGMA:
    if (first != nullptr && (sqlite3_stricmp(first, "table_info") == 0 || sqlite3_stricmp(first, "table_xinfo") == 0)) {
      return SQLITE_OK;
    }
    break;
  default:
    break;
  }
  auto* refusal = static_cast<Refusal*>(data);
  if (refusal->what.empty()) {
    refusal->what = describe(action, first, second);
  }
  return SQLITE_DENY;
}

// Installs the authorizer for as long as it lives: statements are authorized when prepared,
// and again when SQLite prepares them anew after a schema change.
class ReadOnlyAuthorizer {
public:
  explicit ReadOnlyAuthorizer(sqlite3* handle) : m_handle(handle) {
    sqlite3_set_authorizer(m_handle, authorize, &m_refusal);
    sqlite3_db_config(m_handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  }
  ~ReadOnlyAuthorizer() { sqlite3_set_authorizer(m_handle, nullptr, nullptr); }
  ReadOnlyAuthorizer(const ReadOnlyAuthorizer&) = delete;
  ReadOnlyAuthorizer& operator=(const ReadOnlyAuthorizer&) = delete;

  const Refusal& refusal() const { return m_refusal; }

private:
  sqlite3* m_handle;
  Refusal m_refusal;
};

struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

bool only_space(std::string_view text) { return text.find_first_not_of(" \t\r\n;") == std::string_view::npos; }

// Prepares the one statement of `sql` under `authorizer`, or says why it may not run.
std::expected<StatementHandle, std::string> prepare_read_only(sqlite3* handle, const ReadOnlyAuthorizer& authorizer,
                                                              std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int result = sqlite3_prepare_v2(handle, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  StatementHandle statement(raw);
  if (!authorizer.refusal().what.empty()) {
    return std::unexpected(fmt::format("{} is refused: queries only read", authorizer.refusal().what));
  }
  if (result != SQLITE_OK) {
    return std::unexpected(fmt::format("the SQL does not compile: {}", sqlite3_errmsg(handle)));
  }
  if (!statement) {
    return std::unexpected(std::string("the SQL holds no statement"));
  }
  const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
  if (!only_space(rest)) {
    sqlite3_stmt* next = nullptr;
    sqlite3_prepare_v2(handle, rest.data(), static_cast<int>(rest.size()), &next, nullptr);
    const StatementHandle second(next);
    if (second || !authorizer.refusal().what.empty()) {
      return std::unexpected(std::string("the SQL holds more than one statement; a query is one SELECT"));
    }
  }
  if (sqlite3_stmt_readonly(statement.get()) == 0) {
    return std::unexpected(std::string("the statement would write to the store: queries only read"));
  }
  return statement;
}

SqlValue column_value(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
  case SQLITE_NULL:
    return std::monostate{};
  case SQLITE_INTEGER:
    return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
  case SQLITE_FLOAT:
    return sqlite3_column_double(statement, column);
  default: {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
    return std::string(bytes != nullptr ? bytes : "",
                       static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
  }
  }
}

} // namespace

std::string sql_value_text(const SqlValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    return fmt::format("{}", *integer);
  }
  if (const auto* real = std::get_if<double>(&value)) {
    return fmt::format("{}", *real);
  }
  if (const auto* text = std::get_if<std::string>(&value)) {
    return *text;
  }
  return {};
}

std::expected<void, std::string> refuse_unless_read_only(const Store& store, std::string_view sql) {
  const ReadOnlyAuthorizer authorizer(store.db().handle());
  auto statement = prepare_read_only(store.db().handle(), authorizer, sql);
  if (!statement) {
    return std::unexpected(statement.error());
  }
  return {};
}

SqlResult run_read_only_sql(const Store& store, std::string_view sql) {
  sqlite3* handle = store.db().handle();
  if (sqlite3_db_readonly(handle, "main") != 1) {
    throw Error(ExitCode::internal, "a query was given a store open for writing");
  }
  const ReadOnlyAuthorizer authorizer(handle);
  auto prepared = prepare_read_only(handle, authorizer, sql);
  if (!prepared) {
    throw Error(ExitCode::usage, prepared.error(),
                "query runs one SELECT over the documented views (v_tariff_lines, v_listings, …)");
  }
  sqlite3_stmt* statement = prepared->get();
  SqlResult result;
  const int columns = sqlite3_column_count(statement);
  for (int column = 0; column < columns; ++column) {
    result.columns.emplace_back(sqlite3_column_name(statement, column));
  }
  for (;;) {
    const int step = sqlite3_step(statement);
    if (step == SQLITE_DONE) {
      break;
    }
    if (step == SQLITE_INTERRUPT) {
      throw interrupted_error();
    }
    if (step != SQLITE_ROW) {
      throw Error(ExitCode::data_error, fmt::format("the query failed: {}", sqlite3_errmsg(handle)));
    }
    std::vector<SqlValue> row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      row.push_back(column_value(statement, column));
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

} // namespace tw::store
