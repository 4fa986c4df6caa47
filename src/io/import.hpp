#pragma once

// The import engine. Readers of each file format hand it rows one at a time (acts, tariff
// lines with their measure, listings with their measure); it stages them in temporary tables
// of the store's connection, so memory stays flat however large the input, then reconciles
// them with the store and records what changed as one changeset, all in one write
// transaction: a bad row anywhere leaves the store unchanged. Tariff lines for a store that
// has none yet skip the staging: they are new whatever they hold, so they are written into the
// store as they come and checked there.
//
//   io::Importer importer(store, options);
//   read_my_format(in, "list.csv", importer); // calls importer.stage_listing(…) per row
//   const io::ImportResult result = importer.finish(context.new_changeset());

#include "core/date.hpp"
#include "core/model.hpp"
#include "io/source.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace tw::io {

enum class ReconcileMode {
  // The file carries the versions of its lines, as `export` writes them. Per line (a tariff
  // line: measure, origin, code, company; a listing: its entry), from the first version the
  // file gives on, the file's versions replace the store's: versions equal in validity and
  // terms are kept, others are superseded in record time (see reconcile_history). A row
  // without `to` ends where the next row of its line starts; overlapping rows of one line are
  // an error. Lines the file does not hold are left alone.
  history,
  // The file gives the state of its lists or measures on `as_of` (a public list or schedule).
  // Per line: a new one is added from its own `from`; one whose terms differ gets a new
  // version from `as_of`; one that is no longer there, on a list (imposer and list name) or
  // in a tariff measure that the file holds, is ended (delisted) on `as_of`, never deleted.
  snapshot,
};

struct ImportOptions {
  ReconcileMode mode = ReconcileMode::history;
  // Snapshot: the date of the state the files give. Both modes: a change that takes a line
  // out of force on this day counts as a deletion, one that puts it in force as an addition.
  Date as_of;
  bool dry_run = false;             // reconcile and count, then roll back
  std::ostream* progress = nullptr; // where to show progress (a terminal), if anywhere
};

// Where a staged row came from. Errors found while staging point at the field concerned;
// errors found when the rows are reconciled (an unknown act, overlapping versions) point at
// the row's `act`, `end_act` or `from`.
struct RowSource {
  SourcePosition row; // where the row starts
  // Where the field of native column `name` starts; the row's start when unset.
  std::function<SourcePosition(std::string_view name)> field;

  SourcePosition at(std::string_view name) const { return field ? field(name) : row; }
};

// What an import changed (or, on a dry run, would change) of one kind of thing.
struct ImportCount {
  std::size_t added = 0;
  std::size_t modified = 0;
  std::size_t deleted = 0; // ended or delisted; nothing is ever deleted from the store
  std::size_t unchanged = 0;
  std::map<std::string, std::size_t> fields; // of the modifications: column name → how many changed it

  std::size_t changed() const { return added + modified + deleted; }
  std::size_t total() const { return changed() + unchanged; }
};

struct ImportResult {
  ImportCount acts;
  ImportCount tariff_measures; // the measures' own fields: imposer, authority, title, …
  ImportCount tariff_lines;
  ImportCount listings;                 // with their measures' fields
  std::size_t rows = 0;                 // rows staged
  std::optional<ChangesetId> changeset; // recorded; unset when nothing changed, and on a dry run
  bool dry_run = false;

  std::size_t changed() const {
    return acts.changed() + tariff_measures.changed() + tariff_lines.changed() + listings.changed();
  }
};

// Stages rows and reconciles them with the store. The constructor begins the write
// transaction; `finish` commits it, and the destructor rolls it back if `finish` did not
// (an exception while reading leaves the store unchanged).
class Importer {
public:
  Importer(store::Store& store, ImportOptions options);
  ~Importer();
  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;

  const ImportOptions& options() const;
  // The store, for readers that compare a source with what the store holds.
  store::Store& store();

  // An act: added when new, corrected (a new version in record time) when it differs.
  // Fails (exit 65) when the import already holds an act with its id.
  void stage_act(const Act& act, const RowSource& source);
  // A version of a tariff line of measure `measure.id` (`line.measure_id` is not read);
  // `measure` gives the measure's own fields (imposer, authority, title, announced, exclusive
  // groups, and for a new measure its note), which every row of the measure must give alike.
  // A new measure takes the act of its earliest version; an existing one keeps its act and note.
  void stage_tariff(const Measure& measure, const TariffLine& line, const RowSource& source);
  // A version of a listing. The listing is identified by `measure.id` when given, else by
  // `listing.source_key`, else by its imposer, list, name and country; a new listing
  // without an id is given one (as `add listing` does). `measure.authority` defaults to the
  // list's name.
  void stage_listing(const Measure& measure, const Listing& listing, const RowSource& source);

  // Reconciles the staged rows with the store; when anything changed, records `changeset`
  // (with the command line it carries) and commits, or on a dry run rolls back. Fails (exit
  // 65, nothing written) on an unknown act, overlapping versions of a line (history), or a
  // line given twice (snapshot).
  ImportResult finish(const Changeset& changeset);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace tw::io
