#include "store/measures.hpp"

#include <fmt/format.h>

#include <cctype>

namespace tw::store {

namespace {

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
  Statement select(store.db(), R"(
    SELECT m.kind, v.imposer, v.authority, v.act_id, v.title, v.announced, v.note, v.exclusive_groups
    FROM measures m JOIN measure_versions v ON v.measure_id = m.id
    WHERE m.id = ?1 AND v.recorded_in <= ?2 AND (v.superseded_in IS NULL OR v.superseded_in > ?2))");
  select.bind(1, id).bind(2, point.at);
  if (!select.step()) {
    return std::nullopt;
  }
  const auto announced = select.optional_text(5);
  return Measure{std::string(id),
                 parse_measure_kind(select.text(0)).value_or(MeasureKind::other),
                 Jurisdiction::parse(select.text(1)).value(),
                 select.text(2),
                 select.optional_text(3),
                 select.optional_text(4),
                 announced ? std::optional(Date::parse(*announced).value()) : std::nullopt,
                 select.optional_text(6),
                 parse_exclusive_groups(select.optional_text(7).value_or(""))};
}

Measure require_measure(const Store& store, std::string_view id, RecordPoint point) {
  auto measure = find_measure(store, id, point);
  if (!measure) {
    throw Error(ExitCode::data_error, fmt::format("no measure {}", id),
                "'tradewatch list' shows the measures and their ids");
  }
  return *measure;
}

std::vector<std::string> measures_citing_act(const Store& store, std::string_view act_id, RecordPoint point) {
  Statement select(store.db(), R"(
    SELECT measure_id FROM measure_versions
    WHERE act_id = ?1 AND recorded_in <= ?2 AND (superseded_in IS NULL OR superseded_in > ?2)
    UNION
    SELECT measure_id FROM tariff_lines
    WHERE (act_id = ?1 OR end_act_id = ?1) AND recorded_in <= ?2 AND (superseded_in IS NULL OR superseded_in > ?2)
    UNION
    SELECT measure_id FROM listings
    WHERE (act_id = ?1 OR end_act_id = ?1) AND recorded_in <= ?2 AND (superseded_in IS NULL OR superseded_in > ?2)
    UNION
    SELECT measure_id FROM control_lines
    WHERE (act_id = ?1 OR end_act_id = ?1) AND recorded_in <= ?2 AND (superseded_in IS NULL OR superseded_in > ?2)
    ORDER BY 1)");
  select.bind(1, act_id).bind(2, point.at);
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
