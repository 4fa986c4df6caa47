#pragma once

#include "report/cells.hpp"
#include "report/model.hpp"
#include "store/tariff_lines.hpp"

#include <string>
#include <vector>

namespace tw::report {

// One row per measure among `lines` (versions of its lines that matched a filter): where it
// applies, its latest rates, and the span of dates it covers.
Report measure_list_report(const std::vector<store::MeasureLine>& lines, const std::vector<Field>& filters,
                           const ActLookup& find_act);

// A measure with every version of its lines.
Report measure_report(const Measure& measure, const std::vector<TariffLine>& lines, const ActLookup& find_act);

// An act with the measures that cite it.
Report act_report(const Act& act, const std::vector<std::string>& measure_ids);

} // namespace tw::report
