#include "store/changesets.hpp"

#include "core/error.hpp"
#include "store/versions.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace tw::store {

namespace {

constexpr const char* k_changeset_columns = "c.id, c.recorded_at, c.author, c.reason, c.command, c.undoes";

Changeset read_changeset(const Statement& row) {
  return Changeset{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.optional_integer(5)};
}

std::optional<ChangesetId> undone_by(const Store& store, ChangesetId id) {
  Statement select(store.db(), "SELECT min(id) FROM changesets WHERE undoes = ?1");
  select.bind(1, id).step();
  return select.optional_integer(0);
}

// Row versions per changeset: how many each recorded (`column` recorded_in) or superseded.
std::map<ChangesetId, std::int64_t> versions_per_changeset(const Store& store, std::string_view column) {
  std::map<ChangesetId, std::int64_t> counts;
  for (const auto& table : versioned_tables()) {
    Statement select(store.db(), fmt::format("SELECT {0}, count(*) FROM {1} WHERE {0} IS NOT NULL GROUP BY {0}", column,
                                             table.name));
    while (select.step()) {
      counts[select.integer(0)] += select.integer(1);
    }
  }
  return counts;
}

// `pattern`, in which {0} stands for the column, for each of `columns`, joined by `separator`.
template <typename Columns>
std::string for_each_column(const Columns& columns, std::string_view pattern, std::string_view separator) {
  std::string sql;
  for (const auto& column : columns) {
    sql += fmt::format("{}{}", sql.empty() ? "" : separator, fmt::format(fmt::runtime(pattern), column));
  }
  return sql;
}

// The columns that hold what a version says: all but its row id and record interval.
std::vector<std::string> content_columns(const Store& store, std::string_view table) {
  Statement select(store.db(), "SELECT name FROM pragma_table_info(?1) ORDER BY cid");
  select.bind(1, table);
  std::vector<std::string> columns;
  while (select.step()) {
    std::string column = select.text(0);
    if (column != "row_id" && column != "recorded_in" && column != "superseded_in") {
      columns.push_back(std::move(column));
    }
  }
  return columns;
}

// "act ustr-301" or "measure us-301-cn-ev": what the versions of `table` are versions of.
std::string owner(const VersionedTable& table, const std::string& id) {
  return fmt::format("{} {}", table.key[0] == "act_id" ? "act" : "measure", id);
}

[[noreturn]] void refuse(ChangesetId target, const std::string& why, ChangesetId first) {
  throw Error(ExitCode::data_error, fmt::format("cannot undo changeset {}: {}", target, why),
              fmt::format("undo changeset {} first", first));
}

// The current rows that carry what `target` recorded in `table`: each row itself while it is
// current, else the copy that the undo of the changeset that superseded it restored, and so on.
// Fails when a changeset that superseded one of them still stands: it depends on `target`.
std::vector<std::int64_t> rows_to_supersede(const Store& store, const VersionedTable& table, ChangesetId target) {
  Statement recorded(store.db(), fmt::format("SELECT row_id, superseded_in, {} FROM {} WHERE recorded_in = ?1 AND "
                                             "(superseded_in IS NULL OR superseded_in <> ?1) ORDER BY row_id",
                                             table.key[0], table.name));
  Statement copies(store.db(),
                   fmt::format("SELECT c.row_id, c.superseded_in FROM {0} c JOIN {0} o ON {1} WHERE o.row_id = ?1 "
                               "AND c.recorded_in = ?2 ORDER BY c.row_id",
                               table.name,
                               for_each_column(content_columns(store, table.name), "c.{0} IS o.{0}", " AND ")));
  std::set<std::int64_t> claimed; // copies already matched to a row, when rows are alike
  std::vector<std::int64_t> current;
  recorded.bind(1, target);
  while (recorded.step()) {
    std::int64_t row_id = recorded.integer(0);
    std::optional<ChangesetId> superseded_in = recorded.optional_integer(1);
    while (superseded_in) {
      const auto undo = undone_by(store, *superseded_in);
      bool found = false;
      if (undo) {
        copies.reset();
        copies.bind(1, row_id).bind(2, *undo);
        while (!found && copies.step()) {
          found = claimed.insert(copies.integer(0)).second;
        }
      }
      if (!found) {
        refuse(target, fmt::format("changeset {} has since changed {}", *superseded_in, owner(table, recorded.text(2))),
               *superseded_in);
      }
      row_id = copies.integer(0);
      superseded_in = copies.optional_integer(1);
    }
    current.push_back(row_id);
  }
  return current;
}

// Records again, as `undo`, copies of the versions `target` superseded in `table`.
std::int64_t restore_rows(Store& store, const VersionedTable& table, ChangesetId target, ChangesetId undo) {
  const std::string columns = for_each_column(content_columns(store, table.name), "{0}", ", ");
  Statement insert(store.db(), fmt::format("INSERT INTO {0} ({1}, recorded_in) SELECT {1}, ?2 FROM {0} "
                                           "WHERE superseded_in = ?1 AND recorded_in <> ?1 ORDER BY row_id",
                                           table.name, columns));
  insert.bind(1, target).bind(2, undo).run();
  return store.db().changes();
}

// An identity that versions refer to (an act, a measure) and the table of its own versions.
struct Identity {
  std::string_view noun;
  std::string_view versions;
  std::string_view id_column;
};
constexpr Identity k_act{"act", "act_versions", "act_id"};
constexpr Identity k_measure{"measure", "measure_versions", "measure_id"};

// Fails when, after the undo, a current version of `table` names in `column` an act or
// measure that has no current version left.
void check_reference(const Store& store, const VersionedTable& table, std::string_view column, const Identity& identity,
                     ChangesetId target, ChangesetId undo) {
  Statement dangling(store.db(), fmt::format("SELECT r.recorded_in, r.{1} FROM {0} r WHERE r.superseded_in IS NULL "
                                             "AND r.{1} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {2} v WHERE "
                                             "v.{3} = r.{1} AND v.superseded_in IS NULL) "
                                             "ORDER BY r.recorded_in, r.row_id LIMIT 1",
                                             table.name, column, identity.versions, identity.id_column));
  if (!dangling.step()) {
    return;
  }
  const ChangesetId citing = dangling.integer(0);
  const std::string id = dangling.text(1);
  const bool act = identity.noun == k_act.noun;
  if (citing != undo) {
    refuse(target,
           fmt::format("changeset {} {} {}, which changeset {} created", citing,
                       act ? "cites act" : "recorded lines of measure", id, target),
           citing);
  }
  Statement removed(store.db(), fmt::format("SELECT max(superseded_in) FROM {} WHERE {} = ?1", identity.versions,
                                            identity.id_column));
  removed.bind(1, id).step();
  const ChangesetId remover = removed.integer(0);
  refuse(target,
         fmt::format("it would restore versions that {} {}, which changeset {} has since removed",
                     act ? "cite act" : "are lines of measure", id, remover),
         remover);
}

// Fails when a version restored in `table` overlaps another current version of its thing.
void check_overlaps(const Store& store, const VersionedTable& table, ChangesetId target, ChangesetId undo) {
  std::string overlap = for_each_column(table.key, "o.{0} IS r.{0}", " AND ");
  if (table.valid_time) {
    overlap += " AND (r.valid_to IS NULL OR o.valid_from < r.valid_to) AND (o.valid_to IS NULL OR r.valid_from < "
               "o.valid_to)";
  }
  Statement overlapping(store.db(),
                        fmt::format("SELECT o.recorded_in, r.{1} FROM {0} r JOIN {0} o ON o.superseded_in IS NULL AND "
                                    "o.row_id <> r.row_id AND {2} WHERE r.recorded_in = ?1 AND r.superseded_in IS NULL "
                                    "ORDER BY o.recorded_in, o.row_id LIMIT 1",
                                    table.name, table.key[0], overlap));
  overlapping.bind(1, undo);
  if (overlapping.step()) {
    const ChangesetId later = overlapping.integer(0);
    refuse(target,
           fmt::format("changeset {} has since recorded a version of {} that the restored versions would overlap",
                       later, owner(table, overlapping.text(1))),
           later);
  }
}

} // namespace

