#include "io/import.hpp"

#include "io/position_log.hpp"
#include "io/reconcile.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace tw::io {

namespace {

using store::Statement;

constexpr std::size_t k_progress_every = 10'000;

// The page cache of the store and of the staging tables while importing, in KiB (negative, as
// PRAGMA cache_size takes it); SQLite's sorter sorts in runs of that size. Small runs sort in
// the CPU's caches: with 2 MiB and the helper threads below, a million new lines went in
// faster than with 12 MiB (5.1 s against 5.7 s, and 17 MiB peak against 58); 100k listings
// and 125k changed lines were no slower.
constexpr int k_import_cache_kib = -2048;

// Helper threads for SQLite's sorter, which builds the indexes and orders the staged rows: the
// two tariff-line indexes of a million lines took 2.3 s with two, 3.6 s with none.
constexpr int k_sort_threads = 2;

// The index of tariff lines by line and validity (schema/0005_tariff_line_index.sql).
constexpr const char* k_line_index = "tariff_lines_by_line";

// The measure's own fields that an import compares, by native column name.
constexpr std::array<const char*, 5> k_measure_fields{"imposer", "authority", "title", "announced", "exclusive"};

// The staging tables: rows as read, then what reconciling them decided. Temporary tables
// live in the connection's temporary database (on disk), so memory stays flat; created in
// the import's transaction, they vanish with its rollback. Positions are kept as line and
// column numbers for errors found after reading.
constexpr const char* k_create_staging = R"(
CREATE TEMP TABLE import_acts (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, imposer TEXT NOT NULL, title TEXT NOT NULL, citation TEXT,
  document_number TEXT, url TEXT, announced TEXT, published TEXT, added TEXT, removed TEXT,
  file INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL);
CREATE TEMP TABLE import_measures (
  seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, key TEXT NOT NULL, imposer TEXT NOT NULL, authority TEXT NOT NULL,
  title TEXT, announced TEXT, note TEXT, exclusive_groups TEXT,
  file INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL, UNIQUE (kind, key));
CREATE TEMP TABLE import_tariff_rows (
  seq INTEGER PRIMARY KEY, measure_id TEXT NOT NULL, origin TEXT NOT NULL, hs TEXT NOT NULL, company TEXT NOT NULL,
  rate TEXT NOT NULL, ad_valorem_milli INTEGER, heading TEXT, act_id TEXT, end_act_id TEXT, note TEXT,
  valid_from TEXT NOT NULL, valid_to TEXT, file INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,
  act_line INTEGER, act_col INTEGER, end_act_line INTEGER, end_act_col INTEGER, from_line INTEGER, from_col INTEGER);
CREATE TEMP TABLE import_listing_rows (
  seq INTEGER PRIMARY KEY, identity TEXT NOT NULL, measure_id TEXT, list_name TEXT NOT NULL, name TEXT NOT NULL,
  aliases TEXT NOT NULL, entity_type TEXT NOT NULL, country TEXT, addresses TEXT NOT NULL, license_requirement TEXT,
  license_policy TEXT, source_key TEXT, act_id TEXT, end_act_id TEXT, note TEXT, valid_from TEXT NOT NULL,
  valid_to TEXT, file INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL, act_line INTEGER,
  act_col INTEGER, end_act_line INTEGER, end_act_col INTEGER, from_line INTEGER, from_col INTEGER);
CREATE INDEX temp.import_listing_rows_by_identity ON import_listing_rows (identity, valid_from, seq);
CREATE INDEX temp.import_listing_rows_by_id ON import_listing_rows (measure_id);

CREATE TEMP TABLE import_act_changes (seq INTEGER PRIMARY KEY, is_new INTEGER NOT NULL);
CREATE TEMP TABLE import_measure_changes (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, is_new INTEGER NOT NULL, act_id TEXT, note TEXT);
CREATE TEMP TABLE import_listing_ids (id TEXT PRIMARY KEY); -- the store ids of the staged listings
CREATE TEMP TABLE import_superseded (kind TEXT NOT NULL, row_id INTEGER NOT NULL);
CREATE TEMP TABLE import_new_tariff_lines (
  seq INTEGER PRIMARY KEY, measure_id TEXT, origin TEXT, hs TEXT, company TEXT, rate TEXT, ad_valorem_milli INTEGER,
  heading TEXT, act_id TEXT, end_act_id TEXT, note TEXT, valid_from TEXT, valid_to TEXT);
CREATE TEMP TABLE import_chained (row_id INTEGER PRIMARY KEY, valid_to TEXT NOT NULL);
CREATE TEMP TABLE import_new_listings (
  seq INTEGER PRIMARY KEY, measure_id TEXT, list_name TEXT, name TEXT, aliases TEXT, entity_type TEXT, country TEXT,
  addresses TEXT, license_requirement TEXT, license_policy TEXT, source_key TEXT, act_id TEXT, end_act_id TEXT,
  note TEXT, valid_from TEXT, valid_to TEXT);
)";

constexpr const char* k_drop_staging = R"(
DROP TABLE temp.import_acts; DROP TABLE temp.import_measures; DROP TABLE temp.import_tariff_rows;
DROP TABLE temp.import_listing_rows; DROP TABLE temp.import_act_changes; DROP TABLE temp.import_measure_changes;
DROP TABLE temp.import_listing_ids; DROP TABLE temp.import_superseded; DROP TABLE temp.import_new_tariff_lines;
DROP TABLE temp.import_new_listings; DROP TABLE temp.import_chained;
)";

// A staged tariff row as read_tariff_line reads it, then its file and positions.
constexpr const char* k_staged_tariff_columns =
    "seq, measure_id, origin, hs, company, rate, heading, act_id, end_act_id, note, valid_from, valid_to, 0, NULL, "
    "file, line, col, from_line, from_col";
constexpr int k_tariff_source = 14;
// A staged listing row as read_listing reads it, then its identity, file and positions.
constexpr const char* k_staged_listing_columns =
    "seq, measure_id, list_name, name, aliases, entity_type, country, addresses, license_requirement, "
    "license_policy, source_key, act_id, end_act_id, note, valid_from, valid_to, 0, NULL, identity, "
    "file, line, col, from_line, from_col";
constexpr int k_listing_identity = 18;
constexpr int k_listing_source = 19;

std::optional<std::string> date_text(const std::optional<Date>& date) {
  return date ? std::optional(date->to_string()) : std::nullopt;
}

std::optional<std::string> counts_text(const EntityCounts& counts) {
  return counts.empty() ? std::nullopt : std::optional(format_entity_counts(counts));
}

std::optional<std::string> groups_text(const std::vector<ExclusiveGroup>& groups) {
  return groups.empty() ? std::nullopt : std::optional(format_exclusive_groups(groups));
}

std::string json_texts(const std::vector<std::string>& values) { return nlohmann::json(values).dump(); }

std::string describe(const TariffLine& line) {
  return fmt::format("measure {}, line {} {}{}", line.measure_id, line.key.origin.code(),
                     line.key.hs.format(line.key.origin), line.key.company.empty() ? "" : " " + line.key.company);
}

// How a listing reads in a message, by what identifies it.
std::string describe(std::string_view identity, const Listing& listing) {
  switch (identity.front()) {
  case 'i':
    return fmt::format("listing {}", identity.substr(2));
  case 'k':
    return fmt::format("listing with source key {}", identity.substr(2));
  default:
    return fmt::format("listing \"{}\" on the {}", listing.name, listing.list);
  }
}

void count(ImportCount& count, Outcome outcome, const std::set<std::string>& fields) {
  switch (outcome) {
  case Outcome::unchanged:
    ++count.unchanged;
    break;
  case Outcome::added:
    ++count.added;
    break;
  case Outcome::modified:
    ++count.modified;
    for (const auto& field : fields) {
      ++count.fields[field];
    }
    break;
  case Outcome::deleted:
    ++count.deleted;
    break;
  }
}

