#pragma once

#include "report/changes_report.hpp"
#include "report/model.hpp"
#include "store/summary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tw::report {

struct SummaryQuestion {
  Date on;
  Date recent_from; // the first day of the recent changes shown; they run to `on`
  std::vector<Field> filters;
};

// What is in force on a day: measures counted by imposer, target, kind and authority, list
// entries by list and country, and then the changes in force of the days before, as the
// change report shows them (its fields and tables, keyed `recent_…`).
Report summary_report(const SummaryQuestion& question, const std::vector<store::MeasureCount>& measures,
                      const std::vector<store::ListingCount>& listings, const FoundChanges& recent,
                      const ActLookup& find_act);

} // namespace tw::report
