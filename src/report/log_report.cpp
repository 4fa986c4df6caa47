#include "report/log_report.hpp"

namespace tw::report {

namespace {

Cell changeset_cell(const std::optional<ChangesetId>& id) { return id ? Cell::number(*id) : Cell::of(""); }

} // namespace

Report log_report(const std::vector<store::ChangesetSummary>& log) {
  Report report;
  report.fields.push_back({"count", "changesets", Cell::number(static_cast<std::int64_t>(log.size()))});
  Table table{"changesets",
              "",
              {{"id", "id", Align::right},
               {"recorded_at", "recorded at"},
               {"author", "author"},
               {"reason", "reason", Align::left, false, true},
               {"command", "command", Align::left, false, true},
               {"rows", "rows", Align::right},
               {"inserted", "inserted", Align::right, true},
               {"superseded", "superseded", Align::right, true},
               {"undoes", "undoes", Align::right},
               {"undone_by", "undone by", Align::right}},
              {},
              0};
  for (const auto& [changeset, undone_by, inserted, superseded] : log) {
    table.rows.push_back({Cell::number(changeset.id), Cell::of(changeset.recorded_at), Cell::of(changeset.author),
                          Cell::of(changeset.reason), Cell::of(changeset.command), Cell::number(inserted + superseded),
                          Cell::number(inserted), Cell::number(superseded), changeset_cell(changeset.undoes),
                          changeset_cell(undone_by)});
  }
  report.tables.push_back(std::move(table));
  return report;
}

} // namespace tw::report