std::vector<ChangesetSummary> changeset_log(const Store& store, std::optional<std::int64_t> limit) {
  const auto inserted = versions_per_changeset(store, "recorded_in");
  const auto superseded = versions_per_changeset(store, "superseded_in");
  Statement select(store.db(), fmt::format("SELECT {}, (SELECT min(u.id) FROM changesets u WHERE u.undoes = c.id) "
                                           "FROM changesets c ORDER BY c.id DESC LIMIT ?1",
                                           k_changeset_columns));
  select.bind(1, limit.value_or(-1));
  std::vector<ChangesetSummary> log;
  while (select.step()) {
    ChangesetSummary summary{read_changeset(select), select.optional_integer(6)};
    const auto count = [&](const std::map<ChangesetId, std::int64_t>& counts) {
      const auto found = counts.find(summary.changeset.id);
      return found == counts.end() ? 0 : found->second;
    };
    summary.inserted = count(inserted);
    summary.superseded = count(superseded);
    log.push_back(std::move(summary));
  }
  return log;
}

std::optional<Changeset> find_changeset(const Store& store, ChangesetId id) {
  Statement select(store.db(), fmt::format("SELECT {} FROM changesets c WHERE c.id = ?1", k_changeset_columns));
  select.bind(1, id);
  return select.step() ? std::optional(read_changeset(select)) : std::nullopt;
}