// Shows "read 120000 rows" and the like on the terminal, every so many rows.
class Progress {
public:
  explicit Progress(std::ostream* out) : m_out(out) {}
  void tick(std::string_view what, std::size_t done) {
    if (m_out != nullptr && done % k_progress_every == 0) {
      *m_out << fmt::format("\rtradewatch: {} {}", what, done) << std::flush;
      m_shown = true;
    }
  }
  void end() {
    if (m_shown) {
      *m_out << '\n' << std::flush;
      m_shown = false;
    }
  }

private:
  std::ostream* m_out;
  bool m_shown = false;
};

} // namespace

struct Importer::Impl {
  // The statements that stage rows, prepared once.
  struct Staging {
    Statement insert_act;
    Statement find_act;
    Statement insert_measure;
    Statement find_measure;
    Statement insert_tariff;
    Statement insert_listing;

    explicit Staging(const store::Database& db)
        : insert_act(db, "INSERT INTO import_acts (id, imposer, title, citation, document_number, url, announced, "
                         "published, added, removed, file, line, col) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                         "?11, ?12, ?13)"),
          find_act(db, "SELECT file, line, col FROM import_acts WHERE id = ?1"),
          insert_measure(db,
                         "INSERT INTO import_measures (kind, key, imposer, authority, title, announced, note, "
                         "exclusive_groups, file, line, col) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
          find_measure(db, "SELECT imposer, authority, title, announced, exclusive_groups, file, line, col "
                           "FROM import_measures WHERE kind = ?1 AND key = ?2"),
          insert_tariff(db, "INSERT INTO import_tariff_rows (measure_id, origin, hs, company, rate, ad_valorem_milli, "
                            "heading, act_id, end_act_id, note, valid_from, valid_to, file, line, col, act_line, "
                            "act_col, end_act_line, end_act_col, from_line, from_col) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                            "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"),
          insert_listing(db,
                         "INSERT INTO import_listing_rows (identity, measure_id, list_name, name, aliases, "
                         "entity_type, country, addresses, license_requirement, license_policy, source_key, act_id, "
                         "end_act_id, note, valid_from, valid_to, file, line, col, act_line, act_col, end_act_line, "
                         "end_act_col, from_line, from_col) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                         "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)") {}
  };

  store::Store& store;
  ImportOptions options;
  std::optional<store::RollbackJournal> rollback_journal;           // see begin()
  std::optional<store::ForeignKeyChecksOff> foreign_keys_unchecked; // see begin()
  std::optional<store::Transaction> transaction;
  std::optional<Staging> staging;
  std::vector<std::string> files; // by their number in the staging tables
  std::size_t rows_read = 0;
  Progress progress;
  std::map<std::string, std::int64_t> next_id_number; // for new listings' ids, by id stem
  // The measure's own fields as its first row gave them, by key, so that the next rows are
  // checked without a query; for the first k_measures_remembered measures only, so that
  // memory stays flat when every row is a measure of its own (as listings are).
  static constexpr std::size_t k_measures_remembered = 10'000;
  struct StagedMeasure {
    MeasureKind kind;
    Jurisdiction imposer;
    std::string authority;
    std::optional<std::string> title;
    std::optional<Date> announced;
    std::vector<ExclusiveGroup> groups;
    bool same_as(MeasureKind other_kind, const Measure& measure) const {
      return kind == other_kind && imposer == measure.imposer && authority == measure.authority &&
             title == measure.title && announced == measure.announced && groups == measure.exclusive_groups;
    }
  };
  std::unordered_map<std::string, StagedMeasure> staged_measures;
  // The earliest version of each staged tariff measure (its `from`, then its act): a new
  // measure takes that act.
  std::map<std::string, std::pair<Date, std::optional<std::string>>, std::less<>> first_versions;
  // Set when no staged tariff line has a version in the store: the staged rows are then
  // written straight into tariff_lines, in one statement, instead of planned line by line.
  bool tariff_lines_all_new = false;

  // Tariff lines written into tariff_lines as they are read, not staged: the import's first
  // tariff row found that table empty, so every line is new and there is nothing to reconcile.
  // Its indexes are dropped until the end. What a row refers to is written before it (the
  // changeset, reserved; the identities of its measure and acts): every foreign key holds,
  // though SQLite does not check them here (begin()).
  struct DirectLines {
    DirectLines(const store::Database& db, ChangesetId changeset_,
                std::vector<std::pair<std::string, std::string>> indexes_)
        : insert(db, "INSERT INTO main.tariff_lines (measure_id, origin, hs, company, rate, ad_valorem_milli, heading, "
                     "act_id, end_act_id, note, valid_from, valid_to, recorded_in) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                     "?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
          // Only identities: reconciling still decides what the measure and acts are, and fails
          // on an act that is not recorded or imported, or a measure of another kind.
          insert_measure(db, "INSERT OR IGNORE INTO main.measures (id, kind) VALUES (?1, 'tariff')"),
          insert_act(db, "INSERT OR IGNORE INTO main.acts (id) VALUES (?1)"), changeset(changeset_),
          indexes(std::move(indexes_)) {}

    Statement insert;
    Statement insert_measure;
    Statement insert_act;
    ChangesetId changeset;                                    // reserved at the first row, filled in at the end
    std::vector<std::pair<std::string, std::string>> indexes; // name and SQL of each dropped index
    PositionLog positions;
    std::int64_t first_row_id = 0;
    std::int64_t rows = 0;
    // The first row to cite each act, by its number among the rows and the act field's place.
    std::map<std::string, std::pair<std::int64_t, SourcePosition>, std::less<>> acts;
    std::map<std::string, std::pair<std::int64_t, SourcePosition>, std::less<>> end_acts;
    std::set<std::string, std::less<>> measures;
    std::string last_measure;
  };
  std::optional<DirectLines> direct;
  bool direct_decided = false;

  Impl(store::Store& store_, ImportOptions options_) : store(store_), options(options_), progress(options_.progress) {
    begin();
    store.db().execute(k_create_staging);
    store.db().execute(fmt::format("PRAGMA main.cache_size = {0}; PRAGMA temp.cache_size = {0}; PRAGMA threads = {1}",
                                   k_import_cache_kib, k_sort_threads));
    staging.emplace(store.db());
  }

  store::Database& db() { return store.db(); }

  // Begins the import's transaction. Into a store without tariff lines they will go straight
  // in (DirectLines), into new pages, each written after what it refers to. So SQLite's
  // foreign key lookups are turned off for the import (1.1 s of the 2.6 s a million inserts
  // take with them), and the store keeps a rollback journal if no one else has it open, which
  // writes each new page once. Both settings must be made before the transaction begins, and
  // hold only if no line was written in between.
  void begin() {
    if (tariff_lines_empty()) {
      rollback_journal.emplace(db());
      foreign_keys_unchecked.emplace(db());
    }
    transaction.emplace(db(), store::Transaction::Kind::immediate);
    if (foreign_keys_unchecked && !tariff_lines_empty()) {
      transaction.reset();
      foreign_keys_unchecked.reset();
      rollback_journal.reset();
      transaction.emplace(db(), store::Transaction::Kind::immediate);
    }
  }

  std::int64_t file_number(const std::string& name) {
    if (files.empty() || files.back() != name) {
      const auto found = std::ranges::find(files, name);
      if (found != files.end()) {
        return found - files.begin();
      }
      files.push_back(name);
    }
    return static_cast<std::int64_t>(files.size()) - 1;
  }

  SourcePosition position(const Statement& row, int file_column, int line_column) const {
    return SourcePosition{files.at(static_cast<std::size_t>(row.integer(file_column))),
                          static_cast<std::size_t>(row.integer(line_column)),
                          static_cast<std::size_t>(row.integer(line_column + 1))};
  }

  // Binds the file, the row's position and those of its act, end act and from at `first`.
  void bind_positions(Statement& insert, int first, const RowSource& source) {
    insert.bind(first, file_number(source.row.file));
    int index = first + 1;
    for (const SourcePosition& at : {source.row, source.at("act"), source.at("end_act"), source.at("from")}) {
      insert.bind(index, static_cast<std::int64_t>(at.line)).bind(index + 1, static_cast<std::int64_t>(at.column));
      index += 2;
    }
  }

  void counted_row() { progress.tick("read rows:", ++rows_read); }

  void check_validity(const Validity& valid, const RowSource& source) {
    if (valid.to && *valid.to <= valid.from) {
      throw data_error(source.at("to"),
                       fmt::format("to {} is not after from {}", valid.to->to_string(), valid.from.to_string()),
                       "validity is [from, to): the version stops applying on the `to` date");
    }
  }

  // Stages the measure's own fields once, and checks that every later row gives them alike;
  // `name()` names the measure in a message.
  template <typename Name>
  void stage_measure(MeasureKind kind, const std::string& key, const Name& name, const Measure& measure,
                     const RowSource& source) {
    if (const auto known = staged_measures.find(key);
        known != staged_measures.end() && known->second.same_as(kind, measure)) {
      return;
    }
    const std::string imposer(measure.imposer.code());
    const auto announced = date_text(measure.announced);
    const auto groups = groups_text(measure.exclusive_groups);
    const auto remember = [&] {
      if (staged_measures.size() < k_measures_remembered) {
        staged_measures.insert_or_assign(key, StagedMeasure{kind, measure.imposer, measure.authority, measure.title,
                                                            measure.announced, measure.exclusive_groups});
      }
    };
    Statement& find = staging->find_measure;
    find.reset();
    find.bind(1, to_string(kind)).bind(2, key);
    if (find.step()) {
      const std::array<std::tuple<const char*, std::optional<std::string>, std::optional<std::string>>, 5> fields{{
          {"imposer", imposer, find.optional_text(0)},
          {"authority", measure.authority, find.optional_text(1)},
          {"title", measure.title, find.optional_text(2)},
          {"announced", announced, find.optional_text(3)},
          {"exclusive", groups, find.optional_text(4)},
      }};
      for (const auto& [field, given, first] : fields) {
        if (given != first) {
          const SourcePosition first_row = position(find, 5, 6);
          throw data_error(source.at(field),
                           fmt::format("{}: {} \"{}\" differs from \"{}\" given at {}", name(), field,
                                       given.value_or(""), first.value_or(""), first_row.to_string()),
                           "every row of a measure gives its imposer, authority, title, announced date and exclusive "
                           "groups alike");
        }
      }
      find.reset();
      remember();
      return;
    }
    find.reset();
    Statement& insert = staging->insert_measure;
    insert.reset();
    insert.bind(1, to_string(kind))
        .bind(2, key)
        .bind(3, imposer)
        .bind(4, measure.authority)
        .bind(5, measure.title)
        .bind(6, announced)
        .bind(7, measure.note)
        .bind(8, groups)
        .bind(9, file_number(source.row.file))
        .bind(10, static_cast<std::int64_t>(source.row.line))
        .bind(11, static_cast<std::int64_t>(source.row.column));
    insert.run();
    remember();
  }

  ImportResult finish(const Changeset& changeset);

  bool tariff_lines_empty();
  // Decides, at the first tariff row, whether tariff lines go straight into the store.
  bool writes_lines_directly();
  void write_line_directly(const std::string& measure_id, const TariffLine& line, const RowSource& source);
  void check_acts_known();
  void check_direct_acts_known();
  void reconcile_acts(ImportCount& count);
  void reconcile_tariff_measures(ImportCount& count);
  void reconcile_tariff_lines(ImportCount& count);
  // A new line's version with where its row and its `from` are, by its id in `sorted`.
  using PlacedVersion = std::function<std::tuple<TariffLine, SourcePosition, SourcePosition>(std::int64_t id)>;
  // Ends a version without `to` where the next version of its line starts.
  using Chain = std::function<void(std::int64_t id, std::string_view to)>;
  void check_new_tariff_lines(ImportCount& count, Statement& sorted, const PlacedVersion& version, const Chain& chain);
  void check_staged_new_tariff_lines(ImportCount& count);
  void check_direct_tariff_lines(ImportCount& count);
  void insert_new_tariff_lines(ChangesetId changeset);
  // Drops the indexes of tariff_lines so that a bulk insert into the empty table builds each
  // once, after the rows, rather than row by row; returns their names and SQL.
  void build_dropped_indexes(const std::vector<std::pair<std::string, std::string>>& indexes);
  void reconcile_listings(ImportCount& count);
  void end_vanished_listings(ImportCount& count);
  // An id for a new listing, as `add listing` makes them; `taken` says whether an id is in use.
  std::string new_listing_id(const Measure& measure, Statement& taken);
  void apply(ChangesetId changeset);
};

namespace {

// Binds the line's columns, as the line tables order them, from parameter `first` on.
void bind_line(Statement& insert, const TariffLine& line, int first = 1) {
  insert.bind(first, line.measure_id)
      .bind(first + 1, line.key.origin.code())
      .bind(first + 2, line.key.hs.key())
      .bind(first + 3, line.key.company)
      .bind(first + 4, line.rate.to_string())
      .bind(first + 5, line.rate.ad_valorem_milli())
      .bind(first + 6, line.heading)
      .bind(first + 7, line.act_id)
      .bind(first + 8, line.end_act_id)
      .bind(first + 9, line.note)
      .bind(first + 10, line.valid.from.to_string())
      .bind(first + 11, date_text(line.valid.to));
}

void bind_line(Statement& insert, const Listing& listing, int first = 1) {
  insert.bind(first, listing.measure_id)
      .bind(first + 1, listing.list)
      .bind(first + 2, listing.name)
      .bind(first + 3, json_texts(listing.aliases))
      .bind(first + 4, to_string(listing.type))
      .bind(first + 5, listing.country ? std::optional(std::string(listing.country->code())) : std::nullopt)
      .bind(first + 6, json_texts(listing.addresses))
      .bind(first + 7, listing.license_requirement)
      .bind(first + 8, listing.license_policy)
      .bind(first + 9, listing.source_key)
      .bind(first + 10, listing.act_id)
      .bind(first + 11, listing.end_act_id)
      .bind(first + 12, listing.note)
      .bind(first + 13, listing.valid.from.to_string())
      .bind(first + 14, date_text(listing.valid.to));
}

template <typename Line> constexpr const char* k_kind_name = std::is_same_v<Line, TariffLine> ? "tariff" : "listing";

template <typename Line>
constexpr const char* k_insert_new =
    std::is_same_v<Line, TariffLine>
        ? "INSERT INTO import_new_tariff_lines (measure_id, origin, hs, company, rate, ad_valorem_milli, heading, "
          "act_id, end_act_id, note, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
        : "INSERT INTO import_new_listings (measure_id, list_name, name, aliases, entity_type, country, addresses, "
          "license_requirement, license_policy, source_key, act_id, end_act_id, note, valid_from, valid_to) VALUES "
          "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

// Writes plans into the pending tables, with statements prepared once per reconcile pass.
template <typename Line> class PlanWriter {
public:
  explicit PlanWriter(const store::Database& db)
      : m_supersede(db, "INSERT INTO import_superseded (kind, row_id) VALUES (?1, ?2)"),
        m_insert(db, k_insert_new<Line>) {}

  void write(const VersionPlan<Line>& plan) {
    for (const std::int64_t row_id : plan.superseded) {
      m_supersede.reset();
      m_supersede.bind(1, k_kind_name<Line>).bind(2, row_id).run();
    }
    for (const Line& line : plan.inserted) {
      m_insert.reset();
      bind_line(m_insert, line);
      m_insert.run();
    }
  }

private:
  Statement m_supersede;
  Statement m_insert;
};

// The versions of one line in a history file, sorted by `from`: a version without `to` ends
// where the next starts; versions that overlap are an error at the later one.
template <typename Line>
void chain_versions(std::vector<Line>& versions, const std::vector<SourcePosition>& from_positions,
                    const std::string& what) {
  const char* hint = "the versions of a line follow one another: each `to` is at or before the next `from`; leave "
                     "`to` empty to end a version where the next one starts";
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    Line& version = versions[i];
    const Line& next = versions[i + 1];
    if (next.valid.from == version.valid.from) {
      throw data_error(from_positions[i + 1],
                       fmt::format("{}: a second version from {} (the first is at {})", what,
                                   next.valid.from.to_string(), from_positions[i].to_string()),
                       hint);
    }
    if (!version.valid.to) {
      version.valid.to = next.valid.from;
    } else if (next.valid.from < *version.valid.to) {
      throw data_error(from_positions[i + 1],
                       fmt::format("{}: the version from {} overlaps the version from {} to {} (at {})", what,
                                   next.valid.from.to_string(), version.valid.from.to_string(),
                                   version.valid.to->to_string(), from_positions[i].to_string()),
                       hint);
    }
  }
}

Error given_twice(const TariffLine& line, const SourcePosition& first, const SourcePosition& second) {
  return data_error(second, fmt::format("{}: given twice (first at {})", describe(line), first.to_string()),
                    "a list of the state on a date gives each line once");
}

std::tuple<std::string, std::string, std::string, std::string> tariff_line_id(const Statement& row) {
  return {row.text(1), row.text(2), row.text(3), row.text(4)};
}

} // namespace

void Importer::Impl::check_acts_known() {
  check_direct_acts_known();
  for (const char* table : {"import_tariff_rows", "import_listing_rows"}) {
    for (const char* column : {"act", "end_act"}) {
      Statement unknown(db(), fmt::format(R"(
        SELECT r.{1}_id, r.file, r.{1}_line, r.{1}_col FROM {0} r
        WHERE r.{1}_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM main.act_versions a WHERE a.act_id = r.{1}_id AND a.superseded_in IS NULL)
          AND NOT EXISTS (SELECT 1 FROM import_acts i WHERE i.id = r.{1}_id)
        ORDER BY r.seq LIMIT 1)",
                                          table, column));
      if (unknown.step()) {
        throw data_error(position(unknown, 1, 2), fmt::format("{} {}: no such act", column, unknown.text(0)),
                         "record it first with 'tradewatch add act', or import a file of acts in the same run",
                         unknown.text(0));
      }
    }
  }
}

