#pragma once

#include "report/model.hpp"
#include "store/changesets.hpp"

#include <vector>

namespace tw::report {

// The changesets, one row each as given (newest first), with how many row versions each
// recorded and superseded and the undo links between them.
Report log_report(const std::vector<store::ChangesetSummary>& log);

} // namespace tw::report
