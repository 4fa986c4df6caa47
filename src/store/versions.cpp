#include "store/versions.hpp"

namespace tw::store {

const std::vector<VersionedTable>& versioned_tables() {
  static const std::vector<VersionedTable> tables{
      {"act_versions", {"act_id"}, false, {}, false},
      {"measure_versions", {"measure_id"}, false, {"act_id"}, false},
      {"tariff_lines", {"measure_id", "origin", "hs", "company"}, true, {"act_id", "end_act_id"}, true},
      {"listings", {"measure_id"}, true, {"act_id", "end_act_id"}, true},
      {"control_lines", {"measure_id", "partner", "hs"}, true, {"act_id", "end_act_id"}, true},
  };
  return tables;
}

void supersede_rows(Store& store, std::string_view table, std::span<const std::int64_t> row_ids,
                    ChangesetId changeset) {
  Statement update(store.db(),
                   fmt::format("UPDATE {} SET superseded_in = ?1 WHERE row_id = ?2 AND superseded_in IS NULL", table));
  for (const std::int64_t row_id : row_ids) {
    update.reset();
    update.bind(1, changeset).bind(2, row_id).run();
  }
}

std::string Conditions::parameter(const std::string& value) {
  m_values.push_back(value);
  return fmt::format("?{}", m_values.size() + 1);
}

void Conditions::bind(Statement& statement, RecordPoint point) const {
  statement.bind(1, point.at);
  for (std::size_t i = 0; i < m_values.size(); ++i) {
    statement.bind(static_cast<int>(i + 2), m_values[i]);
  }
}

} // namespace tw::store