// As check_acts_known does for staged rows: the first row to cite an unknown act, by column.
void Importer::Impl::check_direct_acts_known() {
  if (!direct) {
    return;
  }
  Statement known(db(), "SELECT EXISTS (SELECT 1 FROM main.act_versions WHERE act_id = ?1 AND superseded_in IS NULL) "
                        "OR EXISTS (SELECT 1 FROM import_acts WHERE id = ?1)");
  for (const auto& [column, first_uses] : {std::pair{"act", &direct->acts}, std::pair{"end_act", &direct->end_acts}}) {
    const std::pair<const std::string, std::pair<std::int64_t, SourcePosition>>* earliest = nullptr;
    for (const auto& use : *first_uses) {
      known.reset();
      known.bind(1, use.first).step();
      if (known.integer(0) == 0 && (earliest == nullptr || use.second.first < earliest->second.first)) {
        earliest = &use;
      }
    }
    if (earliest != nullptr) {
      throw data_error(earliest->second.second, fmt::format("{} {}: no such act", column, earliest->first),
                       "record it first with 'tradewatch add act', or import a file of acts in the same run",
                       earliest->first);
    }
  }
}

void Importer::Impl::reconcile_acts(ImportCount& count) {
  Statement staged(db(), "SELECT seq, imposer, title, citation, document_number, url, announced, published, added, "
                         "removed, id FROM import_acts ORDER BY seq");
  Statement current(db(), "SELECT imposer, title, citation, document_number, url, announced, published, added, removed "
                          "FROM act_versions WHERE act_id = ?1 AND superseded_in IS NULL");
  Statement record(db(), "INSERT INTO import_act_changes (seq, is_new) VALUES (?1, ?2)");
  constexpr std::array<const char*, 9> k_fields{"imposer",   "title",     "citation", "document_number", "url",
                                                "announced", "published", "added",    "removed"};
  while (staged.step()) {
    current.reset();
    current.bind(1, staged.text(10));
    const bool exists = current.step();
    std::set<std::string> fields;
    for (std::size_t i = 0; exists && i < k_fields.size(); ++i) {
      if (staged.optional_text(static_cast<int>(i) + 1) != current.optional_text(static_cast<int>(i))) {
        fields.insert(k_fields[i]);
      }
    }
    const Outcome outcome = !exists ? Outcome::added : fields.empty() ? Outcome::unchanged : Outcome::modified;
    tw::io::count(count, outcome, fields);
    if (outcome != Outcome::unchanged) {
      record.reset();
      record.bind(1, staged.integer(0)).bind(2, static_cast<std::int64_t>(!exists)).run();
    }
  }
}

