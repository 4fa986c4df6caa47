#include "store/store.hpp"

#include "core/error.hpp"
#include "store/migrations.hpp"

#include <fmt/format.h>

#include <system_error>

namespace tw::store {

namespace {

std::int64_t pragma_integer(const Database& db, const char* name) {
  Statement statement(db, fmt::format("PRAGMA {}", name));
  return statement.step() ? statement.integer(0) : 0;
}

bool has_tables(const Database& db) {
  Statement statement(db, "SELECT count(*) FROM sqlite_schema");
  return statement.step() && statement.integer(0) > 0;
}

void configure(Database& db) { db.execute("PRAGMA foreign_keys = ON"); }

// Applies the migrations above the store's version, all in one transaction. The version is
// read inside it, so that of two processes opening an old store at once the second finds it
// upgraded.
void migrate(Database& db) {
  Transaction transaction(db, Transaction::Kind::immediate);
  const std::int64_t from_version = pragma_integer(db, "user_version");
  for (const auto& migration : migrations()) {
    if (migration.version > from_version) {
      db.execute(migration.sql);
      db.execute(fmt::format("PRAGMA user_version = {}", migration.version));
    }
  }
  transaction.commit();
}

} // namespace

int current_schema_version() { return migrations().empty() ? 0 : migrations().back().version; }

Store Store::create(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    throw Error(ExitCode::cant_create, fmt::format("{} already exists; init creates a new store only", path.string()),
                "choose another path with --db, or remove the file if you mean to start over");
  }
  Database db(path, Database::Mode::create);
  db.execute("PRAGMA journal_mode = WAL");
  db.execute(fmt::format("PRAGMA application_id = {}", k_application_id));
  configure(db);
  migrate(db);
  return Store(std::move(db));
}

Store Store::open(const std::filesystem::path& path, Access access) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw Error(ExitCode::no_input, fmt::format("no store at {}", path.string()),
                "create one with 'tradewatch init', or name another with --db or TRADEWATCH_DB");
  }
  if (access == Access::read_only && std::filesystem::exists(path.string() + "-journal", error)) {
    // A bulk write cut short (RollbackJournal) left its journal, which only a writer can roll
    // back; this one also puts the log back.
    Database(path, Database::Mode::read_write).execute("PRAGMA journal_mode = WAL");
  }
  Database db(path, access == Access::read_only ? Database::Mode::read_only : Database::Mode::read_write);
  std::int64_t application_id = 0;
  try {
    application_id = pragma_integer(db, "application_id");
  } catch (const Error& not_sqlite) {
    if (not_sqlite.code() != ExitCode::data_error) {
      throw;
    }
    throw Error(ExitCode::data_error,
                fmt::format("{} is not a tradewatch store (not an SQLite database)", path.string()),
                "tradewatch opens only stores made by 'tradewatch init'; the file was left untouched");
  }
  if (application_id != k_application_id) {
    throw Error(ExitCode::data_error,
                fmt::format("{} is not a tradewatch store{}", path.string(),
                            has_tables(db) ? " (it is another SQLite database)" : ""),
                "tradewatch opens only stores made by 'tradewatch init'; the file was left untouched");
  }
  const std::int64_t version = pragma_integer(db, "user_version");
  if (version > current_schema_version()) {
    throw Error(ExitCode::data_error,
                fmt::format("{} has schema version {}, newer than this tradewatch knows ({})", path.string(), version,
                            current_schema_version()),
                "use a newer tradewatch; the file was left untouched");
  }
  if (version < current_schema_version()) {
    Database writer(path, Database::Mode::read_write);
    configure(writer);
    migrate(writer);
  }
  configure(db);
  if (access == Access::read_write) {
    // A bulk write that ended without putting the log back (RollbackJournal) is healed here.
    db.execute("PRAGMA journal_mode = WAL");
  }
  return Store(std::move(db));
}

ChangesetId Store::record_changeset(const Changeset& changeset) {
  Statement insert(m_db, "INSERT INTO changesets (recorded_at, author, reason, command, undoes) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, changeset.recorded_at)
      .bind(2, changeset.author)
      .bind(3, changeset.reason)
      .bind(4, changeset.command)
      .bind(5, changeset.undoes);
  insert.run();
  return m_db.last_insert_rowid();
}

ChangesetId Store::reserve_changeset() {
  m_db.execute("INSERT INTO changesets (recorded_at, author, command) VALUES ('', '', '')");
  return m_db.last_insert_rowid();
}

void Store::fill_changeset(ChangesetId id, const Changeset& changeset) {
  Statement update(m_db, "UPDATE changesets SET recorded_at = ?2, author = ?3, reason = ?4, command = ?5, undoes = ?6 "
                         "WHERE id = ?1");
  update.bind(1, id)
      .bind(2, changeset.recorded_at)
      .bind(3, changeset.author)
      .bind(4, changeset.reason)
      .bind(5, changeset.command)
      .bind(6, changeset.undoes);
  update.run();
}

RecordPoint Store::record_point_at(const std::string& utc_time) const {
  // A bare date means "as known at the end of that day".
  const std::string bound = utc_time.size() == 10 ? utc_time + "T23:59:59Z" : utc_time;
  Statement statement(m_db, "SELECT coalesce(max(id), 0) FROM changesets WHERE recorded_at <= ?1");
  statement.bind(1, bound);
  statement.step();
  return RecordPoint{statement.integer(0)};
}

} // namespace tw::store
