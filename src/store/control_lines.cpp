#include "store/control_lines.hpp"

#include <fmt/format.h>

namespace tw::store {

namespace {

constexpr const char* k_control_columns =
    "l.row_id, l.measure_id, l.partner, l.hs, l.direction, l.requirement, l.quota, l.description, l.act_id, "
    "l.end_act_id, l.note, l.valid_from, l.valid_to, l.recorded_in, l.superseded_in";

ControlLine read_control_line(const Statement& row) {
  ControlLine line;
  line.row_id = row.integer(0);
  line.measure_id = row.text(1);
  line.key.partner = Jurisdiction::parse(row.text(2)).value();
  line.key.hs = ProductCode::parse(row.text(3)).value();
  if (auto direction = row.optional_text(4)) {
    line.direction = parse_direction(*direction);
  }
  if (auto requirement = row.optional_text(5)) {
    line.requirement = parse_requirement(*requirement);
  }
  line.quota = row.optional_text(6);
  line.description = row.optional_text(7);
  read_version_columns(line, row, 8);
  return line;
}

template <typename Enum> std::optional<std::string> name_of(const std::optional<Enum>& value) {
  return value ? std::optional(std::string(to_string(*value))) : std::nullopt;
}

} // namespace

void insert_control_line(Store& store, const ControlLine& line, ChangesetId changeset) {
  Statement insert(store.db(), R"(
    INSERT INTO control_lines (measure_id, partner, hs, direction, requirement, quota, description, act_id, end_act_id,
                               note, valid_from, valid_to, recorded_in)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))");
  insert.bind(1, line.measure_id)
      .bind(2, line.key.partner.code())
      .bind(3, line.key.hs.key())
      .bind(4, name_of(line.direction))
      .bind(5, name_of(line.requirement))
      .bind(6, line.quota)
      .bind(7, line.description)
      .bind(8, line.act_id)
      .bind(9, line.end_act_id)
      .bind(10, line.note)
      .bind(11, line.valid.from.to_string())
      .bind(12, date_text(line.valid.to))
      .bind(13, changeset);
  insert.run();
}

void apply_plan(Store& store, const VersionPlan<ControlLine>& plan, ChangesetId changeset) {
  supersede_rows(store, "control_lines", plan.superseded, changeset);
  for (const auto& line : plan.inserted) {
    insert_control_line(store, line, changeset);
  }
}

std::vector<ControlLine> control_lines_of_measure(const Store& store, const std::string& measure_id,
                                                  RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {} FROM control_lines l WHERE {} AND l.measure_id = ?2 "
                                           "ORDER BY l.partner, l.hs, l.valid_from, l.recorded_in",
                                           k_control_columns, visible("l", point)));
  select.bind(1, point.at).bind(2, measure_id);
  std::vector<ControlLine> lines;
  while (select.step()) {
    lines.push_back(read_control_line(select));
  }
  return lines;
}

std::vector<MeasureControl> find_control_lines(const Store& store, const ControlFilter& filter, RecordPoint point) {
  Conditions where;
  if (filter.kind) {
    where.add("m.kind = {0}", std::string(to_string(*filter.kind)));
  }
  if (filter.imposer) {
    where.add("mv.imposer = {0}", filter.imposer->code());
  }
  if (filter.partner) {
    where.add("l.partner IN ({0}, '*')", filter.partner->code());
  }
  if (filter.hs) {
    add_code_condition(where, "l", *filter.hs, CodeMatch::related);
  }
  if (filter.authority) {
    where.add("mv.authority = {0} COLLATE NOCASE", *filter.authority);
  }
  if (filter.text) {
    // instr, not LIKE: % and _ in the text are themselves.
    where.add("(instr(tw_fold(l.description), tw_fold({0})) > 0 OR instr(tw_fold(mv.title), tw_fold({0})) > 0 "
              "OR instr(tw_fold(l.note), tw_fold({0})) > 0)",
              *filter.text);
  }
  add_validity_conditions(where, "l", filter.on, filter.changing_between);
  const RecordPoint measure_point = point.every_version ? RecordPoint{} : point;
  Statement select(
      store.db(), fmt::format("SELECT {} FROM control_lines l JOIN measures m ON m.id = l.measure_id "
                              "JOIN measure_versions mv ON mv.measure_id = l.measure_id "
                              "AND mv.recorded_in <= {} AND (mv.superseded_in IS NULL OR mv.superseded_in > {}) "
                              "WHERE {}{} ORDER BY mv.imposer, l.partner, mv.authority, l.measure_id, l.hs, "
                              "l.valid_from, l.recorded_in",
                              k_control_columns, measure_point.at, measure_point.at, visible("l", point), where.sql()));
  where.bind(select, point);
  return read_with_measures<ControlLine>(store, select, point, read_control_line);
}

} // namespace tw::store
