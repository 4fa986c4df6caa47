#pragma once

#include "report/cells.hpp"
#include "report/model.hpp"
#include "store/control_lines.hpp"
#include "store/listings.hpp"

#include <vector>

namespace tw::report {

// One row per listing among `listings` (versions that matched a filter), showing its latest
// matching version, grouped by list.
Table listing_table(const std::vector<store::MeasureListing>& listings, const ActLookup& find_act);

// A listing with every version of its entry: added, modified, delisted, re-listed.
Report listing_report(const Measure& measure, const std::vector<Listing>& versions, const ActLookup& find_act);

// One row per control or other measure among `lines` (versions that matched a filter).
Table control_table(const std::vector<store::MeasureControl>& lines, const ActLookup& find_act);

// A control or other measure with every version of its lines.
Report control_report(const Measure& measure, const std::vector<ControlLine>& lines, const ActLookup& find_act);
// What a control or other line requires or says: "licence on exports", "ban on imports", its text.
std::string control_terms(const ControlLine& line);

} // namespace tw::report
