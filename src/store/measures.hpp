#pragma once

#include "core/model.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::store {

// Records a new measure; fails (exit 65) when a measure with that id exists.
void insert_measure(Store& store, const Measure& measure, ChangesetId changeset);
// Records a corrected version of measure `measure.id`, superseding the current one.
void replace_measure(Store& store, const Measure& measure, ChangesetId changeset);
std::optional<Measure> find_measure(const Store& store, std::string_view id, RecordPoint point = {});
// The measure `id`, or an error (exit 65) that says there is none.
Measure require_measure(const Store& store, std::string_view id, RecordPoint point = {});
// A version of a measure's own record (authority, act, title, announced date, note, exclusive
// groups), which changes in record time only.
struct MeasureVersion {
  std::int64_t row_id = 0;
  Measure measure;
  ChangesetId recorded_in = 0;
  std::optional<ChangesetId> superseded_in;
};
// The versions of measure `id`'s own record visible at `point`, in the order recorded;
// with RecordPoint::all_versions(), every version ever recorded.
std::vector<MeasureVersion> measure_versions(const Store& store, std::string_view id, RecordPoint point);
// The measures visible at `point`, by id.
std::vector<Measure> measures_at(const Store& store, RecordPoint point = {});
// The ids of the measures whose own act or whose line versions cite act `act_id`.
std::vector<std::string> measures_citing_act(const Store& store, std::string_view act_id, RecordPoint point = {});
// The stem of generated measure ids: `<imposer>-<authority>` in lower case, `-` between words.
std::string measure_id_stem(const Measure& measure);
// A new id for a measure: `<stem>-<n>`, unused so far.
std::string next_measure_id(const Store& store, const Measure& measure);

} // namespace tw::store
