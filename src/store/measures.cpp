#include "store/measures.hpp"

#include "store/versions.hpp"

#include <fmt/format.h>

#include <cctype>

namespace tw::store {

namespace {

// The columns read_measure expects, in order; `m` is measures, `v` measure_versions.
constexpr const char* k_measure_columns =
    "m.id, m.kind, v.imposer, v.authority, v.act_id, v.title, v.announced, v.note, v.exclusive_groups";

// Values in the store were validated on the way in, so reading them back cannot fail.
Measure read_measure(const Statement& row) {
  const auto announced = row.optional_text(6);
  return Measure{row.text(0),
                 parse_measure_kind(row.text(1)).value_or(MeasureKind::other),
                 Jurisdiction::parse(row.text(2)).value(),
                 row.text(3),
                 row.optional_text(4),
                 row.optional_text(5),
                 announced ? std::optional(Date::parse(*announced).value()) : std::nullopt,
                 row.optional_text(7),
                 parse_exclusive_groups(row.optional_text(8).value_or(""))};
}

void insert_version(Store& store, const Measure& measure, ChangesetId changeset) {
  Statement insert(store.db(), R"(
    INSERT INTO measure_versions (measure_id, imposer, authority, act_id, title, announced, note, exclusive_groups,
                                  recorded_in)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))");
  const std::string groups = format_exclusive_groups(measure.exclusive_groups);
  insert.bind(1, measure.id)
      .bind(2, measure.imposer.code())
      .bind(3, measure.authority)
      .bind(4, measure.act_id)
      .bind(5, measure.title)
      .bind(6, measure.announced ? std::optional(measure.announced->to_string()) : std::nullopt)
      .bind(7, measure.note)
      .bind(8, groups.empty() ? std::nullopt : std::optional(groups))
      .bind(9, changeset);
  insert.run();
}

} // namespace

void insert_measure(Store& store, const Measure& measure, ChangesetId changeset) {
  if (find_measure(store, measure.id)) {
    throw Error(ExitCode::data_error, fmt::format("measure {} already exists", measure.id),
                "to change it from a date use 'tradewatch amend'; otherwise choose another --id");
  }
  // An id whose measure was undone can be used again, but only for a measure of its kind.
  Statement kind(store.db(), "SELECT kind FROM measures WHERE id = ?1");
  kind.bind(1, measure.id);
  if (kind.step() && kind.text(0) != to_string(measure.kind)) {
    throw Error(ExitCode::data_error,
                fmt::format("id {} belonged to a {} measure that was undone; it cannot name a {}", measure.id,
                            kind.text(0), to_string(measure.kind)),
                "choose another --id");
  }
  Statement identity(store.db(), "INSERT OR IGNORE INTO measures (id, kind) VALUES (?1, ?2)");
  identity.bind(1, measure.id).bind(2, to_string(measure.kind)).run();
  insert_version(store, measure, changeset);
}

void replace_measure(Store& store, const Measure& measure, ChangesetId changeset) {
  Statement supersede(store.db(),
                      "UPDATE measure_versions SET superseded_in = ?1 WHERE measure_id = ?2 AND superseded_in IS NULL");
  supersede.bind(1, changeset).bind(2, measure.id).run();
  insert_version(store, measure, changeset);
}

std::optional<Measure> find_measure(const Store& store, std::string_view id, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {} FROM measures m JOIN measure_versions v ON v.measure_id = m.id "
                                           "WHERE m.id = ?2 AND v.recorded_in <= ?1 "
                                           "AND (v.superseded_in IS NULL OR v.superseded_in > ?1)",
                                           k_measure_columns));
  select.bind(1, point.at).bind(2, id);
  if (!select.step()) {
    return std::nullopt;
  }
  return read_measure(select);
}

Measure require_measure(const Store& store, std::string_view id, RecordPoint point) {
  auto measure = find_measure(store, id, point);
  if (!measure) {
    throw Error(ExitCode::data_error, fmt::format("no measure {}", id),
                "'tradewatch list' shows the measures and their ids");
  }
  return *measure;
}

std::vector<MeasureVersion> measure_versions(const Store& store, std::string_view id, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {}, v.row_id, v.recorded_in, v.superseded_in "
                                           "FROM measures m JOIN measure_versions v ON v.measure_id = m.id "
                                           "WHERE {} AND m.id = ?2 ORDER BY v.recorded_in, v.row_id",
                                           k_measure_columns, visible("v", point)));
  select.bind(1, point.at).bind(2, id);
  std::vector<MeasureVersion> versions;
  while (select.step()) {
    versions.push_back(
        MeasureVersion{select.integer(9), read_measure(select), select.integer(10), select.optional_integer(11)});
  }
  return versions;
}

std::vector<Measure> measures_at(const Store& store, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {} FROM measures m JOIN measure_versions v ON v.measure_id = m.id "
                                           "WHERE {} ORDER BY m.id",
                                           k_measure_columns, visible("v", point)));
  select.bind(1, point.at);
  std::vector<Measure> measures;
  while (select.step()) {
    measures.push_back(read_measure(select));
  }
  return measures;
}

std::vector<std::string> measures_citing_act(const Store& store, std::string_view act_id, RecordPoint point) {
  // The tables that cite acts hold measure versions and lines, each naming its measure first.
  std::string sql;
  for (const auto& table : versioned_tables()) {
    if (table.act_columns.empty()) {
      continue;
    }
    std::string cites;
    for (const auto column : table.act_columns) {
      cites += fmt::format("{}{} = ?2", cites.empty() ? "" : " OR ", column);
    }
    sql += fmt::format("{}SELECT {} FROM {} v WHERE ({}) AND {}", sql.empty() ? "" : " UNION ", table.key[0],
                       table.name, cites, visible("v", point));
  }
  Statement select(store.db(), sql + " ORDER BY 1");
  select.bind(1, point.at).bind(2, act_id);
  std::vector<std::string> ids;
  while (select.step()) {
    ids.push_back(select.text(0));
  }
  return ids;
}

std::string measure_id_stem(const Measure& measure) {
  const std::string stem = fmt::format("{}-{}", measure.imposer.code(), measure.authority);
  std::string slug;
  for (const unsigned char c : stem) {
    if (std::isalnum(c)) {
      slug.push_back(static_cast<char>(std::tolower(c)));
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') {
    slug.pop_back();
  }
  return slug;
}

std::string next_measure_id(const Store& store, const Measure& measure) {
  const std::string slug = measure_id_stem(measure);
  Statement count(store.db(), "SELECT count(*) FROM measures WHERE id LIKE ?1 || '-%'");
  count.bind(1, slug).step();
  for (std::int64_t n = count.integer(0) + 1;; ++n) {
    std::string id = fmt::format("{}-{}", slug, n);
    if (!find_measure(store, id)) {
      return id;
    }
  }
}

} // namespace tw::store
