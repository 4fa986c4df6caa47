#pragma once

#include "core/model.hpp"
#include "store/store.hpp"

#include <map>
#include <optional>
#include <set>

namespace tw::store {

// A changeset as recorded, with the changeset it reversed when it was an undo.
struct RecordedChangeset {
  Changeset changeset;
  std::optional<ChangesetId> undoes;
};

// The changesets among `ids` that exist, by id.
std::map<ChangesetId, RecordedChangeset> lookup_changesets(const Store& store, const std::set<ChangesetId>& ids);

} // namespace tw::store
