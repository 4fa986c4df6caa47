#include "report/history_report.hpp"

#include "report/listing_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace tw::report {

namespace {

// How a history names what superseded a version: the change as a noun ("correction", not
// the command word "correct").
std::string change_noun(const std::string& change) { return change == "correct" ? "correction" : change; }

// The status of a version superseded by `change` in changeset `by`: "amended in 32". A
// correction or an undo reads apart from a change of policy (amend, end).
std::string superseded_status(const std::string& change, ChangesetId by) {
  static const std::map<std::string, std::string, std::less<>> k_participles = {
      {"amend", "amended"}, {"end", "ended"}, {"correct", "corrected"}, {"undo", "undone"}};
  const auto found = k_participles.find(change);
  return fmt::format("{} in {}", found != k_participles.end() ? found->second : "superseded", by);
}

// The columns every versioned record ends with: when it was recorded and superseded, its
// status, and the command that recorded it. Text shows the changeset that superseded a
// version in its status.
std::vector<Column> record_columns() {
  return {{"recorded_in", "recorded", Align::right},
          {"recorded_at", "recorded at", Align::left, true},
          {"status", "status"},
          {"superseded_in", "superseded in", Align::right, true},
          {"superseded_at", "superseded at", Align::left, true},
          {"superseded_by", "superseded by", Align::left, true},
          {"command", "command", Align::left, true}};
}

std::vector<Cell> record_cells(ChangesetId recorded_in, const std::optional<ChangesetId>& superseded_in,
                               const ChangesetIndex& changesets) {
  auto entry = [&](ChangesetId id) -> const ChangesetEntry* {
    const auto found = changesets.find(id);
    return found == changesets.end() ? nullptr : &found->second;
  };
  const ChangesetEntry* recorded = entry(recorded_in);
  std::vector<Cell> cells{Cell::number(recorded_in),
                          Cell::of(recorded != nullptr ? recorded->changeset.recorded_at : std::string())};
  if (!superseded_in) {
    cells.insert(cells.end(), {Cell::of("current"), Cell::of(""), Cell::of(""), Cell::of("")});
  } else {
    const ChangesetEntry* superseded = entry(*superseded_in);
    const std::string change = superseded != nullptr ? superseded->change : std::string();
    cells.insert(cells.end(), {Cell::with_json(superseded_status(change, *superseded_in), "superseded"),
                               Cell::number(*superseded_in),
                               Cell::of(superseded != nullptr ? superseded->changeset.recorded_at : std::string()),
                               Cell::of(change_noun(change))});
  }
  cells.push_back(Cell::of(recorded != nullptr ? recorded->changeset.command : std::string()));
  return cells;
}

Cell line_cell(const TariffLine& line, const Jurisdiction& imposer) {
  const std::string hs = line.key.hs.format(imposer);
  std::string text = fmt::format("{} {}", hs, line.key.origin.code());
  if (!line.key.company.empty()) {
    text += " " + line.key.company;
  }
  nlohmann::ordered_json json = {
      {"origin", line.key.origin.code()}, {"hs", hs}, {"company", Cell::of(line.key.company).json}};
  return Cell::with_json(std::move(text), std::move(json));
}

Cell line_cell(const Listing& listing, const Jurisdiction&) {
  return Cell::with_json(listing.list, {{"list", listing.list}});
}

Cell line_cell(const ControlLine& line, const Jurisdiction& imposer) {
  const std::string hs = line.key.hs.format(imposer);
  return Cell::with_json(fmt::format("{} {}", hs, line.key.partner.code()),
                         {{"partner", line.key.partner.code()}, {"hs", hs}});
}

Cell terms_cell(const TariffLine& line, const Jurisdiction&) {
  std::string text = line.rate.to_string();
  if (line.heading) {
    text += fmt::format(" ({})", *line.heading);
  }
  return Cell::with_json(std::move(text),
                         {{"rate", rate_cell(line.rate).json}, {"heading", text_cell(line.heading).json}});
}

Cell terms_cell(const Listing& listing, const Jurisdiction&) {
  std::string text = listing.name;
  if (listing.country) {
    text += fmt::format(" ({})", listing.country->code());
  }
  if (listing.license_policy) {
    text += fmt::format("; {}", *listing.license_policy);
  }
  nlohmann::ordered_json json = {
      {"name", listing.name},
      {"aliases", listing.aliases},
      {"type", to_string(listing.type)},
      {"country", listing.country ? nlohmann::ordered_json(listing.country->code()) : nlohmann::ordered_json()},
      {"addresses", listing.addresses},
      {"license_requirement", text_cell(listing.license_requirement).json},
      {"license_policy", text_cell(listing.license_policy).json},
      {"source_key", text_cell(listing.source_key).json}};
  return Cell::with_json(std::move(text), std::move(json));
}

Cell terms_cell(const ControlLine& line, const Jurisdiction&) {
  auto name = [](const auto& value) {
    return value ? nlohmann::ordered_json(to_string(*value)) : nlohmann::ordered_json();
  };
  return Cell::with_json(control_terms(line), {{"direction", name(line.direction)},
                                               {"requirement", name(line.requirement)},
                                               {"quota", text_cell(line.quota).json},
                                               {"text", text_cell(line.description).json}});
}

Table line_versions_table(bool grouped) {
  std::vector<Column> columns = {{"measure", "measure", Align::left, !grouped},
                                 {"version", "version", Align::right},
                                 {"line", "line"},
                                 {"terms", "terms", Align::left, false, true},
                                 {"from", "from"},
                                 {"to", "to"},
                                 {"act", "act", Align::left, false, true},
                                 {"end_act", "ended by", Align::left, true},
                                 {"note", "note", Align::left, true}};
  std::ranges::move(record_columns(), std::back_inserter(columns));
  return Table{"line_versions", "Line versions", std::move(columns), {}, grouped ? 1U : 0U};
}

// Adds a row for each version of `lines`, by line, valid from and record time.
template <typename Line>
void add_line_rows(Table& table, const Measure& measure, std::vector<Line> lines, const ChangesetIndex& changesets) {
  std::ranges::sort(lines, {}, [](const Line& line) {
    return std::make_tuple(line.version_key(), line.valid.from, line.recorded_in, line.row_id);
  });
  for (const auto& line : lines) {
    std::vector<Cell> row = {Cell::of(measure.id),
                             Cell::number(line.row_id),
                             line_cell(line, measure.imposer),
                             terms_cell(line, measure.imposer),
                             date_cell(line.valid.from),
                             date_cell(line.valid.to),
                             text_cell(line.act_id),
                             text_cell(line.end_act_id),
                             text_cell(line.note)};
    std::ranges::move(record_cells(line.recorded_in, line.superseded_in, changesets), std::back_inserter(row));
    table.rows.push_back(std::move(row));
  }
}

Table measure_versions_table(bool grouped) {
  std::vector<Column> columns = {{"measure", "measure", Align::left, !grouped},
                                 {"version", "version", Align::right},
                                 {"imposer", "imposer", Align::left, true},
                                 {"authority", "authority"},
                                 {"title", "title", Align::left, false, true},
                                 {"act", "act"},
                                 {"announced", "announced"},
                                 {"exclusive_groups", "exclusive"},
                                 {"note", "note", Align::left, true}};
  std::ranges::move(record_columns(), std::back_inserter(columns));
  return Table{"measure_versions", "Measure versions", std::move(columns), {}, grouped ? 1U : 0U};
}

void add_measure_version_rows(Table& table, const std::vector<store::MeasureVersion>& versions,
                              const ChangesetIndex& changesets) {
  for (const auto& version : versions) {
    const Measure& measure = version.measure;
    std::vector<std::string> groups;
    for (const auto& group : measure.exclusive_groups) {
      groups.push_back(fmt::format("{}:{}", group.name, group.priority));
    }
    std::vector<Cell> row = {Cell::of(measure.id),
                             Cell::number(version.row_id),
                             Cell::of(std::string(measure.imposer.code())),
                             Cell::of(measure.authority),
                             text_cell(measure.title),
                             text_cell(measure.act_id),
                             date_cell(measure.announced),
                             list_cell(groups),
                             text_cell(measure.note)};
    std::ranges::move(record_cells(version.recorded_in, version.superseded_in, changesets), std::back_inserter(row));
    table.rows.push_back(std::move(row));
  }
}

// The changesets `ids`, with what each did.
Table changesets_table(const std::set<ChangesetId>& ids, const ChangesetIndex& changesets) {
  Table table{"changesets",
              "Changesets",
              {{"id", "changeset", Align::right},
               {"recorded_at", "recorded at"},
               {"author", "author"},
               {"change", "change"},
               {"undoes", "undoes", Align::right, true},
               {"reason", "reason", Align::left, false, true},
               {"command", "command", Align::left, false, true}},
              {},
              0};
  for (const ChangesetId id : ids) {
    const auto found = changesets.find(id);
    if (found == changesets.end()) {
      continue;
    }
    const ChangesetEntry& entry = found->second;
    table.rows.push_back({Cell::number(id), Cell::of(entry.changeset.recorded_at), Cell::of(entry.changeset.author),
                          Cell::of(entry.change),
                          entry.changeset.undoes ? Cell::number(*entry.changeset.undoes) : Cell::of(""),
                          Cell::of(entry.changeset.reason), Cell::of(entry.changeset.command)});
  }
  return table;
}

template <typename Version> void cite(std::set<ChangesetId>& ids, const std::vector<Version>& versions) {
  for (const auto& version : versions) {
    ids.insert(version.recorded_in);
    if (version.superseded_in) {
      ids.insert(*version.superseded_in);
    }
  }
}

void add_histories(Report& report, const std::vector<MeasureHistory>& histories, bool grouped,
                   const ChangesetIndex& changesets) {
  Table lines = line_versions_table(grouped);
  Table records = measure_versions_table(grouped);
  for (const auto& history : histories) {
    add_line_rows(lines, history.measure, history.tariffs, changesets);
    add_line_rows(lines, history.measure, history.listings, changesets);
    add_line_rows(lines, history.measure, history.controls, changesets);
    add_measure_version_rows(records, history.versions, changesets);
  }
  report.tables.push_back(std::move(lines));
  report.tables.push_back(std::move(records));
  report.tables.push_back(changesets_table(cited_changesets(histories), changesets));
}

} // namespace

