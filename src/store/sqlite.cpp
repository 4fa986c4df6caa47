#include "store/sqlite.hpp"

#include "core/error.hpp"
#include "screen/normalize.hpp"
#include "store/busy_timeout.hpp"
#include "store/interrupt.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <utf8proc.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace tw::store {

namespace {

std::chrono::milliseconds g_busy_timeout{10'000};

[[noreturn]] void fail(sqlite3* handle, int result, std::string_view doing) {
  const int primary = result & 0xff;
  const std::string message = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(result);
  if (interrupted()) {
    // The wait for a busy store, or a statement, given up at SIGINT.
    throw interrupted_error();
  }
  switch (primary) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED: {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(g_busy_timeout).count();
    throw Error(ExitCode::busy, "the store is busy: another tradewatch is writing to it",
                fmt::format("try again in a moment; a writer waits up to {} second{} for another (set "
                            "TRADEWATCH_BUSY_TIMEOUT to wait longer)",
                            seconds, seconds == 1 ? "" : "s"));
  }
  case SQLITE_INTERRUPT:
    throw interrupted_error();
  case SQLITE_FULL:
    throw Error(ExitCode::io_error, fmt::format("{}: the disk is full", doing));
  case SQLITE_IOERR:
  case SQLITE_CANTOPEN: {
    // SQLite says "disk I/O error" or "unable to open database file"; the system says why.
    const int system_error = handle != nullptr ? sqlite3_system_errno(handle) : 0;
    if (system_error == ENOSPC || system_error == EDQUOT) {
      throw Error(ExitCode::io_error, fmt::format("{}: the disk is full", doing));
    }
    throw Error(ExitCode::io_error, system_error != 0
                                        ? fmt::format("{}: {} ({})", doing, message, std::strerror(system_error))
                                        : fmt::format("{}: {}", doing, message));
  }
  case SQLITE_CORRUPT:
  case SQLITE_READONLY:
  case SQLITE_PERM:
    throw Error(ExitCode::io_error, fmt::format("{}: {}", doing, message));
  case SQLITE_NOTADB:
    throw Error(ExitCode::data_error, fmt::format("{}: not a tradewatch store (not an SQLite database)", doing));
  default:
    throw Error(ExitCode::internal, fmt::format("{}: {} (SQLite error {})", doing, message, result));
  }
}

// Waits for another writer as SQLite's own busy timeout does, in steps that grow from 1 ms to
// 100 ms, until the busy timeout has passed; stops waiting at SIGINT.
int wait_while_busy(void*, int count) {
  static constexpr std::array<int, 12> k_steps{1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  if (interrupted()) {
    return 0;
  }
  const auto steps = static_cast<std::size_t>(count);
  const int waited = steps < k_steps.size() ? std::accumulate(k_steps.begin(), k_steps.begin() + count, 0)
                                            : std::accumulate(k_steps.begin(), k_steps.end(), 0) +
                                                  100 * (count - static_cast<int>(k_steps.size()));
  const auto timeout = static_cast<int>(g_busy_timeout.count());
  if (waited >= timeout) {
    return 0;
  }
  sqlite3_sleep(std::min(steps < k_steps.size() ? k_steps[steps] : 100, timeout - waited));
  return 1;
}

// tw_fold(text): `text` case-folded, for searches in any case (SQLite's own lower() and LIKE
// fold ASCII only). Text that is not valid UTF-8 is returned as it is.
void fold_case(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = sqlite3_value_text(arguments[0]);
  const int size = sqlite3_value_bytes(arguments[0]);
  utf8proc_uint8_t* folded = nullptr;
  const auto length = utf8proc_map(
      text, size, &folded, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (length < 0) {
    sqlite3_result_value(context, arguments[0]);
    return;
  }
  sqlite3_result_text(context, reinterpret_cast<const char*>(folded), static_cast<int>(length), std::free);
}

// The name and the JSON array of text aliases a screening function is called with.
struct ScreenedNames {
  std::string name;
  std::vector<std::string> aliases;
};

ScreenedNames screened_names(sqlite3_value** arguments) {
  const auto text_of = [](sqlite3_value* value) {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return bytes == nullptr ? std::string() : std::string(bytes, static_cast<std::size_t>(sqlite3_value_bytes(value)));
  };
  ScreenedNames names{text_of(arguments[0]), {}};
  const nlohmann::json parsed = nlohmann::json::parse(text_of(arguments[1]), nullptr, false);
  if (parsed.is_array()) {
    for (const auto& alias : parsed) {
      if (alias.is_string()) {
        names.aliases.push_back(alias.get<std::string>());
      }
    }
  }
  return names;
}

// tw_screen_text(name, aliases): what the screening indexes hold for a listing with `name`
// and the JSON array of text `aliases` (screen::index_text). The same code normalizes the
// names screened, so the index and the queries cannot disagree on a token.
void screen_text(sqlite3_context* context, int, sqlite3_value** arguments) {
  const ScreenedNames names = screened_names(arguments);
  const std::string indexed = screen::index_text(names.name, names.aliases);
  sqlite3_result_text(context, indexed.data(), static_cast<int>(indexed.size()), SQLITE_TRANSIENT);
}

// tw_screen_tokens(name, aliases): the JSON array of the tokens a listing is counted under
// (screen::index_tokens), for json_each.
void screen_tokens(sqlite3_context* context, int, sqlite3_value** arguments) {
  const ScreenedNames names = screened_names(arguments);
  // Invalid UTF-8 is replaced rather than thrown on: an exception must not cross SQLite.
  const std::string tokens = nlohmann::json(screen::index_tokens(names.name, names.aliases))
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  sqlite3_result_text(context, tokens.data(), static_cast<int>(tokens.size()), SQLITE_TRANSIENT);
}

} // namespace

void set_busy_timeout(std::chrono::milliseconds timeout) { g_busy_timeout = timeout; }

std::chrono::milliseconds busy_timeout() { return g_busy_timeout; }

Database::Database(const std::filesystem::path& path, Mode mode) : m_path(path) {
  // SQLite counts the memory it allocates under one global mutex by default, which threads
  // screening a batch on their own connections would queue at. Only possible before SQLite
  // initializes, which its first open does.
  static const int memory_statistics_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(memory_statistics_off);
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
  case Mode::read_only:
    flags |= SQLITE_OPEN_READONLY;
    break;
  case Mode::read_write:
    flags |= SQLITE_OPEN_READWRITE;
    break;
  case Mode::create:
    flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    break;
  }
  const int result = sqlite3_open_v2(path.c_str(), &m_handle, flags, nullptr);
  if (result != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(m_handle);
    sqlite3_close_v2(m_handle);
    m_handle = nullptr;
    throw Error(mode == Mode::create ? ExitCode::cant_create : ExitCode::no_input,
                fmt::format("cannot open the store {}: {}", path.string(), message));
  }
  watch_connection(m_handle);
  sqlite3_extended_result_codes(m_handle, 1);
  // A writer waits for another writer before giving up with exit 75.
  sqlite3_busy_handler(m_handle, wait_while_busy, nullptr);
  sqlite3_create_function_v2(m_handle, "tw_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                             fold_case, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(m_handle, "tw_screen_text", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                             nullptr, screen_text, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(m_handle, "tw_screen_tokens", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                             nullptr, screen_tokens, nullptr, nullptr, nullptr);
}

Database::~Database() {
  unwatch_connection(m_handle);
  sqlite3_close_v2(m_handle);
}

Database::Database(Database&& other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr)), m_path(std::move(other.m_path)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    unwatch_connection(m_handle);
    sqlite3_close_v2(m_handle);
    m_handle = std::exchange(other.m_handle, nullptr);
    m_path = std::move(other.m_path);
  }
  return *this;
}

