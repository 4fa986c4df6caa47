#pragma once

#include "core/model.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::store {

// Records a new act; fails (exit 65) when an act with that id exists.
void insert_act(Store& store, const Act& act, ChangesetId changeset);
// Records a corrected version of act `act.id`, superseding the current one.
void replace_act(Store& store, const Act& act, ChangesetId changeset);
std::optional<Act> find_act(const Store& store, std::string_view id, RecordPoint point = {});
// A version of an act's record, which changes in record time only.
struct ActVersion {
  std::int64_t row_id = 0;
  Act act;
  ChangesetId recorded_in = 0;
  std::optional<ChangesetId> superseded_in;
};
// The versions of act `id` visible at `point`, in the order recorded; with
// RecordPoint::all_versions(), every version ever recorded.
std::vector<ActVersion> act_versions(const Store& store, std::string_view id, RecordPoint point);
// The acts visible at `point`, by id.
std::vector<Act> acts_at(const Store& store, RecordPoint point = {});
// The id of the act whose current version has document number `number`, or citation
// `citation` ("89 FR 41886"); the first by id when several have it.
std::optional<std::string> find_act_id_by_document_number(const Store& store, std::string_view number);
std::optional<std::string> find_act_id_by_citation(const Store& store, std::string_view citation);
// Fails (exit 65) naming `option` when there is no act `id`.
void require_act(const Store& store, std::string_view id, std::string_view option);

} // namespace tw::store
