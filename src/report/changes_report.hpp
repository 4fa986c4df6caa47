#pragma once

#include "query/changes.hpp"
#include "report/cells.hpp"
#include "report/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tw::report {

// Which changes a change report holds: those that came into force between its dates, those
// made by acts announced between them, or those the store recorded between them.
enum class ChangeBasis { effective, announced, recorded };

struct ChangesQuestion {
  Date from;
  Date to;
  std::vector<Field> filters; // shown as given: imposer, origin, …
  ChangeBasis by = ChangeBasis::effective;
};

// The changes found, by kind; a kind not asked for is unset.
struct FoundChanges {
  std::optional<std::vector<query::LineChange>> tariffs;
  std::optional<std::vector<query::ListingChange>> listings;
  std::optional<std::vector<query::ControlChange>> controls;
};

// The changes in force between two dates with a summary of the counts on top: tariffs grouped
// by imposer, origin and authority; listings grouped by list, and counted by date, change and
// country beside the count the act declares; controls and other measures.
// With `retracted` (by recorded), the changes the store no longer holds follow, in tables
// keyed `retracted_…`.
Report changes_report(const ChangesQuestion& question, const FoundChanges& changes, const ActLookup& find_act,
                      const FoundChanges* retracted = nullptr);

} // namespace tw::report
