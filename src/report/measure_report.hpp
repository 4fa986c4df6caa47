#pragma once

#include "report/cells.hpp"
#include "report/listing_report.hpp"
#include "report/model.hpp"
#include "store/tariff_lines.hpp"

#include <string>
#include <vector>

namespace tw::report {

// The measures a `list` found, by kind; a kind not asked for is unset.
struct MeasureSelection {
  std::optional<std::vector<store::MeasureLine>> tariffs;
  std::optional<std::vector<store::MeasureListing>> listings;
  std::optional<std::vector<store::MeasureControl>> controls; // control and other measures
};

// One table per kind asked for. Tariffs: one row per measure among the line versions that
// matched, with where it applies, its latest rates and the span of dates it covers.
// Listings and controls: see listing_table and control_table. When several kinds are asked
// for, empty tables are left out of text.
Report measure_list_report(const MeasureSelection& selection, const std::vector<Field>& filters,
                           const ActLookup& find_act);

// A measure with every version of its lines.
Report measure_report(const Measure& measure, const std::vector<TariffLine>& lines, const ActLookup& find_act);

// An act with the measures that cite it.
Report act_report(const Act& act, const std::vector<std::string>& measure_ids);

} // namespace tw::report
