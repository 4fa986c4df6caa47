#pragma once

#include "core/model.hpp"
#include "store/store.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace tw::store {

// Records a new act; fails (exit 65) when an act with that id exists.
void insert_act(Store& store, const Act& act, ChangesetId changeset);
// Records a corrected version of act `act.id`, superseding the current one.
void replace_act(Store& store, const Act& act, ChangesetId changeset);
std::optional<Act> find_act(const Store& store, std::string_view id, RecordPoint point = {});
// Fails (exit 65) naming `option` when there is no act `id`.
void require_act(const Store& store, std::string_view id, std::string_view option);

} // namespace tw::store
