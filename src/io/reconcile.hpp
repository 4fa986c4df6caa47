#pragma once

// How the versions of one line in an imported file meet its current versions in the store:
// what to supersede and insert, and how to count it. Pure functions over the line types
// (TariffLine, Listing); the import engine feeds them one line at a time.

#include "core/model.hpp"
#include "core/versioning.hpp"

#include <set>
#include <span>
#include <string>
#include <vector>

namespace tw::io {

enum class Outcome {
  unchanged,
  added,    // new to the store, or in force on the as-of date again
  modified, // its terms or dates changed
  deleted,  // in force on the as-of date before, and no longer (ended, delisted)
};

template <typename Line> struct LineReconciliation {
  Outcome outcome = Outcome::unchanged;
  std::set<std::string> fields; // what a modification changed, by native column name
  VersionPlan<Line> plan;
};

// The terms in which `a` and `b` differ, by native column name ("rate", "name"); validity,
// row ids and record times aside.
std::vector<std::string> changed_fields(const TariffLine& a, const TariffLine& b);
std::vector<std::string> changed_fields(const Listing& a, const Listing& b);

// History mode: `file` holds the line's versions as the file gives them (at least one),
// sorted by `from`, each with its `to` as the file means it, none overlapping; `current` its
// current versions in the store. From its first version on, the file gives the line's whole
// history: the store's versions from then on that the file does not hold are superseded (a
// version running across the first `from` keeps its part before it), and the file's versions
// the store does not hold are inserted. A line whose versions in the file are all in the
// store is unchanged, so that a file of the versions in force on a date changes nothing.
// `as_of` decides whether a change counts as an addition or a deletion (in force on it or not).
template <typename Line>
LineReconciliation<Line> reconcile_history(std::span<const Line> file, std::span<const Line> current, Date as_of);

// Snapshot mode: `row` is the line as a source gives it on `as_of`. A line new to the store
// is added with the row's validity; a line whose terms on `as_of` differ gets a new version
// from `as_of` (a valid-time amendment); a line not in force on `as_of` is put in force
// again from it.
template <typename Line>
LineReconciliation<Line> reconcile_snapshot(const Line& row, std::span<const Line> current, Date as_of);

// Snapshot mode: the line is no longer in the source, so it ends on `as_of` (plan_end);
// unchanged when it is in force neither on nor after `as_of`.
template <typename Line> LineReconciliation<Line> reconcile_vanished(std::span<const Line> current, Date as_of);

} // namespace tw::io
