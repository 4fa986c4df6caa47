#include "store/acts.hpp"

#include "store/versions.hpp"

#include <fmt/format.h>

namespace tw::store {

namespace {

std::optional<Date> to_date(const std::optional<std::string>& text) {
  if (!text) {
    return std::nullopt;
  }
  return Date::parse(*text).value();
}

std::optional<std::string> from_date(const std::optional<Date>& date) {
  return date ? std::optional(date->to_string()) : std::nullopt;
}

std::optional<std::string> from_counts(const EntityCounts& counts) {
  return counts.empty() ? std::nullopt : std::optional(format_entity_counts(counts));
}

EntityCounts to_counts(const std::optional<std::string>& text) {
  return text ? parse_entity_counts(*text).value() : EntityCounts{};
}

// The columns read_act expects, in order; `a` is act_versions.
constexpr const char* k_act_columns = "a.act_id, a.imposer, a.title, a.citation, a.document_number, a.url, "
                                      "a.announced, a.published, a.added, a.removed";

// Values in the store were validated on the way in, so reading them back cannot fail.
Act read_act(const Statement& row) {
  return Act{row.text(0),
             Jurisdiction::parse(row.text(1)).value(),
             row.text(2),
             row.optional_text(3),
             row.optional_text(4),
             row.optional_text(5),
             to_date(row.optional_text(6)),
             to_date(row.optional_text(7)),
             to_counts(row.optional_text(8)),
             to_counts(row.optional_text(9))};
}

void insert_version(Store& store, const Act& act, ChangesetId changeset) {
  Statement insert(store.db(), R"(
    INSERT INTO act_versions (act_id, imposer, title, citation, document_number, url, announced, published, added,
                              removed, recorded_in)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10, ?11, ?9))");
  insert.bind(1, act.id)
      .bind(2, act.imposer.code())
      .bind(3, act.title)
      .bind(4, act.citation)
      .bind(5, act.document_number)
      .bind(6, act.url)
      .bind(7, from_date(act.announced))
      .bind(8, from_date(act.published))
      .bind(9, changeset)
      .bind(10, from_counts(act.added))
      .bind(11, from_counts(act.removed));
  insert.run();
}

} // namespace

void insert_act(Store& store, const Act& act, ChangesetId changeset) {
  if (find_act(store, act.id)) {
    throw Error(ExitCode::data_error, fmt::format("act {} already exists", act.id),
                "act ids are unique; choose another --id");
  }
  Statement identity(store.db(), "INSERT OR IGNORE INTO acts (id) VALUES (?1)");
  identity.bind(1, act.id).run();
  insert_version(store, act, changeset);
}

void replace_act(Store& store, const Act& act, ChangesetId changeset) {
  Statement supersede(store.db(),
                      "UPDATE act_versions SET superseded_in = ?1 WHERE act_id = ?2 AND superseded_in IS NULL");
  supersede.bind(1, changeset).bind(2, act.id).run();
  insert_version(store, act, changeset);
}

std::optional<Act> find_act(const Store& store, std::string_view id, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {} FROM act_versions a WHERE a.act_id = ?2 AND a.recorded_in <= ?1 "
                                           "AND (a.superseded_in IS NULL OR a.superseded_in > ?1)",
                                           k_act_columns));
  select.bind(1, point.at).bind(2, id);
  if (!select.step()) {
    return std::nullopt;
  }
  return read_act(select);
}

std::vector<ActVersion> act_versions(const Store& store, std::string_view id, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {}, a.row_id, a.recorded_in, a.superseded_in FROM act_versions a "
                                           "WHERE {} AND a.act_id = ?2 ORDER BY a.recorded_in, a.row_id",
                                           k_act_columns, visible("a", point)));
  select.bind(1, point.at).bind(2, id);
  std::vector<ActVersion> versions;
  while (select.step()) {
    versions.push_back(
        ActVersion{select.integer(10), read_act(select), select.integer(11), select.optional_integer(12)});
  }
  return versions;
}

std::vector<Act> acts_at(const Store& store, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {} FROM act_versions a WHERE {} ORDER BY a.act_id", k_act_columns,
                                           visible("a", point)));
  select.bind(1, point.at);
  std::vector<Act> acts;
  while (select.step()) {
    acts.push_back(read_act(select));
  }
  return acts;
}

namespace {

std::optional<std::string> act_id_where(const Store& store, const char* column, std::string_view value) {
  Statement select(store.db(), fmt::format("SELECT min(act_id) FROM act_versions WHERE {} = ?1 AND superseded_in "
                                           "IS NULL",
                                           column));
  select.bind(1, value);
  select.step();
  return select.optional_text(0);
}

} // namespace

std::optional<std::string> find_act_id_by_document_number(const Store& store, std::string_view number) {
  return act_id_where(store, "document_number", number);
}

std::optional<std::string> find_act_id_by_citation(const Store& store, std::string_view citation) {
  return act_id_where(store, "citation", citation);
}

void require_act(const Store& store, std::string_view id, std::string_view option) {
  if (!find_act(store, id)) {
    throw Error(ExitCode::data_error, fmt::format("{} {}: no such act", option, id),
                "record it first with 'tradewatch add act --id ID --imposer J --title TEXT'");
  }
}

} // namespace tw::store
