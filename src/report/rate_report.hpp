#pragma once

#include "query/rate_stack.hpp"
#include "report/cells.hpp"
#include "report/model.hpp"

namespace tw::report {

struct RateQuestion {
  Jurisdiction imposer = Jurisdiction::all();
  Jurisdiction origin = Jurisdiction::all();
  ProductCode hs;
  Date on;
  std::string company;
  std::optional<std::string> as_known_on;
};

// The duty on the goods of `question`, layer by layer, with the set-aside lines.
Report rate_report(const RateQuestion& question, const query::StackedRate& stacked, const ActLookup& find_act);

} // namespace tw::report
