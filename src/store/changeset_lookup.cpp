#include "store/changeset_lookup.hpp"

namespace tw::store {

std::map<ChangesetId, RecordedChangeset> lookup_changesets(const Store& store, const std::set<ChangesetId>& ids) {
  Statement select(store.db(), "SELECT id, recorded_at, author, reason, command, undoes FROM changesets WHERE id = ?1");
  std::map<ChangesetId, RecordedChangeset> found;
  for (const ChangesetId id : ids) {
    select.reset();
    select.bind(1, id);
    if (select.step()) {
      found.emplace(id, RecordedChangeset{Changeset{select.integer(0), select.text(1), select.text(2), select.text(3),
                                                    select.text(4), select.optional_integer(5)},
                                          select.optional_integer(5)});
    }
  }
  return found;
}

} // namespace tw::store
