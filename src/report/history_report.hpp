#pragma once

#include "report/cells.hpp"
#include "report/model.hpp"
#include "store/acts.hpp"
#include "store/measures.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tw::report {

// A changeset as a history shows it, with the change it made: the command word (`add`,
// `amend`, `end`, `correct`, …), `undo` when it reversed another changeset, or empty when
// that cannot be told (a changeset made by a file).
struct ChangesetEntry {
  Changeset changeset;
  std::optional<ChangesetId> undoes;
  std::string change;
};
using ChangesetIndex = std::map<ChangesetId, ChangesetEntry>;

// Everything recorded about one measure: every version of its own record and of its lines
// (those of its kind), superseded or not.
struct MeasureHistory {
  Measure measure; // as last recorded
  std::vector<store::MeasureVersion> versions;
  std::vector<TariffLine> tariffs;
  std::vector<Listing> listings;
  std::vector<ControlLine> controls;
};

// The changesets that recorded or superseded a version in `histories` or `versions`, to be
// looked up for the report.
std::set<ChangesetId> cited_changesets(const std::vector<MeasureHistory>& histories);
std::set<ChangesetId> cited_changesets(const std::vector<store::ActVersion>& versions);

// Every version of one measure: its record as fields, then its line versions by line, valid
// from and record time, the versions of its own record, and the changesets that made them.
// Each version's status says whether it is current or what superseded it, so that a
// correction (record time only) reads apart from a change of policy (`amend`, `end`).
Report measure_history_report(const MeasureHistory& history, const ChangesetIndex& changesets,
                              const ActLookup& find_act);

// The same for the measures filters found (`filters`, as fields), grouped by measure.
Report history_report(const std::vector<MeasureHistory>& histories, std::vector<Field> filters,
                      const ChangesetIndex& changesets);

// Every version of act `act` (as last recorded), and the changesets that made them.
Report act_history_report(const Act& act, const std::vector<store::ActVersion>& versions,
                          const ChangesetIndex& changesets);

} // namespace tw::report