std::set<ChangesetId> cited_changesets(const std::vector<MeasureHistory>& histories) {
  std::set<ChangesetId> ids;
  for (const auto& history : histories) {
    cite(ids, history.versions);
    cite(ids, history.tariffs);
    cite(ids, history.listings);
    cite(ids, history.controls);
  }
  return ids;
}

std::set<ChangesetId> cited_changesets(const std::vector<store::ActVersion>& versions) {
  std::set<ChangesetId> ids;
  cite(ids, versions);
  return ids;
}

Report measure_history_report(const MeasureHistory& history, const ChangesetIndex& changesets,
                              const ActLookup& find_act) {
  Report report;
  report.title = fmt::format("History of {}", history.measure.id);
  report.fields = measure_fields(history.measure, find_act);
  add_histories(report, {history}, false, changesets);
  return report;
}

Report history_report(const std::vector<MeasureHistory>& histories, std::vector<Field> filters,
                      const ChangesetIndex& changesets) {
  Report report;
  report.title = "History";
  report.fields = std::move(filters);
  report.fields.push_back({"count", "measures", Cell::number(static_cast<std::int64_t>(histories.size()))});
  add_histories(report, histories, true, changesets);
  return report;
}

Report act_history_report(const Act& act, const std::vector<store::ActVersion>& versions,
                          const ChangesetIndex& changesets) {
  Report report;
  report.title = fmt::format("History of act {}", act.id);
  report.fields = {{"id", "id", Cell::of(act.id)},
                   {"imposer", "imposer", Cell::of(std::string(act.imposer.code()))},
                   {"title", "title", Cell::of(act.title)},
                   {"citation", "citation", text_cell(act.citation)}};
  std::vector<Column> columns = {{"version", "version", Align::right},
                                 {"imposer", "imposer", Align::left, true},
                                 {"title", "title", Align::left, false, true},
                                 {"citation", "citation"},
                                 {"document_number", "document"},
                                 {"url", "url", Align::left, true},
                                 {"announced", "announced"},
                                 {"published", "published"},
                                 {"added", "added", Align::left, true},
                                 {"removed", "removed", Align::left, true}};
  std::ranges::move(record_columns(), std::back_inserter(columns));
  Table table{"act_versions", "Act versions", std::move(columns), {}, 0};
  for (const auto& version : versions) {
    const Act& recorded = version.act;
    std::vector<Cell> row = {Cell::number(version.row_id),
                             Cell::of(std::string(recorded.imposer.code())),
                             Cell::of(recorded.title),
                             text_cell(recorded.citation),
                             text_cell(recorded.document_number),
                             text_cell(recorded.url),
                             date_cell(recorded.announced),
                             date_cell(recorded.published),
                             Cell::of(format_entity_counts(recorded.added)),
                             Cell::of(format_entity_counts(recorded.removed))};
    std::ranges::move(record_cells(version.recorded_in, version.superseded_in, changesets), std::back_inserter(row));
    table.rows.push_back(std::move(row));
  }
  report.tables.push_back(std::move(table));
  report.tables.push_back(changesets_table(cited_changesets(versions), changesets));
  return report;
}

} // namespace tw::report
