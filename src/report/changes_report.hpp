#pragma once

#include "query/changes.hpp"
#include "report/cells.hpp"
#include "report/model.hpp"

#include <string>
#include <vector>

namespace tw::report {

struct ChangesQuestion {
  Date from;
  Date to;
  std::vector<Field> filters; // shown as given: imposer, origin, …
};

// The tariff changes in force between two dates, grouped by imposer, origin and authority,
// with a summary of the counts on top.
Report changes_report(const ChangesQuestion& question, const std::vector<query::LineChange>& changes,
                      const ActLookup& find_act);

} // namespace tw::report
