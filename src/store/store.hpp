#pragma once

#include "core/model.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>

namespace tw::store {

// Marks an SQLite file as a tradewatch store ("TWCH").
inline constexpr std::int32_t k_application_id = 0x54574348;

int current_schema_version();

// Which record time a query sees: the versions recorded by changeset `at` or earlier and
// not superseded by then. The default sees what is current.
struct RecordPoint {
  ChangesetId at = std::numeric_limits<ChangesetId>::max();
  bool every_version = false; // all versions recorded by `at`, superseded or not (history)

  static RecordPoint all_versions() { return {std::numeric_limits<ChangesetId>::max(), true}; }
};

class Store {
public:
  enum class Access { read_only, read_write };

  // Creates a store at `path`, which must not exist yet.
  static Store create(const std::filesystem::path& path);
  // Opens an existing store, refusing files that are not tradewatch stores and stores of a
  // newer schema; brings an older schema up to date in one transaction.
  static Store open(const std::filesystem::path& path, Access access);

  Database& db() { return m_db; }
  const Database& db() const { return m_db; }

  // Records a changeset; call inside the write transaction whose rows it stamps.
  ChangesetId record_changeset(const Changeset& changeset);
  // Records a changeset before its fields are known, so that rows written early can refer to
  // it; `fill_changeset` gives the fields before the transaction commits.
  ChangesetId reserve_changeset();
  void fill_changeset(ChangesetId id, const Changeset& changeset);
  // The record point of "as known on `utc_time`": the last changeset recorded at or before
  // it (an ISO 8601 UTC time; a bare date means the end of that day).
  RecordPoint record_point_at(const std::string& utc_time) const;

private:
  explicit Store(Database db) : m_db(std::move(db)) {}
  Database m_db;
};

} // namespace tw::store
