#include "store/tariff_lines.hpp"

#include "store/measures.hpp"

#include <fmt/format.h>

#include <map>

namespace tw::store {

namespace {

// The columns read_line expects, in order; `l` is tariff_lines.
constexpr const char* k_line_columns =
    "l.row_id, l.measure_id, l.origin, l.hs, l.company, l.rate, l.heading, l.act_id, l.end_act_id, l.note, "
    "l.valid_from, l.valid_to, l.recorded_in, l.superseded_in";

// Version visibility at the record point bound to ?1.
constexpr const char* k_visible_line = "l.recorded_in <= ?1 AND (l.superseded_in IS NULL OR l.superseded_in > ?1)";

// Values in the store were validated on the way in, so reading them back cannot fail.
TariffLine read_line(const Statement& row) {
  TariffLine line;
  line.row_id = row.integer(0);
  line.measure_id = row.text(1);
  line.key.origin = Jurisdiction::parse(row.text(2)).value();
  line.key.hs = ProductCode::parse(row.text(3)).value();
  line.key.company = row.text(4);
  line.rate = Rate::parse(row.text(5)).value();
  line.heading = row.optional_text(6);
  line.act_id = row.optional_text(7);
  line.end_act_id = row.optional_text(8);
  line.note = row.optional_text(9);
  line.valid.from = Date::parse(row.text(10)).value();
  if (auto to = row.optional_text(11)) {
    line.valid.to = Date::parse(*to).value();
  }
  line.recorded_in = row.integer(12);
  line.superseded_in = row.optional_integer(13);
  return line;
}

// Reads rows of k_line_columns and attaches each line's measure, looked up once per measure.
std::vector<MeasureLine> read_measure_lines(const Store& store, Statement& select, RecordPoint point) {
  std::map<std::string, Measure> measures;
  std::vector<MeasureLine> result;
  while (select.step()) {
    TariffLine line = read_line(select);
    auto found = measures.find(line.measure_id);
    if (found == measures.end()) {
      found = measures.emplace(line.measure_id, require_measure(store, line.measure_id, point)).first;
    }
    result.push_back(MeasureLine{std::move(line), found->second});
  }
  return result;
}

} // namespace

void insert_line(Store& store, const TariffLine& line, ChangesetId changeset) {
  Statement insert(store.db(), R"(
    INSERT INTO tariff_lines (measure_id, origin, hs, company, rate, ad_valorem_milli, heading, act_id, end_act_id,
                              note, valid_from, valid_to, recorded_in)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))");
  insert.bind(1, line.measure_id)
      .bind(2, line.key.origin.code())
      .bind(3, line.key.hs.digits())
      .bind(4, line.key.company)
      .bind(5, line.rate.to_string())
      .bind(6, line.rate.ad_valorem_milli())
      .bind(7, line.heading)
      .bind(8, line.act_id)
      .bind(9, line.end_act_id)
      .bind(10, line.note)
      .bind(11, line.valid.from.to_string())
      .bind(12, line.valid.to ? std::optional(line.valid.to->to_string()) : std::nullopt)
      .bind(13, changeset);
  insert.run();
}

void supersede_lines(Store& store, std::span<const std::int64_t> row_ids, ChangesetId changeset) {
  Statement update(store.db(),
                   "UPDATE tariff_lines SET superseded_in = ?1 WHERE row_id = ?2 AND superseded_in IS NULL");
  for (const std::int64_t row_id : row_ids) {
    update.reset();
    update.bind(1, changeset).bind(2, row_id).run();
  }
}

void apply_plan(Store& store, const VersionPlan& plan, ChangesetId changeset) {
  supersede_lines(store, plan.superseded, changeset);
  for (const auto& line : plan.inserted) {
    insert_line(store, line, changeset);
  }
}

std::vector<TariffLine> lines_of_measure(const Store& store, const std::string& measure_id, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {} FROM tariff_lines l WHERE {} AND l.measure_id = ?2 "
                                           "ORDER BY l.origin, l.hs, l.company, l.valid_from",
                                           k_line_columns, k_visible_line));
  select.bind(1, point.at).bind(2, measure_id);
  std::vector<TariffLine> lines;
  while (select.step()) {
    lines.push_back(read_line(select));
  }
  return lines;
}

std::vector<MeasureLine> find_lines(const Store& store, const LineFilter& filter, RecordPoint point) {
  std::string sql =
      fmt::format("SELECT {} FROM tariff_lines l JOIN measure_versions mv ON mv.measure_id = l.measure_id "
                  "AND mv.recorded_in <= ?1 AND (mv.superseded_in IS NULL OR mv.superseded_in > ?1) WHERE {}",
                  k_line_columns, k_visible_line);
  // Values are bound as ?2, ?3, … in the order they are added.
  std::vector<std::string> values;
  auto parameter = [&](std::string value) {
    values.push_back(std::move(value));
    return values.size() + 1;
  };
  if (filter.imposer) {
    sql += fmt::format(" AND mv.imposer = ?{}", parameter(std::string(filter.imposer->code())));
  }
  if (filter.origin) {
    sql += fmt::format(" AND l.origin IN (?{}, '*')", parameter(std::string(filter.origin->code())));
  }
  if (filter.hs) {
    std::string covering;
    for (const auto& prefix : filter.hs->covering_prefixes()) {
      covering += fmt::format("{}?{}", covering.empty() ? "" : ", ", parameter(prefix));
    }
    if (filter.hs_match == CodeMatch::covering) {
      sql += fmt::format(" AND l.hs IN ({})", covering);
    } else {
      // Codes under it are a range of the index: [hs, hs + ':'), as ':' follows '9'.
      const auto under = parameter(filter.hs->digits());
      sql += fmt::format(" AND (l.hs IN ({0}) OR (l.hs > ?{1} AND l.hs < ?{1} || ':'))", covering, under);
    }
  }
  if (filter.authority) {
    sql += fmt::format(" AND mv.authority = ?{} COLLATE NOCASE", parameter(*filter.authority));
  }
  if (filter.measure_id) {
    sql += fmt::format(" AND l.measure_id = ?{}", parameter(*filter.measure_id));
  }
  if (filter.on) {
    sql += fmt::format(" AND l.valid_from <= ?{0} AND (l.valid_to IS NULL OR l.valid_to > ?{0})",
                       parameter(filter.on->to_string()));
  }
  if (filter.changing_between) {
    const auto from = parameter(filter.changing_between->first.to_string());
    const auto to = parameter(filter.changing_between->second.to_string());
    sql += fmt::format(" AND (l.valid_from BETWEEN ?{0} AND ?{1} OR l.valid_to BETWEEN ?{0} AND ?{1})", from, to);
  }
  sql += " ORDER BY mv.imposer, l.origin, mv.authority, l.measure_id, l.hs, l.company, l.valid_from";
  Statement select(store.db(), sql);
  select.bind(1, point.at);
  for (std::size_t i = 0; i < values.size(); ++i) {
    select.bind(static_cast<int>(i + 2), values[i]);
  }
  return read_measure_lines(store, select, point);
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