void Database::execute(std::string_view sql) {
  throw_if_interrupted();
  const std::string statements(sql);
  const int result = sqlite3_exec(m_handle, statements.c_str(), nullptr, nullptr, nullptr);
  if (result != SQLITE_OK) {
    fail(m_handle, result, fmt::format("store {}", m_path.string()));
  }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_handle); }

std::int64_t Database::changes() const { return sqlite3_changes64(m_handle); }

Statement::Statement(const Database& db, std::string_view sql) : m_db(&db) {
  const int result = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &m_handle, nullptr);
  if (result != SQLITE_OK) {
    fail(db.handle(), result, fmt::format("store {}", db.path().string()));
  }
}

Statement::~Statement() { sqlite3_finalize(m_handle); }

Statement::Statement(Statement&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr)), m_db(other.m_db) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(m_handle);
    m_handle = std::exchange(other.m_handle, nullptr);
    m_db = other.m_db;
  }
  return *this;
}

Statement& Statement::bound(int result) {
  if (result != SQLITE_OK) {
    fail(m_db->handle(), result, "binding a value");
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) { return bound(sqlite3_bind_int64(m_handle, index, value)); }

Statement& Statement::bind(int index, std::string_view value) {
  return bound(sqlite3_bind_text(m_handle, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
}

Statement& Statement::bind_static(int index, std::string_view value) {
  return bound(sqlite3_bind_text(m_handle, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC));
}

Statement& Statement::bind_null(int index) { return bound(sqlite3_bind_null(m_handle, index)); }

bool Statement::step() {
  throw_if_interrupted();
  const int result = sqlite3_step(m_handle);
  if (result == SQLITE_ROW) {
    return true;
  }
  if (result == SQLITE_DONE) {
    return false;
  }
  fail(m_db->handle(), result, fmt::format("store {}", m_db->path().string()));
}

void Statement::run() {
  while (step()) {
  }
}

std::expected<void, std::string> Statement::run_checked() {
  throw_if_interrupted();
  while (true) {
    const int result = sqlite3_step(m_handle);
    if (result == SQLITE_DONE) {
      return {};
    }
    if ((result & 0xff) == SQLITE_CONSTRAINT) {
      return std::unexpected(std::string(sqlite3_errmsg(m_db->handle())));
    }
    if (result != SQLITE_ROW) {
      fail(m_db->handle(), result, fmt::format("store {}", m_db->path().string()));
    }
  }
}

void Statement::reset() {
  sqlite3_reset(m_handle);
  sqlite3_clear_bindings(m_handle);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(m_handle, column) == SQLITE_NULL; }

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_handle, column); }

std::string Statement::text(int column) const { return std::string(text_view(column)); }

std::string_view Statement::text_view(int column) const {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_handle, column));
  return bytes == nullptr ? std::string_view()
                          : std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_handle, column)));
}