void Importer::Impl::reconcile_tariff_measures(ImportCount& count) {
  Statement staged(db(),
                   "SELECT seq, key, imposer, authority, title, announced, exclusive_groups, note, file, line, col "
                   "FROM import_measures WHERE kind = 'tariff' ORDER BY seq");
  Statement current(db(), "SELECT m.kind, v.imposer, v.authority, v.title, v.announced, v.exclusive_groups, v.act_id, "
                          "v.note, v.row_id IS NOT NULL FROM measures m LEFT JOIN measure_versions v "
                          "ON v.measure_id = m.id AND v.superseded_in IS NULL WHERE m.id = ?1");
  Statement record(db(), "INSERT INTO import_measure_changes (seq, id, kind, is_new, act_id, note) "
                         "VALUES (?1, ?2, 'tariff', ?3, ?4, ?5)");
  while (staged.step()) {
    const std::string id = staged.text(1);
    current.reset();
    current.bind(1, id);
    const bool known = current.step();
    if (known && current.text(0) != "tariff") {
      throw data_error(position(staged, 8, 9),
                       fmt::format("measure {} is a {} measure in the store, not a tariff", id, current.text(0)),
                       "a measure keeps its kind; give the tariff lines another measure id");
    }
    const bool exists = known && current.integer(8) != 0;
    std::set<std::string> fields;
    for (std::size_t i = 0; exists && i < k_measure_fields.size(); ++i) {
      if (staged.optional_text(static_cast<int>(i) + 2) != current.optional_text(static_cast<int>(i) + 1)) {
        fields.insert(k_measure_fields[i]);
      }
    }
    const Outcome outcome = !exists ? Outcome::added : fields.empty() ? Outcome::unchanged : Outcome::modified;
    tw::io::count(count, outcome, fields);
    if (outcome == Outcome::unchanged) {
      continue;
    }
    record.reset();
    record.bind(1, staged.integer(0)).bind(2, id).bind(3, static_cast<std::int64_t>(!exists));
    if (exists) {
      record.bind(4, current.optional_text(6)).bind(5, current.optional_text(7));
    } else {
      // A new measure takes the act of its earliest version.
      record.bind(4, first_versions.at(id).second).bind(5, staged.optional_text(7));
    }
    record.run();
  }
}

