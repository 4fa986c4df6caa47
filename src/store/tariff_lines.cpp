#include "store/tariff_lines.hpp"

#include <fmt/format.h>

namespace tw::store {

const char* const k_tariff_line_columns =
    "l.row_id, l.measure_id, l.origin, l.hs, l.company, l.rate, l.heading, l.act_id, l.end_act_id, l.note, "
    "l.valid_from, l.valid_to, l.recorded_in, l.superseded_in";

// Values in the store were validated on the way in, so reading them back cannot fail.
TariffLine read_tariff_line(const Statement& row) {
  TariffLine line;
  line.row_id = row.integer(0);
  line.measure_id = row.text(1);
  line.key.origin = Jurisdiction::parse(row.text(2)).value();
  line.key.hs = ProductCode::parse(row.text(3)).value();
  line.key.company = row.text(4);
  line.rate = Rate::parse(row.text(5)).value();
  line.heading = row.optional_text(6);
  read_version_columns(line, row, 7);
  return line;
}

void add_code_condition(Conditions& conditions, std::string_view alias, const ProductCode& code, CodeMatch match) {
  if (code.is_all()) {
    if (match == CodeMatch::covering) {
      conditions.add(fmt::format("{}.hs = '*'", alias));
    }
    return;
  }
  // Lines on all products cover every code.
  std::string covering = "'*'";
  for (const auto& prefix : code.covering_prefixes()) {
    covering += ", " + conditions.parameter(prefix);
  }
  if (match == CodeMatch::covering) {
    conditions.add(fmt::format("{}.hs IN ({})", alias, covering));
  } else {
    // Codes under it are a range of the index: [hs, hs + ':'), as ':' follows '9'.
    conditions.add(fmt::format("({0}.hs IN ({1}) OR ({0}.hs > {{0}} AND {0}.hs < {{0}} || ':'))", alias, covering),
                   code.digits());
  }
}

void add_validity_conditions(Conditions& conditions, std::string_view alias, const std::optional<Date>& on,
                             const std::optional<std::pair<Date, Date>>& between) {
  if (on) {
    conditions.add(fmt::format("{0}.valid_from <= {{0}} AND ({0}.valid_to IS NULL OR {0}.valid_to > {{0}})", alias),
                   on->to_string());
  }
  if (between) {
    conditions.add(
        fmt::format("({0}.valid_from BETWEEN {{0}} AND {{1}} OR {0}.valid_to BETWEEN {{0}} AND {{1}})", alias),
        between->first.to_string(), between->second.to_string());
  }
}

void insert_line(Store& store, const TariffLine& line, ChangesetId changeset) {
  Statement insert(store.db(), R"(
    INSERT INTO tariff_lines (measure_id, origin, hs, company, rate, ad_valorem_milli, heading, act_id, end_act_id,
                              note, valid_from, valid_to, recorded_in)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))");
  insert.bind(1, line.measure_id)
      .bind(2, line.key.origin.code())
      .bind(3, line.key.hs.key())
      .bind(4, line.key.company)
      .bind(5, line.rate.to_string())
      .bind(6, line.rate.ad_valorem_milli())
      .bind(7, line.heading)
      .bind(8, line.act_id)
      .bind(9, line.end_act_id)
      .bind(10, line.note)
      .bind(11, line.valid.from.to_string())
      .bind(12, date_text(line.valid.to))
      .bind(13, changeset);
  insert.run();
}

void apply_plan(Store& store, const VersionPlan<TariffLine>& plan, ChangesetId changeset) {
  supersede_rows(store, "tariff_lines", plan.superseded, changeset);
  for (const auto& line : plan.inserted) {
    insert_line(store, line, changeset);
  }
}

std::vector<TariffLine> lines_of_measure(const Store& store, const std::string& measure_id, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {} FROM tariff_lines l WHERE {} AND l.measure_id = ?2 "
                                           "ORDER BY l.origin, l.hs, l.company, l.valid_from, l.recorded_in",
                                           k_tariff_line_columns, visible("l", point)));
  select.bind(1, point.at).bind(2, measure_id);
  std::vector<TariffLine> lines;
  while (select.step()) {
    lines.push_back(read_tariff_line(select));
  }
  return lines;
}

Conditions line_conditions(const LineFilter& filter) {
  Conditions where;
  if (filter.imposer) {
    where.add("mv.imposer = {0}", filter.imposer->code());
  }
  if (filter.origin) {
    where.add("l.origin IN ({0}, '*')", filter.origin->code());
  }
  if (filter.hs) {
    add_code_condition(where, "l", *filter.hs, filter.hs_match);
  }
  if (filter.authority) {
    where.add("mv.authority = {0} COLLATE NOCASE", *filter.authority);
  }
  if (filter.measure_id) {
    where.add("l.measure_id = {0}", *filter.measure_id);
  }
  add_validity_conditions(where, "l", filter.on, filter.changing_between);
  return where;
}

std::vector<MeasureLine> find_lines(const Store& store, const LineFilter& filter, RecordPoint point) {
  const Conditions where = line_conditions(filter);
  // The measure as seen at the record point: its current version for history.
  const RecordPoint measure_point = point.every_version ? RecordPoint{} : point;
  Statement select(store.db(),
                   fmt::format("SELECT {} FROM tariff_lines l JOIN measure_versions mv ON mv.measure_id = l.measure_id "
                               "AND mv.recorded_in <= {} AND (mv.superseded_in IS NULL OR mv.superseded_in > {}) "
                               "WHERE {}{} ORDER BY mv.imposer, l.origin, mv.authority, l.measure_id, l.hs, l.company, "
                               "l.valid_from, l.recorded_in",
                               k_tariff_line_columns, measure_point.at, measure_point.at, visible("l", point),
                               where.sql()));
  where.bind(select, point);
  return read_with_measures<TariffLine>(store, select, point, read_tariff_line);
}

std::vector<MeasureLine> lines_applying(const Store& store, const Jurisdiction& imposer, const Jurisdiction& origin,
                                        const ProductCode& hs, Date on, RecordPoint point) {
  LineFilter filter;
  filter.imposer = imposer;
  filter.origin = origin;
  filter.hs = hs;
  filter.hs_match = CodeMatch::covering;
  filter.on = on;
  return find_lines(store, filter, point);
}

} // namespace tw::store