std::optional<std::string> Statement::optional_text(int column) const {
  return is_null(column) ? std::nullopt : std::optional(text(column));
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  return is_null(column) ? std::nullopt : std::optional(integer(column));
}

Transaction::Transaction(Database& db, Kind kind) : m_db(db) {
  m_db.execute(kind == Kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
  if (m_open) {
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  m_db.execute("COMMIT");
  m_open = false;
}

std::vector<std::pair<std::string, std::string>> drop_indexes(Database& db, std::string_view table) {
  std::vector<std::pair<std::string, std::string>> indexes;
  Statement listed(db, "SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' AND tbl_name = ?1 "
                       "AND sql IS NOT NULL ORDER BY rowid");
  listed.bind(1, table);
  while (listed.step()) {
    indexes.emplace_back(listed.text(0), listed.text(1));
  }
  listed.reset(); // no statement may be reading while an index is dropped
  for (const auto& [name, sql] : indexes) {
    db.execute(fmt::format("DROP INDEX main.\"{}\"", name));
  }
  return indexes;
}

ForeignKeyChecksOff::ForeignKeyChecksOff(Database& db) : m_db(db) { m_db.execute("PRAGMA foreign_keys = OFF"); }

ForeignKeyChecksOff::~ForeignKeyChecksOff() {
  sqlite3_exec(m_db.handle(), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
}

RollbackJournal::RollbackJournal(Database& db) : m_db(db) {
  // Leaving the log needs the store to itself: another connection makes it busy at once, and
  // then the write goes on in the log rather than waiting.
  sqlite3_busy_handler(m_db.handle(), nullptr, nullptr);
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(m_db.handle(), "PRAGMA journal_mode = DELETE", -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    const auto* mode = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    m_taken = mode != nullptr && std::string_view(mode) == "delete";
  }
  sqlite3_finalize(statement);
  sqlite3_busy_handler(m_db.handle(), wait_while_busy, nullptr);
}

RollbackJournal::~RollbackJournal() {
  // Should this fail, the next writer's Store::open puts the log back.
  if (m_taken) {
    sqlite3_exec(m_db.handle(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
  }
}

} // namespace tw::store