void Importer::Impl::reconcile_tariff_lines(ImportCount& count) {
  if (direct) {
    check_direct_tariff_lines(count);
    return;
  }
  Statement stored_any(db(), "SELECT EXISTS (SELECT 1 FROM tariff_lines l WHERE l.superseded_in IS NULL AND "
                             "l.measure_id IN (SELECT key FROM import_measures WHERE kind = 'tariff'))");
  stored_any.step();
  if (stored_any.integer(0) == 0) {
    tariff_lines_all_new = true;
    check_staged_new_tariff_lines(count);
    return;
  }
  Statement staged(db(), fmt::format("SELECT {} FROM import_tariff_rows "
                                     "ORDER BY measure_id, origin, hs, company, valid_from, seq",
                                     k_staged_tariff_columns));
  // The current versions of the lines of every measure the import holds, in the same order.
  Statement stored(db(), fmt::format("SELECT {} FROM tariff_lines l WHERE l.superseded_in IS NULL AND l.measure_id IN "
                                     "(SELECT key FROM import_measures WHERE kind = 'tariff') "
                                     "ORDER BY l.measure_id, l.origin, l.hs, l.company, l.valid_from",
                                     store::k_tariff_line_columns));
  PlanWriter<TariffLine> writer(db());
  const bool snapshot = options.mode == ReconcileMode::snapshot;
  std::size_t lines = 0;
  bool in_file = staged.step();
  bool in_store = stored.step();
  std::vector<TariffLine> versions;
  std::vector<SourcePosition> rows;
  std::vector<SourcePosition> froms;
  std::vector<TariffLine> current;
  while (in_file || in_store) {
    const auto id = !in_store  ? tariff_line_id(staged)
                    : !in_file ? tariff_line_id(stored)
                               : std::min(tariff_line_id(staged), tariff_line_id(stored));
    versions.clear();
    rows.clear();
    froms.clear();
    current.clear();
    for (; in_file && tariff_line_id(staged) == id; in_file = staged.step()) {
      versions.push_back(store::read_tariff_line(staged));
      rows.push_back(position(staged, k_tariff_source, k_tariff_source + 1));
      froms.push_back(position(staged, k_tariff_source, k_tariff_source + 3));
    }
    for (; in_store && tariff_line_id(stored) == id; in_store = stored.step()) {
      current.push_back(store::read_tariff_line(stored));
    }
    LineReconciliation<TariffLine> result;
    if (versions.empty()) {
      if (!snapshot) {
        continue; // a line the file does not hold
      }
      result = reconcile_vanished(std::span<const TariffLine>(current), options.as_of);
    } else if (snapshot) {
      if (versions.size() > 1) {
        throw given_twice(versions[0], rows[0], rows[1]);
      }
      result = reconcile_snapshot(versions[0], std::span<const TariffLine>(current), options.as_of);
    } else {
      chain_versions(versions, froms, describe(versions[0]));
      result =
          reconcile_history(std::span<const TariffLine>(versions), std::span<const TariffLine>(current), options.as_of);
    }
    tw::io::count(count, result.outcome, result.fields);
    writer.write(result.plan);
    progress.tick("compared lines:", ++lines);
  }
}

// Every new line is added as the file gives it: this only checks the versions of each line
// as the walk above would (chained without overlaps in a history, given once in a snapshot)
// and counts the lines. `sorted` gives the id, measure, origin, code, company, from and to of
// every version, in the order of the walk; `chain`, when set, ends a version without `to`
// where the next one starts.
void Importer::Impl::check_new_tariff_lines(ImportCount& count, Statement& sorted, const PlacedVersion& version,
                                            const Chain& chain) {
  const bool snapshot = options.mode == ReconcileMode::snapshot;
  // Fails as the walk above fails on two versions of one line, `earlier` and `later`.
  auto clash = [&](std::int64_t earlier, std::int64_t later) {
    std::vector<TariffLine> versions;
    std::vector<SourcePosition> rows;
    std::vector<SourcePosition> froms;
    for (const std::int64_t id : {earlier, later}) {
      auto [line, row, from] = version(id);
      versions.push_back(std::move(line));
      rows.push_back(std::move(row));
      froms.push_back(std::move(from));
    }
    if (snapshot) {
      throw given_twice(versions[0], rows[0], rows[1]);
    }
    chain_versions(versions, froms, describe(versions[0]));
  };
  // The walk reads each row's text in place and copies only what the next row compares with.
  std::array<std::string_view, 4> line;
  std::array<std::string, 4> previous_line;
  std::int64_t first_id = 0;
  std::int64_t previous_id = 0;
  std::string previous_from;
  std::optional<std::string> previous_to;
  while (sorted.step()) {
    const std::int64_t id = sorted.integer(0);
    for (std::size_t i = 0; i < line.size(); ++i) {
      line[i] = sorted.text_view(static_cast<int>(i) + 1);
    }
    const std::string_view from = sorted.text_view(5);
    if (count.added > 0 && std::ranges::equal(line, previous_line)) {
      if (snapshot) {
        clash(std::min(first_id, id), std::max(first_id, id));
      }
      if (from == previous_from) {
        clash(std::min(previous_id, id), std::max(previous_id, id)); // the earlier row first
      }
      if (previous_to && from < *previous_to) {
        clash(previous_id, id);
      }
      if (!previous_to && chain) {
        chain(previous_id, from);
      }
    } else {
      ++count.added;
      first_id = id;
      std::ranges::copy(line, previous_line.begin());
      progress.tick("compared lines:", count.added);
    }
    previous_id = id;
    previous_from = from;
    if (sorted.is_null(6)) {
      previous_to.reset();
    } else {
      previous_to = sorted.text_view(6);
    }
  }
}

void Importer::Impl::check_staged_new_tariff_lines(ImportCount& count) {
  Statement sorted(db(), "SELECT seq, measure_id, origin, hs, company, valid_from, valid_to FROM import_tariff_rows "
                         "ORDER BY measure_id, origin, hs, company, valid_from, seq");
  Statement row(db(), fmt::format("SELECT {} FROM import_tariff_rows WHERE seq = ?1", k_staged_tariff_columns));
  // insert_new_tariff_lines chains the versions as it copies them.
  check_new_tariff_lines(
      count, sorted,
      [&](std::int64_t seq) {
        row.reset();
        row.bind(1, seq).step();
        return std::tuple(store::read_tariff_line(row), position(row, k_tariff_source, k_tariff_source + 1),
                          position(row, k_tariff_source, k_tariff_source + 3));
      },
      nullptr);
}

void Importer::Impl::check_direct_tariff_lines(ImportCount& count) {
  // The walk reads the rows in order from the line index, built now, rather than sorting them:
  // that index holds every column it reads. Versions of one line from the same day come in the
  // order of their `to`, not of their rows, and fail.
  const auto line_index = std::ranges::find(direct->indexes, k_line_index, &std::pair<std::string, std::string>::first);
  if (line_index == direct->indexes.end()) {
    throw Error(ExitCode::internal, fmt::format("the store has no index {}", k_line_index));
  }
  const std::string line_index_sql = line_index->second;
  direct->indexes.erase(line_index);
  db().execute(line_index_sql);
  // The table held no line before the import, so all its rows are the import's.
  Statement sorted(db(), "SELECT row_id, measure_id, origin, hs, company, valid_from, valid_to FROM main.tariff_lines "
                         "ORDER BY measure_id, origin, hs, company, valid_from, valid_to");
  Statement row(db(),
                fmt::format("SELECT {} FROM main.tariff_lines l WHERE l.row_id = ?1", store::k_tariff_line_columns));
  Statement chained(db(), "INSERT INTO import_chained (row_id, valid_to) VALUES (?1, ?2)");
  std::int64_t chained_rows = 0;
  check_new_tariff_lines(
      count, sorted,
      [&](std::int64_t row_id) {
        row.reset();
        row.bind(1, row_id).step();
        auto [at, from] = direct->positions.read(static_cast<std::size_t>(row_id - direct->first_row_id), files);
        return std::tuple(store::read_tariff_line(row), std::move(at), std::move(from));
      },
      [&](std::int64_t row_id, std::string_view to) {
        chained.reset();
        chained.bind(1, row_id).bind(2, to).run();
        ++chained_rows;
      });
  sorted.reset(); // no statement may be reading the table while it changes
  // Ending a version moves its entry in the line index, at a random place; past a fifth of the
  // rows, building the index again costs less (measured: 2.4 s against 1.4 s for 375,000 of
  // a million).
  const bool rebuild = chained_rows > direct->rows / 5;
  if (rebuild) {
    db().execute(fmt::format("DROP INDEX main.{}", k_line_index));
  }
  db().execute("UPDATE main.tariff_lines SET valid_to = c.valid_to FROM import_chained c "
               "WHERE tariff_lines.row_id = c.row_id");
  if (rebuild) {
    db().execute(line_index_sql);
  }
}

