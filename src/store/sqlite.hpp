#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tw::store {

// Owns one SQLite connection. Failures throw tw::Error with an exit code that fits the
// SQLite result (busy → 75, I/O → 74, cannot open → 66 or 73, other → 70) and SQLite's
// own message. SQL on it may call tw_fold(text): the text case-folded (all of Unicode), for
// searches in any case; and tw_screen_text(name, aliases) and tw_screen_tokens(name, aliases),
// which the screening triggers call (schema/0003_screening.sql, 0004_screening_counts.sql).
class Database {
public:
  enum class Mode { read_only, read_write, create };

  Database(const std::filesystem::path& path, Mode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  void execute(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  // The rows the last INSERT, UPDATE or DELETE changed.
  std::int64_t changes() const;
  const std::filesystem::path& path() const { return m_path; }
  sqlite3* handle() const { return m_handle; }

private:
  sqlite3* m_handle = nullptr;
  std::filesystem::path m_path;
};

// A prepared statement, move-only. Parameters are numbered from 1, columns from 0. Text is
// bound with SQLITE_TRANSIENT (copied), so the caller's strings may go away after `bind`;
// `bind_static` is the exception.
class Statement {
public:
  Statement(const Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind_null(int index);
  // Binds text without copying it (SQLITE_STATIC): it must stay unchanged until the statement
  // is reset, which a hot loop that binds and runs at once can promise.
  Statement& bind_static(int index, std::string_view value);
  template <typename T> Statement& bind_static(int index, const std::optional<T>& value) {
    return value ? bind_static(index, *value) : bind_null(index);
  }
  template <typename T> Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Steps once: true when a row is ready, false when done.
  bool step();
  // Steps to the end of a statement that returns no rows.
  void run();
  // Like `run`, but when the statement breaks a constraint (NOT NULL, CHECK, UNIQUE, FOREIGN
  // KEY, a STRICT column type) returns SQLite's message instead of throwing, for callers that
  // report the offending input themselves. Call `reset` before running it again.
  std::expected<void, std::string> run_checked();
  // Resets for another run and clears the bindings.
  void reset();

  bool is_null(int column) const;
  std::int64_t integer(int column) const;
  std::string text(int column) const;
  // The text in place, without a copy: valid until the next step or reset.
  std::string_view text_view(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;

private:
  // Fails on a binding SQLite refused; the statement, for chaining, otherwise.
  Statement& bound(int result);

  sqlite3_stmt* m_handle = nullptr;
  const Database* m_db = nullptr;
};

// A transaction that rolls back unless committed. Writes use `immediate`, which takes the
// write lock at the start, so that two writers wait for each other instead of failing halfway.
class Transaction {
public:
  enum class Kind { deferred, immediate };
  Transaction(Database& db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

private:
  Database& m_db;
  bool m_open = true;
};

// Drops the indexes the schema declares on `table` and returns the name and SQL of each, to
// build them again with execute: for a bulk write, after which building an index once costs
// less than inserting into it row by row.
std::vector<std::pair<std::string, std::string>> drop_indexes(Database& db, std::string_view table);

// SQLite's foreign key checks, off for as long as this lives. SQLite takes the setting only
// outside a transaction: make it before one begins, and end it after that one has ended.
class ForeignKeyChecksOff {
public:
  explicit ForeignKeyChecksOff(Database& db);
  ~ForeignKeyChecksOff();
  ForeignKeyChecksOff(const ForeignKeyChecksOff&) = delete;
  ForeignKeyChecksOff& operator=(const ForeignKeyChecksOff&) = delete;

private:
  Database& m_db;
};

// A rollback journal instead of the write-ahead log for as long as this lives, if no other
// connection has the store open: a bulk write into new pages then writes each page once, where
// the log writes it twice (into the log, then into the store), and a new page needs no journal.
// Readers that come meanwhile wait for the write to end. Made before a transaction begins and
// ended after it has ended, as SQLite requires.
class RollbackJournal {
public:
  explicit RollbackJournal(Database& db);
  ~RollbackJournal();
  RollbackJournal(const RollbackJournal&) = delete;
  RollbackJournal& operator=(const RollbackJournal&) = delete;

  // false: another connection had the store open, and it keeps its log
  bool taken() const { return m_taken; }

private:
  Database& m_db;
  bool m_taken = false;
};

} // namespace tw::store
