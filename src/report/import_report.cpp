#include "report/import_report.hpp"

#include "report/cells.hpp"

#include <fmt/format.h>

namespace tw::report {

namespace {

// "rate 3, name 1"; in JSON {"rate": 3, "name": 1}.
Cell fields_cell(const std::map<std::string, std::size_t>& fields) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  std::string text;
  for (const auto& [field, count] : fields) {
    json[field] = count;
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", field, count);
  }
  return Cell::with_json(std::move(text), std::move(json));
}

Cell count_cell(std::size_t count) { return Cell::number(static_cast<std::int64_t>(count)); }

} // namespace

Report import_report(const io::ImportResult& result, const std::vector<std::string>& files,
                     const io::ImportOptions& options) {
  Report report;
  report.title = result.dry_run ? "Import (dry run: nothing was written)" : "Import";
  const bool snapshot = options.mode == io::ReconcileMode::snapshot;
  report.fields = {
      {"files", "files", list_cell(files)},
      {"mode", "mode", Cell::of(snapshot ? "snapshot" : "history")},
      {"as_of", "as of", Cell::of(options.as_of.to_string())},
      {"rows", "rows read", count_cell(result.rows)},
      {"dry_run", "dry run", Cell::with_json(result.dry_run ? "yes" : "", result.dry_run)},
      {"changeset", "changeset", result.changeset ? Cell::number(*result.changeset) : Cell::with_json("", nullptr)},
  };
  Table table{"changes",
              "",
              {{"kind", "kind"},
               {"added", "added", Align::right},
               {"modified", "modified", Align::right},
               {"deleted", "deleted", Align::right},
               {"unchanged", "unchanged", Align::right},
               {"fields", "fields changed", Align::left, false, true}},
              {}};
  io::ImportCount total;
  for (const auto& [kind, count] :
       {std::pair{"acts", &result.acts}, std::pair{"tariff measures", &result.tariff_measures},
        std::pair{"tariff lines", &result.tariff_lines}, std::pair{"listings", &result.listings}}) {
    if (count->total() == 0) {
      continue;
    }
    table.rows.push_back({Cell::of(kind), count_cell(count->added), count_cell(count->modified),
                          count_cell(count->deleted), count_cell(count->unchanged), fields_cell(count->fields)});
    total.added += count->added;
    total.modified += count->modified;
    total.deleted += count->deleted;
    total.unchanged += count->unchanged;
  }
  report.tables.push_back(std::move(table));
  const std::string counts = fmt::format("{} added, {} modified, {} deleted, {} unchanged", total.added, total.modified,
                                         total.deleted, total.unchanged);
  if (result.dry_run) {
    report.notes.push_back(fmt::format("Dry run: {}; nothing was written.", counts));
  } else if (result.changeset) {
    report.notes.push_back(fmt::format("{}: recorded as changeset {}.", counts, *result.changeset));
  } else {
    report.notes.push_back(fmt::format("Nothing changed ({} unchanged); no changeset was recorded.", total.unchanged));
  }
  return report;
}

} // namespace tw::report