bool Importer::Impl::tariff_lines_empty() {
  Statement empty(db(), "SELECT NOT EXISTS (SELECT 1 FROM main.tariff_lines)");
  empty.step();
  return empty.integer(0) != 0;
}

bool Importer::Impl::writes_lines_directly() {
  if (direct_decided) {
    return direct.has_value();
  }
  direct_decided = true;
  if (!tariff_lines_empty()) {
    return false;
  }
  const ChangesetId changeset = store.reserve_changeset();
  direct.emplace(db(), changeset, store::drop_indexes(db(), "tariff_lines"));
  return true;
}

void Importer::Impl::write_line_directly(const std::string& measure_id, const TariffLine& line,
                                         const RowSource& source) {
  DirectLines& lines = *direct;
  // Rows of one measure mostly come together: the last one's needs no lookup.
  if (measure_id != lines.last_measure) {
    if (lines.measures.insert(measure_id).second) {
      lines.insert_measure.reset();
      lines.insert_measure.bind(1, measure_id).run();
    }
    lines.last_measure = measure_id;
  }
  for (const auto& [act, column, first_uses] :
       {std::tuple{&line.act_id, "act", &lines.acts}, std::tuple{&line.end_act_id, "end_act", &lines.end_acts}}) {
    if (*act && !first_uses->contains(**act)) {
      first_uses->try_emplace(**act, lines.rows, source.at(column));
      lines.insert_act.reset();
      lines.insert_act.bind(1, **act).run();
    }
  }
  const std::string hs = line.key.hs.key();
  const std::string rate = line.rate.to_string();
  const std::string from = line.valid.from.to_string();
  const auto to = date_text(line.valid.to);
  // As bind_line binds, but without copies: every text outlives the run.
  lines.insert.reset();
  lines.insert.bind_static(1, measure_id)
      .bind_static(2, line.key.origin.code())
      .bind_static(3, hs)
      .bind_static(4, line.key.company)
      .bind_static(5, rate)
      .bind(6, line.rate.ad_valorem_milli())
      .bind_static(7, line.heading)
      .bind_static(8, line.act_id)
      .bind_static(9, line.end_act_id)
      .bind_static(10, line.note)
      .bind_static(11, from)
      .bind_static(12, to)
      .bind(13, lines.changeset)
      .run();
  if (lines.rows == 0) {
    lines.first_row_id = db().last_insert_rowid();
  }
  lines.positions.append(static_cast<std::size_t>(file_number(source.row.file)), source.row, source.at("from"));
  ++lines.rows;
}

void Importer::Impl::insert_new_tariff_lines(ChangesetId changeset) {
  // Into an empty table the indexes are built once, after the rows, rather than row by row.
  const auto indexes = tariff_lines_empty() ? store::drop_indexes(db(), "tariff_lines")
                                            : std::vector<std::pair<std::string, std::string>>{};
  const bool snapshot = options.mode == ReconcileMode::snapshot;
  // Sorted by line as the walk writes them, so that the rows get the same ids.
  Statement insert(db(),
                   fmt::format("INSERT INTO tariff_lines (measure_id, origin, hs, company, rate, ad_valorem_milli, "
                               "heading, act_id, end_act_id, note, valid_from, valid_to, recorded_in) "
                               "SELECT measure_id, origin, hs, company, rate, ad_valorem_milli, heading, act_id, "
                               "end_act_id, note, valid_from, {}, ?1 FROM import_tariff_rows {} "
                               "ORDER BY measure_id, origin, hs, company, valid_from, seq",
                               snapshot ? "valid_to" : "coalesce(valid_to, lead(valid_from) OVER line)",
                               snapshot ? ""
                                        : "WINDOW line AS (PARTITION BY measure_id, origin, hs, company "
                                          "ORDER BY valid_from, seq)"));
  insert.bind(1, changeset).run();
  build_dropped_indexes(indexes);
}

void Importer::Impl::build_dropped_indexes(const std::vector<std::pair<std::string, std::string>>& indexes) {
  for (const auto& [name, sql] : indexes) {
    db().execute(sql);
  }
}

std::string Importer::Impl::new_listing_id(const Measure& measure, Statement& taken) {
  const std::string stem = store::measure_id_stem(measure);
  auto [next, added] = next_id_number.try_emplace(stem, 0);
  if (added) {
    Statement count(db(), "SELECT count(*) FROM measures WHERE id LIKE ?1 || '-%'");
    count.bind(1, stem).step();
    next->second = count.integer(0) + 1;
  }
  while (true) {
    std::string id = fmt::format("{}-{}", stem, next->second++);
    taken.reset();
    taken.bind(1, id).step();
    if (taken.integer(0) == 0) {
      return id;
    }
  }
}

