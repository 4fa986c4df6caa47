#include "store/summary.hpp"

#include "store/tariff_lines.hpp"
#include "store/versions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace tw::store {

namespace {

// The conditions every count shares: lines of `alias` in force on `on`, of measures of
// `imposer` (as their version `mv` at the record point says).
Conditions in_force_conditions(std::string_view alias, Date on, const std::optional<Jurisdiction>& imposer) {
  Conditions where;
  if (imposer) {
    where.add("mv.imposer = {0}", imposer->code());
  }
  add_validity_conditions(where, alias, on, std::nullopt);
  return where;
}

// Joins the measure version `mv` and identity `m` of the lines of `alias` visible at ?1.
std::string measure_join(std::string_view alias, RecordPoint point) {
  const RecordPoint measure_point = point.every_version ? RecordPoint{} : point;
  return fmt::format("JOIN measures m ON m.id = {0}.measure_id "
                     "JOIN measure_versions mv ON mv.measure_id = {0}.measure_id AND mv.recorded_in <= {1} "
                     "AND (mv.superseded_in IS NULL OR mv.superseded_in > {1})",
                     alias, measure_point.at);
}

void read_measure_counts(const Store& store, const std::string& sql, const Conditions& where, RecordPoint point,
                         std::vector<MeasureCount>& counts) {
  Statement select(store.db(), sql);
  where.bind(select, point);
  while (select.step()) {
    counts.push_back(MeasureCount{select.text(0), select.text(1), select.text(2), select.text(3), select.integer(4),
                                  select.integer(5)});
  }
}

} // namespace

std::vector<MeasureCount> count_measures_in_force(const Store& store, Date on,
                                                  const std::optional<Jurisdiction>& imposer, RecordPoint point) {
  std::vector<MeasureCount> counts;
  const Conditions tariffs = in_force_conditions("l", on, imposer);
  read_measure_counts(store,
                      fmt::format("SELECT mv.imposer, l.origin, m.kind, mv.authority, COUNT(DISTINCT l.measure_id), "
                                  "COUNT(*) FROM tariff_lines l {} WHERE {}{} GROUP BY 1, 2, 3, 4",
                                  measure_join("l", point), visible("l", point), tariffs.sql()),
                      tariffs, point, counts);
  const Conditions controls = in_force_conditions("c", on, imposer);
  read_measure_counts(store,
                      fmt::format("SELECT mv.imposer, c.partner, m.kind, mv.authority, COUNT(DISTINCT c.measure_id), "
                                  "COUNT(*) FROM control_lines c {} WHERE {}{} GROUP BY 1, 2, 3, 4",
                                  measure_join("c", point), visible("c", point), controls.sql()),
                      controls, point, counts);
  const Conditions listings = in_force_conditions("li", on, imposer);
  read_measure_counts(store,
                      fmt::format("SELECT mv.imposer, COALESCE(li.country, ''), m.kind, mv.authority, "
                                  "COUNT(DISTINCT li.measure_id), COUNT(*) FROM listings li {} WHERE {}{} "
                                  "GROUP BY 1, 2, 3, 4",
                                  measure_join("li", point), visible("li", point), listings.sql()),
                      listings, point, counts);
  std::ranges::sort(counts, [](const MeasureCount& a, const MeasureCount& b) {
    return std::tie(a.imposer, a.target, a.kind, a.authority) < std::tie(b.imposer, b.target, b.kind, b.authority);
  });
  return counts;
}

std::vector<ListingCount> count_listings_in_force(const Store& store, Date on,
                                                  const std::optional<Jurisdiction>& imposer, RecordPoint point) {
  const Conditions where = in_force_conditions("li", on, imposer);
  Statement select(store.db(), fmt::format("SELECT mv.imposer, li.list_name, COALESCE(li.country, ''), COUNT(*) "
                                           "FROM listings li {} WHERE {}{} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                                           measure_join("li", point), visible("li", point), where.sql()));
  where.bind(select, point);
  std::vector<ListingCount> counts;
  while (select.step()) {
    counts.push_back(ListingCount{select.text(0), select.text(1), select.text(2), select.integer(3)});
  }
  return counts;
}

} // namespace tw::store