ChangesetId newest_changeset(const Store& store) {
  Statement select(store.db(), "SELECT coalesce(max(id), 0) FROM changesets");
  select.step();
  return select.integer(0);
}

std::optional<ChangesetId> latest_changeset_not_undone(const Store& store) {
  Statement select(
      store.db(),
      "SELECT max(c.id) FROM changesets c WHERE NOT EXISTS (SELECT 1 FROM changesets u WHERE u.undoes = c.id)");
  select.step();
  return select.optional_integer(0);
}

UndoResult undo_changeset(Store& store, ChangesetId target, Changeset changeset) {
  const auto undone = find_changeset(store, target);
  if (!undone) {
    throw Error(ExitCode::data_error, fmt::format("no changeset {}", target), "'tradewatch log' lists the changesets");
  }
  if (const auto undo = undone_by(store, target)) {
    const auto redo = undone_by(store, *undo);
    throw Error(ExitCode::data_error, fmt::format("changeset {} was already undone by changeset {}", target, *undo),
                redo ? fmt::format("changeset {0} redid it; 'tradewatch undo {0}' reverses it again", *redo)
                     : fmt::format("'tradewatch undo {}' redoes it", *undo));
  }
  std::vector<std::vector<std::int64_t>> current;
  for (const auto& table : versioned_tables()) {
    current.push_back(rows_to_supersede(store, table, target));
  }

  changeset.undoes = target;
  UndoResult result{*undone, store.record_changeset(changeset)};
  for (std::size_t i = 0; i < versioned_tables().size(); ++i) {
    const VersionedTable& table = versioned_tables()[i];
    supersede_rows(store, table.name, current[i], result.changeset);
    result.superseded += static_cast<std::int64_t>(current[i].size());
    result.restored += restore_rows(store, table, target, result.changeset);
  }

  for (const auto& table : versioned_tables()) {
    for (const auto column : table.act_columns) {
      check_reference(store, table, column, k_act, target, result.changeset);
    }
    if (table.lines_of_measure) {
      check_reference(store, table, table.key[0], k_measure, target, result.changeset);
    }
  }
  for (const auto& table : versioned_tables()) {
    check_overlaps(store, table, target, result.changeset);
  }
  return result;
}

} // namespace tw::store