void Importer::Impl::reconcile_listings(ImportCount& count) {
  Statement staged(db(), fmt::format("SELECT {} FROM import_listing_rows ORDER BY identity, valid_from, seq",
                                     k_staged_listing_columns));
  Statement staged_measure(db(), "SELECT seq, imposer, authority, title, announced, exclusive_groups, note "
                                 "FROM import_measures WHERE kind = 'listing' AND key = ?1");
  Statement measure_kind(db(), "SELECT m.kind, EXISTS (SELECT 1 FROM measure_versions v WHERE v.measure_id = m.id "
                               "AND v.superseded_in IS NULL) FROM measures m WHERE m.id = ?1");
  Statement by_source_key(db(), "SELECT measure_id FROM listings WHERE source_key = ?1 AND superseded_in IS NULL "
                                "ORDER BY valid_from DESC LIMIT 1");
  Statement by_name(db(),
                    "SELECT l.measure_id FROM listings l JOIN measure_versions mv ON mv.measure_id = l.measure_id "
                    "AND mv.superseded_in IS NULL WHERE l.list_name = ?1 AND l.name = ?2 AND l.country IS ?3 "
                    "AND mv.imposer = ?4 AND l.superseded_in IS NULL ORDER BY l.valid_from DESC LIMIT 1");
  Statement tariff_named(db(), "SELECT EXISTS (SELECT 1 FROM import_measures WHERE kind = 'tariff' AND key = ?1)");
  Statement claimed(db(), "SELECT 1 FROM import_listing_ids WHERE id = ?1");
  Statement claim(db(), "INSERT INTO import_listing_ids (id) VALUES (?1)");
  Statement taken(db(), "SELECT EXISTS (SELECT 1 FROM measures WHERE id = ?1) "
                        "OR EXISTS (SELECT 1 FROM import_measures WHERE kind = 'tariff' AND key = ?1) "
                        "OR EXISTS (SELECT 1 FROM import_listing_rows WHERE measure_id = ?1)");
  Statement current_measure(db(), "SELECT imposer, authority, title, announced, exclusive_groups, act_id, note "
                                  "FROM measure_versions WHERE measure_id = ?1 AND superseded_in IS NULL");
  Statement versions_of(db(), fmt::format("SELECT {} FROM listings l WHERE l.measure_id = ?1 "
                                          "AND l.superseded_in IS NULL ORDER BY l.valid_from",
                                          store::k_listing_columns));
  Statement record(db(), "INSERT INTO import_measure_changes (seq, id, kind, is_new, act_id, note) "
                         "VALUES (?1, ?2, 'listing', ?3, ?4, ?5)");
  PlanWriter<Listing> writer(db());
  const bool snapshot = options.mode == ReconcileMode::snapshot;
  std::size_t entries = 0;
  std::vector<Listing> versions;
  std::vector<SourcePosition> rows;
  std::vector<SourcePosition> froms;
  std::vector<Listing> current;
  bool more = staged.step();
  while (more) {
    const std::string identity = staged.text(k_listing_identity);
    versions.clear();
    rows.clear();
    froms.clear();
    for (; more && staged.text(k_listing_identity) == identity; more = staged.step()) {
      versions.push_back(store::read_listing(staged));
      rows.push_back(position(staged, k_listing_source, k_listing_source + 1));
      froms.push_back(position(staged, k_listing_source, k_listing_source + 3));
    }
    const Listing& first = versions.front();
    const std::string what = describe(identity, first);
    staged_measure.reset();
    staged_measure.bind(1, identity).step();
    const std::string imposer = staged_measure.text(1);

    // Which listing of the store it is, if any.
    std::optional<std::string> id;
    switch (identity.front()) {
    case 'i':
      measure_kind.reset();
      measure_kind.bind(1, identity.substr(2));
      if (measure_kind.step()) {
        if (measure_kind.text(0) != "listing") {
          throw data_error(rows[0],
                           fmt::format("{} is a {} measure in the store, not a listing", what, measure_kind.text(0)),
                           "a measure keeps its kind; give the listing another id");
        }
        if (measure_kind.integer(1) != 0) {
          id = identity.substr(2);
        }
      }
      break;
    case 'k':
      by_source_key.reset();
      by_source_key.bind(1, *first.source_key);
      if (by_source_key.step()) {
        id = by_source_key.text(0);
      }
      break;
    default:
      by_name.reset();
      by_name.bind(1, first.list)
          .bind(2, first.name)
          .bind(3, first.country ? std::optional(std::string(first.country->code())) : std::nullopt)
          .bind(4, imposer);
      if (by_name.step()) {
        id = by_name.text(0);
      }
      break;
    }
    const bool exists = id.has_value();
    if (!exists) {
      if (identity.front() == 'i') {
        id = identity.substr(2);
        tariff_named.reset();
        tariff_named.bind(1, *id).step();
        if (tariff_named.integer(0) != 0) {
          throw data_error(rows[0], fmt::format("id {} names both a tariff measure and a listing", *id),
                           "measure ids are unique across kinds; give the listing another id");
        }
        if (first.source_key) {
          by_source_key.reset();
          by_source_key.bind(1, *first.source_key);
          if (by_source_key.step()) {
            throw data_error(rows[0],
                             fmt::format("{}: its source key {} is that of listing {} in the store", what,
                                         *first.source_key, by_source_key.text(0)),
                             fmt::format("give id {} to update that listing, or leave id empty to find it by its "
                                         "source key",
                                         by_source_key.text(0)));
          }
        }
      } else {
        Measure measure;
        measure.imposer = Jurisdiction::parse(imposer).value();
        measure.authority = staged_measure.text(2);
        id = new_listing_id(measure, taken);
      }
    }
    claimed.reset();
    claimed.bind(1, *id);
    if (claimed.step()) {
      throw data_error(rows[0], fmt::format("{} is listing {}, which another row of the import gives too", what, *id),
                       "each listing is given once: by its id, its source key, or its list, name and country");
    }
    claim.reset();
    claim.bind(1, *id).run();
    for (Listing& version : versions) {
      version.measure_id = *id;
    }

    // The measure's own fields.
    std::set<std::string> measure_fields;
    std::optional<std::string> kept_act;
    std::optional<std::string> kept_note;
    if (exists) {
      current_measure.reset();
      current_measure.bind(1, *id).step();
      for (std::size_t i = 0; i < k_measure_fields.size(); ++i) {
        if (staged_measure.optional_text(static_cast<int>(i) + 1) !=
            current_measure.optional_text(static_cast<int>(i))) {
          measure_fields.insert(k_measure_fields[i]);
        }
      }
      kept_act = current_measure.optional_text(5);
      kept_note = current_measure.optional_text(6);
    }

    current.clear();
    if (exists) {
      versions_of.reset();
      versions_of.bind(1, *id);
      while (versions_of.step()) {
        current.push_back(store::read_listing(versions_of));
      }
    }
    LineReconciliation<Listing> result;
    if (snapshot) {
      if (versions.size() > 1) {
        throw data_error(rows[1], fmt::format("{}: given twice (first at {})", what, rows[0].to_string()),
                         "a list of the state on a date gives each entry once");
      }
      result = reconcile_snapshot(versions[0], std::span<const Listing>(current), options.as_of);
    } else {
      chain_versions(versions, froms, what);
      result = reconcile_history(std::span<const Listing>(versions), std::span<const Listing>(current), options.as_of);
    }
    if (!measure_fields.empty() && (result.outcome == Outcome::unchanged || result.outcome == Outcome::modified)) {
      result.outcome = Outcome::modified;
      result.fields.insert(measure_fields.begin(), measure_fields.end());
    }
    tw::io::count(count, result.outcome, result.fields);
    writer.write(result.plan);
    if (!exists || !measure_fields.empty()) {
      record.reset();
      record.bind(1, staged_measure.integer(0))
          .bind(2, *id)
          .bind(3, static_cast<std::int64_t>(!exists))
          .bind(4, exists ? kept_act : versions.front().act_id)
          .bind(5, exists ? kept_note : staged_measure.optional_text(6))
          .run();
    }
    progress.tick("compared listings:", ++entries);
  }
}

void Importer::Impl::end_vanished_listings(ImportCount& count) {
  // The lists the files cover: those of the staged listings, by imposer and name.
  Statement vanished(db(), R"(
    WITH scope AS (
      SELECT DISTINCT m.imposer, r.list_name FROM import_listing_rows r
      JOIN import_measures m ON m.kind = 'listing' AND m.key = r.identity)
    SELECT DISTINCT l.measure_id FROM listings l
    JOIN measure_versions mv ON mv.measure_id = l.measure_id AND mv.superseded_in IS NULL
    JOIN scope s ON s.imposer = mv.imposer AND s.list_name = l.list_name
    WHERE l.superseded_in IS NULL AND (l.valid_to IS NULL OR l.valid_to > ?1)
      AND l.measure_id NOT IN (SELECT id FROM import_listing_ids)
    ORDER BY l.measure_id)");
  Statement versions_of(db(), fmt::format("SELECT {} FROM listings l WHERE l.measure_id = ?1 "
                                          "AND l.superseded_in IS NULL ORDER BY l.valid_from",
                                          store::k_listing_columns));
  PlanWriter<Listing> writer(db());
  vanished.bind(1, options.as_of.to_string());
  std::vector<Listing> current;
  while (vanished.step()) {
    current.clear();
    versions_of.reset();
    versions_of.bind(1, vanished.text(0));
    while (versions_of.step()) {
      current.push_back(store::read_listing(versions_of));
    }
    const auto result = reconcile_vanished(std::span<const Listing>(current), options.as_of);
    tw::io::count(count, result.outcome, result.fields);
    writer.write(result.plan);
  }
}

