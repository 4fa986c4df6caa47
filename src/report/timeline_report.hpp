#pragma once

#include "query/timeline.hpp"
#include "report/cells.hpp"
#include "report/model.hpp"

#include <optional>
#include <string>

namespace tw::report {

struct TimelineQuestion {
  Jurisdiction imposer = Jurisdiction::all();
  Jurisdiction origin = Jurisdiction::all();
  ProductCode hs;
  std::optional<Date> from;
  std::optional<Date> to;
  std::string company;
  std::optional<std::string> as_known_on;
  Date today; // where the chart of a duty in force until further notice ends, without `to`
};

// The steps of the duty on goods: a table of the total with its change from the step
// before, a table of the layers charged in each step, and a step chart of the total and of
// each authority's layer.
Report timeline_report(const TimelineQuestion& question, const std::vector<query::TimelineStep>& steps,
                       const ActLookup& find_act);

} // namespace tw::report
