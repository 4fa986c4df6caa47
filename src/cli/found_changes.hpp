#pragma once

#include "cli/options.hpp"
#include "report/changes_report.hpp"

namespace tw::cli {

// The changes in force in [from, to] of the kinds and filters of `filters`, as seen at `point`.
report::FoundChanges find_changes_in_force(const store::Store& store, const FilterOptions& filters, Date from, Date to,
                                           store::RecordPoint point);

// The changes, at any effective date, made by acts announced in [from, to]: the act's
// `announced` date, else its `published` date. `undated` counts the changes left out
// because no act or no such date is known for them.
report::FoundChanges find_changes_announced(const store::Store& store, const FilterOptions& filters, Date from, Date to,
                                            store::RecordPoint point, std::size_t& undated);

// What the store learned between two record times: the changes in force, at any effective
// date, that its knowledge at the end of `to` holds and its knowledge at the end of the day
// before `from` did not, and those it held then and no longer does.
struct RecordedChanges {
  report::FoundChanges learned;
  report::FoundChanges retracted;
};
RecordedChanges find_changes_recorded(const store::Store& store, const FilterOptions& filters, Date from, Date to);

} // namespace tw::cli