void Importer::Impl::apply(ChangesetId changeset) {
  for (const char* sql : {
           // Acts first, then measures, then their lines: later rows refer to earlier ones.
           "INSERT OR IGNORE INTO acts (id) SELECT a.id FROM import_acts a JOIN import_act_changes c ON c.seq = a.seq "
           "WHERE c.is_new ORDER BY a.seq",
           "UPDATE act_versions SET superseded_in = ?1 WHERE superseded_in IS NULL AND act_id IN "
           "(SELECT a.id FROM import_acts a JOIN import_act_changes c ON c.seq = a.seq WHERE NOT c.is_new)",
           "INSERT INTO act_versions (act_id, imposer, title, citation, document_number, url, announced, published, "
           "added, removed, recorded_in) SELECT a.id, a.imposer, a.title, a.citation, a.document_number, a.url, "
           "a.announced, a.published, a.added, a.removed, ?1 FROM import_acts a JOIN import_act_changes c "
           "ON c.seq = a.seq ORDER BY a.seq",
           "INSERT OR IGNORE INTO measures (id, kind) SELECT id, kind FROM import_measure_changes WHERE is_new "
           "ORDER BY seq",
           "UPDATE measure_versions SET superseded_in = ?1 WHERE superseded_in IS NULL AND measure_id IN "
           "(SELECT id FROM import_measure_changes WHERE NOT is_new)",
           "INSERT INTO measure_versions (measure_id, imposer, authority, act_id, title, announced, note, "
           "exclusive_groups, recorded_in) SELECT c.id, m.imposer, m.authority, c.act_id, m.title, m.announced, "
           "c.note, m.exclusive_groups, ?1 FROM import_measure_changes c JOIN import_measures m ON m.seq = c.seq "
           "ORDER BY c.seq",
           "UPDATE tariff_lines SET superseded_in = ?1 WHERE superseded_in IS NULL AND row_id IN "
           "(SELECT row_id FROM import_superseded WHERE kind = 'tariff')",
           "INSERT INTO tariff_lines (measure_id, origin, hs, company, rate, ad_valorem_milli, heading, act_id, "
           "end_act_id, note, valid_from, valid_to, recorded_in) SELECT measure_id, origin, hs, company, rate, "
           "ad_valorem_milli, heading, act_id, end_act_id, note, valid_from, valid_to, ?1 "
           "FROM import_new_tariff_lines ORDER BY seq",
           "UPDATE listings SET superseded_in = ?1 WHERE superseded_in IS NULL AND row_id IN "
           "(SELECT row_id FROM import_superseded WHERE kind = 'listing')",
           "INSERT INTO listings (measure_id, list_name, name, aliases, entity_type, country, addresses, "
           "license_requirement, license_policy, source_key, act_id, end_act_id, note, valid_from, valid_to, "
           "recorded_in) SELECT measure_id, list_name, name, aliases, entity_type, country, addresses, "
           "license_requirement, license_policy, source_key, act_id, end_act_id, note, valid_from, valid_to, ?1 "
           "FROM import_new_listings ORDER BY seq",
       }) {
    Statement statement(db(), sql);
    if (std::string_view(sql).find("?1") != std::string_view::npos) {
      statement.bind(1, changeset);
    }
    statement.run();
  }
  if (tariff_lines_all_new) {
    insert_new_tariff_lines(changeset);
  }
  if (direct) {
    build_dropped_indexes(direct->indexes);
  }
}

ImportResult Importer::Impl::finish(const Changeset& changeset) {
  progress.end();
  staging.reset();
  check_acts_known();
  ImportResult result;
  result.rows = rows_read;
  result.dry_run = options.dry_run;
  reconcile_acts(result.acts);
  reconcile_tariff_measures(result.tariff_measures);
  reconcile_tariff_lines(result.tariff_lines);
  reconcile_listings(result.listings);
  if (options.mode == ReconcileMode::snapshot) {
    end_vanished_listings(result.listings);
  }
  progress.end();
  if (result.changed() == 0) {
    return result; // nothing to record; the transaction rolls back
  }
  ChangesetId recorded = 0;
  if (direct) {
    recorded = direct->changeset;
    store.fill_changeset(recorded, changeset);
  } else {
    recorded = store.record_changeset(changeset);
  }
  apply(recorded);
  if (options.dry_run) {
    return result;
  }
  db().execute(k_drop_staging);
  transaction->commit();
  result.changeset = recorded;
  return result;
}

Importer::Importer(store::Store& store, ImportOptions options)
    : m_impl(std::make_unique<Impl>(store, std::move(options))) {}

Importer::~Importer() = default;

const ImportOptions& Importer::options() const { return m_impl->options; }

store::Store& Importer::store() { return m_impl->store; }

void Importer::stage_act(const Act& act, const RowSource& source) {
  Impl& impl = *m_impl;
  Statement& find = impl.staging->find_act;
  find.reset();
  find.bind(1, act.id);
  if (find.step()) {
    const SourcePosition first = impl.position(find, 0, 1);
    find.reset();
    throw data_error(source.at("id"), fmt::format("act {} is given twice (first at {})", act.id, first.to_string()),
                     "each act is given once; correct it in one row");
  }
  find.reset();
  Statement& insert = impl.staging->insert_act;
  insert.reset();
  insert.bind(1, act.id)
      .bind(2, act.imposer.code())
      .bind(3, act.title)
      .bind(4, act.citation)
      .bind(5, act.document_number)
      .bind(6, act.url)
      .bind(7, date_text(act.announced))
      .bind(8, date_text(act.published))
      .bind(9, counts_text(act.added))
      .bind(10, counts_text(act.removed))
      .bind(11, impl.file_number(source.row.file))
      .bind(12, static_cast<std::int64_t>(source.row.line))
      .bind(13, static_cast<std::int64_t>(source.row.column));
  insert.run();
  impl.counted_row();
}

// The line is not copied or moved from: a native import's reader thread made its texts, and
// frees them on that thread as it reuses the row (freeing them here cost 5% of the
// instructions of this thread).
void Importer::stage_tariff(const Measure& measure, const TariffLine& line, const RowSource& source) {
  Impl& impl = *m_impl;
  if (measure.id.empty()) {
    throw data_error(source.at("measure"), "a tariff line needs the id of its measure",
                     "rows with the same measure id form one measure");
  }
  impl.check_validity(line.valid, source);
  impl.stage_measure(
      MeasureKind::tariff, measure.id, [&] { return fmt::format("measure {}", measure.id); }, measure, source);
  if (impl.writes_lines_directly()) {
    impl.write_line_directly(measure.id, line, source);
  } else {
    Statement& insert = impl.staging->insert_tariff;
    insert.reset();
    bind_line(insert, line);
    insert.bind(1, measure.id); // the row's measure, in place of line.measure_id
    impl.bind_positions(insert, 13, source);
    insert.run();
  }
  const auto [first, added] = impl.first_versions.try_emplace(measure.id, line.valid.from, line.act_id);
  if (!added && line.valid.from < first->second.first) {
    first->second = {line.valid.from, line.act_id};
  }
  impl.counted_row();
}

void Importer::stage_listing(const Measure& measure, const Listing& listing, const RowSource& source) {
  Impl& impl = *m_impl;
  impl.check_validity(listing.valid, source);
  Measure own = measure;
  if (own.authority.empty()) {
    own.authority = listing.list;
  }
  std::string identity;
  if (!measure.id.empty()) {
    identity = "i:" + measure.id;
  } else if (listing.source_key) {
    identity = "k:" + *listing.source_key;
  } else {
    identity = fmt::format("n:{}\x1f{}\x1f{}\x1f{}", measure.imposer.code(), listing.list, listing.name,
                           listing.country ? listing.country->code() : "");
  }
  impl.stage_measure(
      MeasureKind::listing, identity, [&] { return describe(identity, listing); }, own, source);
  Statement& insert = impl.staging->insert_listing;
  insert.reset();
  Listing staged = listing;
  staged.measure_id = measure.id; // empty when not given
  insert.bind(1, identity);
  bind_line(insert, staged, 2);
  impl.bind_positions(insert, 17, source);
  insert.run();
  impl.counted_row();
}

ImportResult Importer::finish(const Changeset& changeset) {
  ImportResult result = m_impl->finish(changeset);
  m_impl.reset(); // rolls back unless committed: nothing changed, or a dry run
  return result;
}

} // namespace tw::io
