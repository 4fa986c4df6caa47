#pragma once

#include "query/screening.hpp"
#include "report/model.hpp"

#include <string>
#include <vector>

namespace tw::report {

// The matches of one screened name.
struct ScreenedName {
  std::string input;
  std::vector<query::ScreeningMatch> matches;
};

// The result of `screen`: what was asked (`fields`), then one row per (input name, match),
// grouped by input, best first, with the explanation of each score; text and Markdown give
// the explanations as notes under the table, CSV and JSON in a column.
Report screening_report(const std::vector<ScreenedName>& screened, std::vector<Field> fields);

} // namespace tw::report
