#include "report/summary_report.hpp"

#include <fmt/format.h>

#include <map>

namespace tw::report {

namespace {

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

} // namespace

Report summary_report(const SummaryQuestion& question, const std::vector<store::MeasureCount>& measures,
                      const std::vector<store::ListingCount>& listings, const FoundChanges& recent,
                      const ActLookup& find_act) {
  Report report;
  report.title = fmt::format("In force on {}", question.on.to_string());
  report.fields = {{"on", "on", Cell::of(question.on.to_string())}};
  report.fields.insert(report.fields.end(), question.filters.begin(), question.filters.end());

  // Counted by kind for the summary line and the chart; a listing is one measure per entry.
  std::map<std::string, std::int64_t> by_kind;
  std::map<std::string, std::int64_t> by_authority;
  Table measure_table{"measures",
                      "Measures in force",
                      {{"imposer", "imposer"},
                       {"target", "target"},
                       {"kind", "kind"},
                       {"authority", "authority"},
                       {"measures", "measures", Align::right},
                       {"lines", "lines", Align::right}},
                      {},
                      1};
  for (const auto& count : measures) {
    by_kind[count.kind] += count.measures;
    by_authority[fmt::format("{} {}", count.imposer, count.authority)] += count.measures;
    measure_table.rows.push_back({Cell::of(count.imposer), Cell::of(count.target), Cell::of(count.kind),
                                  Cell::of(count.authority), Cell::number(count.measures), Cell::number(count.lines)});
  }
  nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
  std::string kinds_text;
  for (const auto& [kind, plural_name] : {std::pair{"tariff", "tariffs"}, std::pair{"listing", "listings"},
                                          std::pair{"control", "controls"}, std::pair{"other", "other"}}) {
    kinds[kind] = by_kind[kind];
    kinds_text +=
        fmt::format("{}{} {}", kinds_text.empty() ? "" : ", ", by_kind[kind], by_kind[kind] == 1 ? kind : plural_name);
  }
  report.fields.push_back({"measures_in_force", "in force", Cell::with_json(kinds_text, std::move(kinds))});

  Table listing_table{
      "listings",
      "List entries in force",
      {{"imposer", "imposer"}, {"list", "list"}, {"country", "country"}, {"entries", "entries", Align::right}},
      {},
      2};
  std::int64_t entries = 0;
  for (const auto& count : listings) {
    entries += count.entries;
    listing_table.rows.push_back(
        {Cell::of(count.imposer), Cell::of(count.list), Cell::of(count.country), Cell::number(count.entries)});
  }
  report.fields.push_back(
      {"list_entries", "list entries", Cell::with_json(plural(entries, "entry", "entries"), entries)});

  Chart chart{"Measures in force by imposer and authority", ChartKind::bars, "measures", {{"measures", {}}}};
  for (const auto& [authority, count] : by_authority) {
    chart.series[0].points.push_back({0, static_cast<double>(count), authority, std::to_string(count)});
  }
  if (!chart.series[0].points.empty()) {
    report.charts.push_back(std::move(chart));
  }
  report.tables.push_back(std::move(measure_table));
  report.tables.push_back(std::move(listing_table));

  // The recent changes, as the change report of those days has them.
  const Report changes = changes_report({question.recent_from, question.on, {}}, recent, find_act);
  report.fields.push_back({"recent_from", "changes since", Cell::of(question.recent_from.to_string())});
  for (const auto& field : changes.fields) {
    if (field.key != "from" && field.key != "to" && field.key != "by") {
      report.fields.push_back({"recent_" + field.key, "recent " + field.label, field.value});
    }
  }
  for (auto table : changes.tables) {
    table.key = "recent_" + table.key;
    table.title =
        fmt::format("Changes {} to {}: {}", question.recent_from.to_string(), question.on.to_string(), table.title);
    report.tables.push_back(std::move(table));
  }
  for (const auto& changes_chart : changes.charts) {
    if (changes_chart.series.size() > 1) {
      report.charts.push_back(changes_chart); // the rate changes; their counts are in the fields
    }
  }
  return report;
}

} // namespace tw::report
