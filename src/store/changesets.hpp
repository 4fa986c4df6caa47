#pragma once

// Changesets as a whole: the log of what each one did, and undo.

#include "core/model.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace tw::store {

// A changeset with what it did, for `log`.
struct ChangesetSummary {
  Changeset changeset;
  std::optional<ChangesetId> undone_by; // the undo that reversed it
  std::int64_t inserted = 0;            // row versions it recorded
  std::int64_t superseded = 0;          // row versions it superseded
};

// The changesets, newest first; only the latest `limit` when it is given.
std::vector<ChangesetSummary> changeset_log(const Store& store, std::optional<std::int64_t> limit = std::nullopt);

std::optional<Changeset> find_changeset(const Store& store, ChangesetId id);

// The newest changeset's id, 0 in a store without any. Every write records a changeset, so two
// read transactions that find the same newest one read the same store.
ChangesetId newest_changeset(const Store& store);

// The latest changeset that no undo has reversed. An undo counts too: undoing it redoes what
// it reversed.
std::optional<ChangesetId> latest_changeset_not_undone(const Store& store);

struct UndoResult {
  Changeset undone;          // the changeset reversed
  ChangesetId changeset = 0; // the undo, as recorded
  std::int64_t superseded = 0;
  std::int64_t restored = 0;
};

// Reverses changeset `target` as a new changeset, `changeset` with `undoes` set to `target`:
// the versions `target` recorded (or the copies a later undo restored of them) are superseded,
// and copies of the versions it superseded are recorded again. Identities (acts, measures) stay.
// Call inside a write transaction. Fails (exit 65) when there is no changeset `target`, when it
// was undone already, or when a later changeset depends on it: it changed what `target`
// recorded, cites an act or adds to a measure that `target` created, or recorded versions that
// the restored ones would overlap. A failure may come after writes, which the transaction
// then rolls back.
UndoResult undo_changeset(Store& store, ChangesetId target, Changeset changeset);

} // namespace tw::store
