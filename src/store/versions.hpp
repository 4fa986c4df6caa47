#pragma once

// What the repositories of versioned rows share: visibility at a record point, superseding
// rows, and attaching to each line version the measure it belongs to.

#include "store/measures.hpp"
#include "store/store.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tw::store {

// A table of row versions, stamped `recorded_in` and `superseded_in`.
struct VersionedTable {
  std::string_view name;
  // The columns that name one versioned thing, the act or measure it belongs to first. The
  // current versions of one thing never overlap in valid time; without valid time, one is current.
  std::vector<std::string_view> key;
  bool valid_time = false; // valid_from, valid_to
  // The columns that name an act the version refers to.
  std::vector<std::string_view> act_columns;
  // Whether the rows are lines of the measure named by key[0].
  bool lines_of_measure = false;
};

// Every table of row versions. The one list that undo, log and the act look-ups go through:
// a new versioned table is added here.
const std::vector<VersionedTable>& versioned_tables();

// A line version with the measure it belongs to.
template <typename Line> struct WithMeasure {
  Line line;
  Measure measure;
};

// The SQL condition that a row of `alias` is visible at the record point bound to ?1.
inline std::string visible(std::string_view alias, RecordPoint point) {
  if (point.every_version) {
    return fmt::format("{}.recorded_in <= ?1", alias);
  }
  return fmt::format("{0}.recorded_in <= ?1 AND ({0}.superseded_in IS NULL OR {0}.superseded_in > ?1)", alias);
}

// Reads the columns every line table has, in this order from column `first` on: act_id,
// end_act_id, note, valid_from, valid_to, recorded_in, superseded_in. Values in the store
// were validated on the way in, so reading them back cannot fail.
template <typename Line> void read_version_columns(Line& line, const Statement& row, int first) {
  line.act_id = row.optional_text(first);
  line.end_act_id = row.optional_text(first + 1);
  line.note = row.optional_text(first + 2);
  line.valid.from = Date::parse(row.text(first + 3)).value();
  if (auto to = row.optional_text(first + 4)) {
    line.valid.to = Date::parse(*to).value();
  }
  line.recorded_in = row.integer(first + 5);
  line.superseded_in = row.optional_integer(first + 6);
}

// A date as the store writes it, or NULL.
inline std::optional<std::string> date_text(const std::optional<Date>& date) {
  return date ? std::optional(date->to_string()) : std::nullopt;
}

// Marks the rows `row_ids` of `table` as superseded by `changeset`.
void supersede_rows(Store& store, std::string_view table, std::span<const std::int64_t> row_ids, ChangesetId changeset);

// Steps `select` and reads each row with `read`, attaching the measure of each line, looked
// up once per measure as seen at `point`.
template <typename Line, typename Read>
std::vector<WithMeasure<Line>> read_with_measures(const Store& store, Statement& select, RecordPoint point, Read read) {
  std::map<std::string, Measure> measures;
  std::vector<WithMeasure<Line>> result;
  while (select.step()) {
    Line line = read(select);
    auto found = measures.find(line.measure_id);
    if (found == measures.end()) {
      // Every version of a line has a measure version; for history, the current one names it.
      const RecordPoint measure_point = point.every_version ? RecordPoint{} : point;
      found = measures.emplace(line.measure_id, require_measure(store, line.measure_id, measure_point)).first;
    }
    result.push_back(WithMeasure<Line>{std::move(line), found->second});
  }
  return result;
}

// Collects SQL conditions and their values, bound as ?2, ?3, … in the order they are added
// (?1 is the record point).
class Conditions {
public:
  // Adds `condition`, in which {0}, {1}, … stand for the parameters of `values`.
  template <typename... Values> void add(std::string_view condition, const Values&... values) {
    fmt::dynamic_format_arg_store<fmt::format_context> placeholders;
    (placeholders.push_back(parameter(std::string(values))), ...);
    m_sql += " AND ";
    m_sql += fmt::vformat(condition, placeholders);
  }
  // Returns the placeholder for `value` ("?3"), for conditions built by hand.
  std::string parameter(const std::string& value);

  const std::string& sql() const { return m_sql; }
  // Binds the record point and every value to `statement`.
  void bind(Statement& statement, RecordPoint point) const;

private:
  std::string m_sql;
  std::vector<std::string> m_values;
};

} // namespace tw::store
