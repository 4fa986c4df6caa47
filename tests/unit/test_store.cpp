#include "core/error.hpp"
#include "core/versioning.hpp"
#include "store/acts.hpp"
#include "store/busy_timeout.hpp"
#include "store/measures.hpp"
#include "store/migrations.hpp"
#include "store/sqlite.hpp"
#include "store/store.hpp"
#include "store/tariff_lines.hpp"
#include "store_fixture.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

using tw::Date;
using tw::Error;
using tw::ExitCode;
using tw::store::CodeMatch;
using tw::store::Database;
using tw::store::LineFilter;
using tw::store::RecordPoint;
using tw::store::Statement;
using tw::store::Store;
using tw::store::Transaction;

using tw::test::count_rows;
using tw::test::day;
using tw::test::error_from;
using tw::test::jurisdiction;
using tw::test::rate;
using tw::test::TempDir;
using tw::test::write;

namespace {

std::int64_t pragma(const Database& db, const std::string& name) {
  Statement statement(db, "PRAGMA " + name);
  REQUIRE(statement.step());
  return statement.integer(0);
}

tw::Act section_301_act() {
  tw::Act act;
  act.id = "ustr-2024-ev";
  act.imposer = jurisdiction("US");
  act.title = "Four-year review of the Section 301 actions";
  act.citation = "89 FR 76581";
  act.document_number = "2024-21217";
  act.url = "https://www.federalregister.gov/d/2024-21217";
  act.announced = day("2024-09-13");
  act.published = day("2024-09-18");
  return act;
}

tw::Measure measure(const std::string& id, const std::string& imposer, const std::string& authority) {
  tw::Measure result;
  result.id = id;
  result.kind = tw::MeasureKind::tariff;
  result.imposer = jurisdiction(imposer);
  result.authority = authority;
  return result;
}

tw::TariffLine line(const std::string& measure_id, const std::string& origin, const std::string& hs,
                    const std::string& rate_text, const std::string& from,
                    const std::optional<std::string>& to = std::nullopt, const std::string& company = {}) {
  tw::TariffLine result;
  result.measure_id = measure_id;
  result.key.origin = jurisdiction(origin);
  result.key.hs = tw::ProductCode::parse(hs).value();
  result.key.company = company;
  result.rate = rate(rate_text);
  result.valid.from = day(from);
  if (to) {
    result.valid.to = day(*to);
  }
  return result;
}

std::vector<std::string> describe(const std::vector<tw::store::MeasureLine>& lines) {
  std::vector<std::string> result;
  for (const auto& found : lines) {
    result.push_back(found.measure.id + " " + std::string(found.line.key.origin.code()) + " " +
                     found.line.key.hs.digits() + " " + found.line.rate.to_string() + " " +
                     found.line.valid.from.to_string());
  }
  return result;
}

} // namespace

TEST_CASE("The schema migrations are numbered in order", "[store]") {
  const auto& migrations = tw::store::migrations();
  REQUIRE_FALSE(migrations.empty());
  CHECK(migrations.front().version == 1);
  CHECK(std::string(migrations.front().name) == "0001_initial.sql");
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    CHECK(migrations[i].version == migrations[i - 1].version + 1);
  }
  CHECK(tw::store::current_schema_version() == migrations.back().version);
}

TEST_CASE("Store::create makes a tradewatch store with the current schema", "[store]") {
  TempDir dir;
  const fs::path path = dir / "tw.db";
  {
    Store store = Store::create(path);
    CHECK(fs::exists(path));
    CHECK(pragma(store.db(), "application_id") == tw::store::k_application_id);
    CHECK(pragma(store.db(), "user_version") == tw::store::current_schema_version());
    CHECK(pragma(store.db(), "foreign_keys") == 1);
    Statement mode(store.db(), "PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == "wal");
    for (const auto* table : {"changesets", "acts", "measures", "act_versions", "measure_versions", "tariff_lines",
                              "v_changesets", "v_acts", "v_measures", "v_tariff_lines", "v_tariff_line_versions"}) {
      CAPTURE(table);
      CHECK(count_rows(store, table) == 0);
    }
  }
  const Store again = Store::open(path, Store::Access::read_write);
  CHECK(pragma(again.db(), "user_version") == tw::store::current_schema_version());
  CHECK(pragma(again.db(), "foreign_keys") == 1);
}

namespace {
std::string journal_mode(const Database& db) {
  Statement mode(db, "PRAGMA journal_mode");
  REQUIRE(mode.step());
  return mode.text(0);
}
} // namespace

TEST_CASE("RollbackJournal leaves the write-ahead log only while no one else has the store open", "[store]") {
  TempDir dir;
  const fs::path path = dir / "tw.db";
  Store store = Store::create(path);
  SECTION("alone, the store keeps a rollback journal until the guard ends") {
    {
      const tw::store::RollbackJournal journal(store.db());
      CHECK(journal.taken());
      CHECK(journal_mode(store.db()) == "delete");
      Transaction write(store.db(), Transaction::Kind::immediate);
      store.db().execute("INSERT INTO changesets (recorded_at, author, command) VALUES ('', '', '')");
      write.commit();
      CHECK_FALSE(fs::exists(fs::path(path.string() + "-wal")));
    }
    CHECK(journal_mode(store.db()) == "wal");
  }
  SECTION("another connection keeps the log, without a wait") {
    const Store reader = Store::open(path, Store::Access::read_only);
    CHECK(pragma(reader.db(), "user_version") == tw::store::current_schema_version());
    tw::store::set_busy_timeout(std::chrono::seconds(30));
    const auto before = std::chrono::steady_clock::now();
    {
      const tw::store::RollbackJournal journal(store.db());
      CHECK_FALSE(journal.taken());
      CHECK(journal_mode(store.db()) == "wal");
    }
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(10));
    tw::store::set_busy_timeout(std::chrono::seconds(10));
    CHECK(journal_mode(store.db()) == "wal");
  }
}

TEST_CASE("Store::open for writing puts back a write-ahead log that a bulk write left off", "[store]") {
  TempDir dir;
  const fs::path path = dir / "tw.db";
  {
    Store store = Store::create(path);
    store.db().execute("PRAGMA journal_mode = DELETE"); // as a write cut short would leave it
  }
  CHECK(journal_mode(Store::open(path, Store::Access::read_only).db()) == "delete");
  CHECK(journal_mode(Store::open(path, Store::Access::read_write).db()) == "wal");
}

TEST_CASE("Store::create refuses a path that exists", "[store]") {
  TempDir dir;
  const fs::path path = dir / "tw.db";
  {
    std::ofstream file(path);
    file << "keep me\n";
  }
  const Error error = error_from([&] { Store::create(path); });
  CHECK(error.code() == ExitCode::cant_create);
  CHECK(std::string(error.what()) == path.string() + " already exists; init creates a new store only");
  CHECK(error.hint() == "choose another path with --db, or remove the file if you mean to start over");
  std::ifstream file(path);
  std::string content;
  std::getline(file, content);
  CHECK(content == "keep me");

  const fs::path store_path = dir / "store.db";
  Store::create(store_path);
  CHECK(error_from([&] { Store::create(store_path); }).code() == ExitCode::cant_create);
}

TEST_CASE("Store::create fails with exit 73 where the file cannot be made", "[store]") {
  TempDir dir;
  const Error error = error_from([&] { Store::create(dir / "missing-dir" / "tw.db"); });
  CHECK(error.code() == ExitCode::cant_create);
}

TEST_CASE("Store::open refuses a missing store", "[store]") {
  TempDir dir;
  const fs::path path = dir / "none.db";
  const Error error = error_from([&] { Store::open(path, Store::Access::read_only); });
  CHECK(error.code() == ExitCode::no_input);
  CHECK(std::string(error.what()) == "no store at " + path.string());
  CHECK(error.hint() == "create one with 'tradewatch init', or name another with --db or TRADEWATCH_DB");
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("Store::open refuses an SQLite database that is not a tradewatch store", "[store]") {
  TempDir dir;
  const fs::path path = dir / "other.db";
  {
    Database other(path, Database::Mode::create);
    other.execute("CREATE TABLE things (name TEXT); INSERT INTO things VALUES ('a')");
  }
  for (const auto access : {Store::Access::read_only, Store::Access::read_write}) {
    const Error error = error_from([&] { Store::open(path, access); });
    CHECK(error.code() == ExitCode::data_error);
    CHECK(std::string(error.what()) == path.string() + " is not a tradewatch store (it is another SQLite database)");
    CHECK(error.hint() == "tradewatch opens only stores made by 'tradewatch init'; the file was left untouched");
  }
  const Database other(path, Database::Mode::read_only);
  CHECK(pragma(other, "application_id") == 0);
  CHECK(pragma(other, "user_version") == 0);
  Statement tables(other, "SELECT group_concat(name) FROM sqlite_schema");
  REQUIRE(tables.step());
  CHECK(tables.text(0) == "things");
}

TEST_CASE("Store::open refuses an empty SQLite file", "[store]") {
  TempDir dir;
  const fs::path path = dir / "empty.db";
  { std::ofstream file(path); }
  const Error error = error_from([&] { Store::open(path, Store::Access::read_write); });
  CHECK(error.code() == ExitCode::data_error);
  CHECK(std::string(error.what()) == path.string() + " is not a tradewatch store");
  CHECK(fs::file_size(path) == 0);
}

TEST_CASE("Store::open refuses a text file", "[store]") {
  TempDir dir;
  const fs::path path = dir / "notes.txt";
  {
    std::ofstream file(path);
    for (int i = 0; i < 100; ++i) {
      file << "These are notes about tariffs, not a database.\n";
    }
  }
  const auto size = fs::file_size(path);
  const Error error = error_from([&] { Store::open(path, Store::Access::read_write); });
  CHECK(error.code() == ExitCode::data_error);
  CHECK(std::string(error.what()) == path.string() + " is not a tradewatch store (not an SQLite database)");
  CHECK(fs::file_size(path) == size);
}

TEST_CASE("Store::open refuses a store of a newer schema", "[store]") {
  TempDir dir;
  const fs::path path = dir / "tw.db";
  const int newer = tw::store::current_schema_version() + 1;
  {
    Store store = Store::create(path);
    store.db().execute("PRAGMA user_version = " + std::to_string(newer));
  }
  for (const auto access : {Store::Access::read_only, Store::Access::read_write}) {
    const Error error = error_from([&] { Store::open(path, access); });
    CHECK(error.code() == ExitCode::data_error);
    CHECK(std::string(error.what()) == path.string() + " has schema version " + std::to_string(newer) +
                                           ", newer than this tradewatch knows (" +
                                           std::to_string(tw::store::current_schema_version()) + ")");
    CHECK(error.hint() == "use a newer tradewatch; the file was left untouched");
  }
  const Database db(path, Database::Mode::read_only);
  CHECK(pragma(db, "user_version") == newer);
}

TEST_CASE("Statement::text_view reads a column's text in place, and NULL as empty", "[store]") {
  TempDir dir;
  Database db(dir / "texts.db", Database::Mode::create);
  Statement select(db, "SELECT 'tariff, \"quoted\"', NULL, '', 42");
  REQUIRE(select.step());
  CHECK(select.text_view(0) == "tariff, \"quoted\"");
  CHECK(select.text_view(1).empty());
  CHECK(select.text_view(2).empty());
  CHECK(select.text_view(3) == "42");
  CHECK(select.text(0) == select.text_view(0));
}

TEST_CASE("Store::open applies the migrations a store lacks", "[store]") {
  TempDir dir;
  const fs::path path = dir / "old.db";
  {
    // A store as it was before the first migration: marked, but with no tables yet.
    Database db(path, Database::Mode::create);
    db.execute("PRAGMA application_id = " + std::to_string(tw::store::k_application_id));
  }
  const auto access = GENERATE(Store::Access::read_only, Store::Access::read_write);
  Store store = Store::open(path, access);
  CHECK(pragma(store.db(), "user_version") == tw::store::current_schema_version());
  CHECK(count_rows(store, "tariff_lines") == 0);
  CHECK(count_rows(store, "v_tariff_lines") == 0);
}

TEST_CASE("Store::open brings a schema 1 store with data up to date, keeping its rows", "[store]") {
  TempDir dir;
  const fs::path path = dir / "v1.db";
  {
    Database db(path, Database::Mode::create);
    db.execute("PRAGMA application_id = " + std::to_string(tw::store::k_application_id));
    db.execute(tw::store::migrations().at(0).sql);
    db.execute("PRAGMA user_version = 1");
    db.execute("INSERT INTO changesets VALUES (1, '2024-09-18T12:00:00Z', 'a', '', 'c')");
    db.execute("INSERT INTO measures VALUES ('m', 'tariff')");
    db.execute("INSERT INTO measure_versions (measure_id, imposer, authority, recorded_in) "
               "VALUES ('m', 'US', 'Section 301', 1)");
    db.execute("INSERT INTO tariff_lines (measure_id, origin, hs, rate, ad_valorem_milli, valid_from, recorded_in) "
               "VALUES ('m', 'CN', '87038000', '100%', 100000, '2024-09-27', 1)");
  }
  Store store = Store::open(path, Store::Access::read_write);
  CHECK(pragma(store.db(), "user_version") == tw::store::current_schema_version());
  const auto lines = tw::store::lines_of_measure(store, "m");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].rate == rate("100%"));
  CHECK(count_rows(store, "v_tariff_lines") == 1);
  CHECK(count_rows(store, "v_listings") == 0);
  // Schema 2 allows lines on all products.
  store.db().execute("INSERT INTO tariff_lines (measure_id, origin, hs, rate, valid_from, recorded_in) "
                     "VALUES ('m', 'CN', '*', '10%', '2025-02-04', 1)");
  CHECK(count_rows(store, "tariff_lines") == 2);
}

TEST_CASE("A migration that fails leaves a schema 1 store as it was, byte for byte", "[store]") {
  TempDir dir;
  const fs::path path = dir / "v1.db";
  {
    Database db(path, Database::Mode::create);
    db.execute("PRAGMA journal_mode = WAL");
    db.execute("PRAGMA application_id = " + std::to_string(tw::store::k_application_id));
    db.execute(tw::store::migrations().at(0).sql);
    db.execute("PRAGMA user_version = 1");
    db.execute("INSERT INTO changesets VALUES (1, '2024-09-18T12:00:00Z', 'a', '', 'c')");
    db.execute("INSERT INTO measures VALUES ('m', 'tariff')");
    // A table of the name migration 2 creates, so that it fails halfway through.
    db.execute("CREATE TABLE control_lines (x)");
  }
  const auto bytes = [&] {
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), {});
  };
  const std::string before = bytes();
  const Error error = error_from([&] { Store::open(path, Store::Access::read_write); });
  CHECK(error.code() == ExitCode::internal);
  CHECK(bytes() == before);
  const Database db(path, Database::Mode::read_only);
  CHECK(pragma(db, "user_version") == 1);
  Statement listings(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'listings'");
  REQUIRE(listings.step());
  CHECK(listings.integer(0) == 0);
}

TEST_CASE("A read-only store refuses writes with exit 74", "[store]") {
  TempDir dir;
  const fs::path path = dir / "tw.db";
  Store::create(path);
  Store store = Store::open(path, Store::Access::read_only);
  const Error error = error_from([&] {
    store.record_changeset(tw::Changeset{0, "2024-01-01T00:00:00Z", "a", "", "c", std::nullopt});
  });
  CHECK(error.code() == ExitCode::io_error);
  CHECK(count_rows(store, "changesets") == 0);
}

TEST_CASE("Acts are recorded and found with every field", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  const tw::Act act = section_301_act();
  const auto changeset = write(store, "2024-09-18T12:00:00Z", [&](auto id) { tw::store::insert_act(store, act, id); });
  CHECK(changeset == 1);

  const auto found = tw::store::find_act(store, "ustr-2024-ev");
  REQUIRE(found.has_value());
  CHECK(found->id == act.id);
  CHECK(found->imposer.code() == "US");
  CHECK(found->title == act.title);
  CHECK(found->citation == "89 FR 76581");
  CHECK(found->document_number == "2024-21217");
  CHECK(found->url == "https://www.federalregister.gov/d/2024-21217");
  CHECK(found->announced == day("2024-09-13"));
  CHECK(found->published == day("2024-09-18"));

  CHECK_FALSE(tw::store::find_act(store, "no-such-act").has_value());
  CHECK_FALSE(tw::store::find_act(store, "ustr-2024-ev", RecordPoint{0}).has_value());
  CHECK(tw::store::find_act(store, "ustr-2024-ev", RecordPoint{1}).has_value());
}

TEST_CASE("An act with only the required fields reads back with the others unset", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  tw::Act act;
  act.id = "eu-2024-1866";
  act.imposer = jurisdiction("EU");
  act.title = "Provisional countervailing duty on BEVs from China";
  write(store, "2024-07-04T00:00:00Z", [&](auto id) { tw::store::insert_act(store, act, id); });
  const auto found = tw::store::find_act(store, "eu-2024-1866");
  REQUIRE(found.has_value());
  CHECK(found->imposer.code() == "EU");
  CHECK_FALSE(found->citation.has_value());
  CHECK_FALSE(found->document_number.has_value());
  CHECK_FALSE(found->url.has_value());
  CHECK_FALSE(found->announced.has_value());
  CHECK_FALSE(found->published.has_value());
}

TEST_CASE("require_act names the option when the act does not exist", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  const Error error = error_from([&] { tw::store::require_act(store, "nope", "--act"); });
  CHECK(error.code() == ExitCode::data_error);
  CHECK(std::string(error.what()) == "--act nope: no such act");
  CHECK(error.hint() == "record it first with 'tradewatch add act --id ID --imposer J --title TEXT'");

  write(store, "2024-09-18T12:00:00Z", [&](auto id) { tw::store::insert_act(store, section_301_act(), id); });
  CHECK_NOTHROW(tw::store::require_act(store, "ustr-2024-ev", "--act"));
}

TEST_CASE("A duplicate act id is refused with exit 65", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  write(store, "2024-09-18T12:00:00Z", [&](auto id) { tw::store::insert_act(store, section_301_act(), id); });
  const Error error = error_from([&] {
    write(store, "2024-09-19T12:00:00Z", [&](auto id) { tw::store::insert_act(store, section_301_act(), id); });
  });
  CHECK(error.code() == ExitCode::data_error);
  CHECK(std::string(error.what()) == "act ustr-2024-ev already exists");
  CHECK(error.hint() == "act ids are unique; choose another --id");
  CHECK(count_rows(store, "act_versions") == 1);
  CHECK(count_rows(store, "changesets") == 1);
}

TEST_CASE("Measures are recorded and found with every field", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  tw::Measure recorded = measure("us-301-ev", "US", "Section 301");
  recorded.act_id = "ustr-2024-ev";
  recorded.title = "Section 301 tariffs on Chinese electric vehicles";
  recorded.announced = day("2024-05-14");
  recorded.note = "raised from 25% to 100%";
  write(store, "2024-09-18T12:00:00Z", [&](auto id) {
    tw::store::insert_act(store, section_301_act(), id);
    tw::store::insert_measure(store, recorded, id);
  });

  const auto found = tw::store::find_measure(store, "us-301-ev");
  REQUIRE(found.has_value());
  CHECK(found->id == "us-301-ev");
  CHECK(found->kind == tw::MeasureKind::tariff);
  CHECK(found->imposer.code() == "US");
  CHECK(found->authority == "Section 301");
  CHECK(found->act_id == "ustr-2024-ev");
  CHECK(found->title == recorded.title);
  CHECK(found->announced == day("2024-05-14"));
  CHECK(found->note == "raised from 25% to 100%");

  const tw::Measure found_again = tw::store::require_measure(store, "us-301-ev");
  CHECK(found_again.authority == "Section 301");
  CHECK_FALSE(tw::store::find_measure(store, "us-301-ev", RecordPoint{0}).has_value());
}

TEST_CASE("Measures keep their kind", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  tw::Measure listing = measure("bis-entity-list", "US", "EAR 744");
  listing.kind = tw::MeasureKind::listing;
  tw::Measure control = measure("cn-gallium", "CN", "Export Control Law");
  control.kind = tw::MeasureKind::control;
  write(store, "2024-05-09T00:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, listing, id);
    tw::store::insert_measure(store, control, id);
  });
  CHECK(tw::store::require_measure(store, "bis-entity-list").kind == tw::MeasureKind::listing);
  CHECK(tw::store::require_measure(store, "cn-gallium").kind == tw::MeasureKind::control);
  const auto found = tw::store::find_measure(store, "cn-gallium");
  REQUIRE(found.has_value());
  CHECK_FALSE(found->act_id.has_value());
  CHECK_FALSE(found->title.has_value());
  CHECK_FALSE(found->announced.has_value());
  CHECK_FALSE(found->note.has_value());
}

TEST_CASE("A duplicate measure id is refused and a missing one is reported", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  write(store, "2024-09-18T12:00:00Z",
        [&](auto id) { tw::store::insert_measure(store, measure("us-301-ev", "US", "Section 301"), id); });

  const Error duplicate = error_from([&] {
    write(store, "2024-09-19T12:00:00Z",
          [&](auto id) { tw::store::insert_measure(store, measure("us-301-ev", "US", "IEEPA"), id); });
  });
  CHECK(duplicate.code() == ExitCode::data_error);
  CHECK(std::string(duplicate.what()) == "measure us-301-ev already exists");
  CHECK(duplicate.hint() == "to change it from a date use 'tradewatch amend'; otherwise choose another --id");
  CHECK(tw::store::require_measure(store, "us-301-ev").authority == "Section 301");

  const Error missing = error_from([&] { tw::store::require_measure(store, "us-232-steel"); });
  CHECK(missing.code() == ExitCode::data_error);
  CHECK(std::string(missing.what()) == "no measure us-232-steel");
  CHECK(missing.hint() == "'tradewatch list' shows the measures and their ids");
}

TEST_CASE("next_measure_id makes an unused slug from imposer and authority", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  const tw::Measure draft = measure("", "US", "Section 301");
  CHECK(tw::store::next_measure_id(store, draft) == "us-section-301-1");
  write(store, "2024-09-18T12:00:00Z",
        [&](auto id) { tw::store::insert_measure(store, measure("us-section-301-1", "US", "Section 301"), id); });
  CHECK(tw::store::next_measure_id(store, draft) == "us-section-301-2");
  CHECK(tw::store::next_measure_id(store, measure("", "EU", "AD/CVD")) == "eu-ad-cvd-1");
  CHECK(tw::store::next_measure_id(store, measure("", "US", "EAR 744")) == "us-ear-744-1");
}

TEST_CASE("A transaction that is not committed leaves the store unchanged", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");

  SECTION("going out of scope") {
    {
      Transaction transaction(store.db(), Transaction::Kind::immediate);
      const auto changeset =
          store.record_changeset(tw::Changeset{0, "2024-09-18T12:00:00Z", "a", "", "c", std::nullopt});
      tw::store::insert_act(store, section_301_act(), changeset);
      tw::store::insert_measure(store, measure("us-301-ev", "US", "Section 301"), changeset);
      CHECK(tw::store::find_act(store, "ustr-2024-ev").has_value());
    }
    CHECK_FALSE(tw::store::find_act(store, "ustr-2024-ev").has_value());
    CHECK_FALSE(tw::store::find_measure(store, "us-301-ev").has_value());
  }

  SECTION("when an error is thrown halfway") {
    const Error error = error_from([&] {
      write(store, "2024-09-18T12:00:00Z", [&](auto id) {
        tw::store::insert_act(store, section_301_act(), id);
        tw::store::insert_act(store, section_301_act(), id);
      });
    });
    CHECK(std::string(error.what()) == "act ustr-2024-ev already exists");
    CHECK_FALSE(tw::store::find_act(store, "ustr-2024-ev").has_value());
  }

  CHECK(count_rows(store, "changesets") == 0);
  CHECK(count_rows(store, "acts") == 0);
  CHECK(count_rows(store, "act_versions") == 0);
  CHECK(count_rows(store, "measures") == 0);
  // The store still takes writes, and numbers changesets from 1.
  CHECK(write(store, "2024-09-19T12:00:00Z") == 1);
}

TEST_CASE("A committed transaction is seen by another connection", "[store]") {
  TempDir dir;
  const fs::path path = dir / "tw.db";
  Store store = Store::create(path);
  write(store, "2024-09-18T12:00:00Z", [&](auto id) { tw::store::insert_act(store, section_301_act(), id); });
  const Store reader = Store::open(path, Store::Access::read_only);
  CHECK(tw::store::find_act(reader, "ustr-2024-ev").has_value());
}

TEST_CASE("Tariff lines read back as they were written", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  tw::TariffLine written = line("eu-cvd-bev", "CN", "8703.80.10", "4.4¢/kg + 6%", "2024-07-05", "2024-10-30", "BYD");
  written.heading = "8703 80 10";
  written.act_id = "eu-2024-1866";
  written.end_act_id = "eu-2024-2754";
  written.note = "provisional";
  write(store, "2024-07-04T00:00:00Z", [&](auto id) {
    for (const auto* act_id : {"eu-2024-1866", "eu-2024-2754"}) {
      tw::Act act;
      act.id = act_id;
      act.imposer = jurisdiction("EU");
      act.title = act_id;
      tw::store::insert_act(store, act, id);
    }
    tw::store::insert_measure(store, measure("eu-cvd-bev", "EU", "AD/CVD"), id);
    tw::store::insert_line(store, written, id);
    tw::store::insert_line(store, line("eu-cvd-bev", "CN", "8703.80.10", "EUR 90.045/100 kg", "2024-07-05"), id);
  });

  const auto lines = tw::store::lines_of_measure(store, "eu-cvd-bev");
  REQUIRE(lines.size() == 2);
  // Ordered by origin, code, company: the all-others line ("") before BYD's.
  const tw::TariffLine& all_others = lines[0];
  CHECK(all_others.key.company.empty());
  CHECK(all_others.rate.to_string() == "EUR 90.045/100 kg");
  CHECK_FALSE(all_others.valid.to.has_value());
  CHECK_FALSE(all_others.heading.has_value());

  const tw::TariffLine& read = lines[1];
  CHECK(read.row_id > 0);
  CHECK(read.measure_id == "eu-cvd-bev");
  CHECK(read.key == written.key);
  CHECK(read.rate == written.rate);
  CHECK(read.heading == "8703 80 10");
  CHECK(read.act_id == "eu-2024-1866");
  CHECK(read.end_act_id == "eu-2024-2754");
  CHECK(read.note == "provisional");
  CHECK(read.valid == written.valid);
  CHECK(read.recorded_in == 1);
  CHECK_FALSE(read.superseded_in.has_value());

  Statement stored(store.db(), "SELECT rate, ad_valorem_milli, hs FROM tariff_lines WHERE company = 'BYD'");
  REQUIRE(stored.step());
  CHECK(stored.text(0) == "4.4¢/kg + 6%");
  CHECK(stored.integer(1) == 6000);
  CHECK(stored.text(2) == "87038010");
}

TEST_CASE("Superseded line versions stay visible at earlier record points", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  const auto first = write(store, "2024-05-14T12:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, measure("us-301-ev", "US", "Section 301"), id);
    tw::store::insert_line(store, line("us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10"), id);
    tw::store::insert_line(store, line("us-301-ev", "CN", "8507.60.00", "7.5%", "2019-09-01"), id);
  });
  REQUIRE(first == 1);

  // The 2024 review: the EV line goes to 100% from 2024-09-27, the battery line stays.
  const auto second = write(store, "2024-09-18T12:00:00Z", [&](auto id) {
    const auto current = tw::store::lines_of_measure(store, "us-301-ev");
    std::vector<tw::TariffLine> ev_lines;
    for (const auto& version : current) {
      if (version.key.hs.digits() == "87038000") {
        ev_lines.push_back(version);
      }
    }
    tw::LineUpdate update;
    update.rate = rate("100%");
    const auto plan = tw::plan_amend(ev_lines, day("2024-09-27"), update);
    REQUIRE(plan.has_value());
    tw::store::supersede_rows(store, "tariff_lines", plan->superseded, id);
    for (const auto& version : plan->inserted) {
      tw::store::insert_line(store, version, id);
    }
  });
  REQUIRE(second == 2);

  const auto before = tw::store::lines_of_measure(store, "us-301-ev", RecordPoint{1});
  REQUIRE(before.size() == 2);
  CHECK(before[0].key.hs.digits() == "85076000");
  CHECK(before[1].key.hs.digits() == "87038000");
  CHECK(before[1].rate.to_string() == "25%");
  CHECK_FALSE(before[1].valid.to.has_value());
  CHECK(before[1].recorded_in == 1);
  CHECK(before[1].superseded_in == 2);

  const auto now = tw::store::lines_of_measure(store, "us-301-ev");
  REQUIRE(now.size() == 3);
  CHECK(now[0].key.hs.digits() == "85076000");
  CHECK(now[0].superseded_in == std::nullopt);
  CHECK(now[1].rate.to_string() == "25%");
  CHECK(now[1].valid == tw::Validity{day("2019-05-10"), day("2024-09-27")});
  CHECK(now[1].recorded_in == 2);
  CHECK(now[2].rate.to_string() == "100%");
  CHECK(now[2].valid == tw::Validity{day("2024-09-27"), std::nullopt});
  CHECK(now[2].recorded_in == 2);
  CHECK(tw::store::lines_of_measure(store, "us-301-ev", RecordPoint{2}).size() == 3);
  CHECK(tw::store::lines_of_measure(store, "us-301-ev", RecordPoint{0}).empty());

  SECTION("find_lines and lines_applying see the same record time") {
    const auto goods = tw::ProductCode::parse("8703.80.00").value();
    const auto on = day("2024-10-01");
    const auto known_then =
        tw::store::lines_applying(store, jurisdiction("US"), jurisdiction("CN"), goods, on, RecordPoint{1});
    REQUIRE(known_then.size() == 1);
    CHECK(known_then[0].line.rate.to_string() == "25%");
    const auto known_now = tw::store::lines_applying(store, jurisdiction("US"), jurisdiction("CN"), goods, on);
    REQUIRE(known_now.size() == 1);
    CHECK(known_now[0].line.rate.to_string() == "100%");
    CHECK(known_now[0].measure.authority == "Section 301");

    LineFilter filter;
    filter.measure_id = "us-301-ev";
    CHECK(tw::store::find_lines(store, filter, RecordPoint{1}).size() == 2);
    CHECK(tw::store::find_lines(store, filter).size() == 3);
  }

  SECTION("the views show what is current") {
    CHECK(count_rows(store, "v_tariff_lines") == 3);
    CHECK(count_rows(store, "v_tariff_line_versions") == 4);
  }
}

TEST_CASE("supersede_lines leaves versions already superseded alone", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  write(store, "2024-05-14T12:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, measure("m", "US", "Section 301"), id);
    tw::store::insert_line(store, line("m", "CN", "8703", "25%", "2019-05-10"), id);
  });
  const auto row_id = tw::store::lines_of_measure(store, "m").at(0).row_id;
  const std::vector<std::int64_t> rows{row_id};
  write(store, "2024-05-15T12:00:00Z", [&](auto id) { tw::store::supersede_rows(store, "tariff_lines", rows, id); });
  write(store, "2024-05-16T12:00:00Z", [&](auto id) { tw::store::supersede_rows(store, "tariff_lines", rows, id); });
  CHECK(tw::store::lines_of_measure(store, "m").empty());
  const auto at_first = tw::store::lines_of_measure(store, "m", RecordPoint{1});
  REQUIRE(at_first.size() == 1);
  CHECK(tw::store::lines_of_measure(store, "m", RecordPoint{2}).empty());
  Statement superseded(store.db(), "SELECT superseded_in FROM tariff_lines");
  REQUIRE(superseded.step());
  CHECK(superseded.integer(0) == 2);
}

namespace {

// US and EU lines on cars and batteries, all recorded in changeset 1.
void record_sample_lines(Store& store) {
  write(store, "2024-09-18T12:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, measure("us-mfn", "US", "MFN"), id);
    tw::store::insert_measure(store, measure("us-301-ev", "US", "Section 301"), id);
    tw::store::insert_measure(store, measure("us-232-autos", "US", "Section 232"), id);
    tw::store::insert_measure(store, measure("eu-cvd-bev", "EU", "AD/CVD"), id);
    tw::store::insert_line(store, line("us-mfn", "*", "8703.80.00", "2.5%", "2000-01-01"), id);
    tw::store::insert_line(store, line("us-mfn", "*", "8507.60.00", "3.4%", "2000-01-01"), id);
    tw::store::insert_line(store, line("us-301-ev", "CN", "8703", "25%", "2019-05-10", "2024-09-27"), id);
    tw::store::insert_line(store, line("us-301-ev", "CN", "8703.80.00", "100%", "2024-09-27"), id);
    tw::store::insert_line(store, line("us-301-ev", "HK", "8703.80.00", "100%", "2024-09-27"), id);
    tw::store::insert_line(store, line("us-301-ev", "CN", "8704", "25%", "2019-05-10"), id);
    tw::store::insert_line(store, line("us-301-ev", "CN", "8703.80.00.10", "50%", "2024-09-27"), id);
    tw::store::insert_line(store, line("us-232-autos", "*", "8703", "25%", "2025-04-03"), id);
    tw::store::insert_line(store, line("eu-cvd-bev", "CN", "8703.80.10", "17%", "2024-10-30"), id);
  });
}

} // namespace

TEST_CASE("lines_applying picks lines on covering codes and on origin *", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  record_sample_lines(store);
  const auto us = jurisdiction("US");
  const auto cars = tw::ProductCode::parse("8703.80.00").value();

  CHECK(describe(tw::store::lines_applying(store, us, jurisdiction("CN"), cars, day("2024-10-01"))) ==
        std::vector<std::string>{
            "us-mfn * 87038000 2.5% 2000-01-01",
            "us-301-ev CN 87038000 100% 2024-09-27",
        });
  CHECK(describe(tw::store::lines_applying(store, us, jurisdiction("CN"), cars, day("2024-09-26"))) ==
        std::vector<std::string>{
            "us-mfn * 87038000 2.5% 2000-01-01",
            "us-301-ev CN 8703 25% 2019-05-10",
        });
  CHECK(describe(tw::store::lines_applying(store, us, jurisdiction("CN"), cars, day("2025-05-01"))) ==
        std::vector<std::string>{
            "us-mfn * 87038000 2.5% 2000-01-01",
            "us-232-autos * 8703 25% 2025-04-03",
            "us-301-ev CN 87038000 100% 2024-09-27",
        });
  CHECK(describe(tw::store::lines_applying(store, us, jurisdiction("DE"), cars, day("2025-05-01"))) ==
        std::vector<std::string>{
            "us-mfn * 87038000 2.5% 2000-01-01",
            "us-232-autos * 8703 25% 2025-04-03",
        });
  // A longer code is covered by the lines on 8703.80.00, and has its own.
  CHECK(describe(tw::store::lines_applying(store, us, jurisdiction("CN"),
                                           tw::ProductCode::parse("8703.80.00.10").value(), day("2024-10-01"))) ==
        std::vector<std::string>{
            "us-mfn * 87038000 2.5% 2000-01-01",
            "us-301-ev CN 87038000 100% 2024-09-27",
            "us-301-ev CN 8703800010 50% 2024-09-27",
        });
  // A shorter code is not covered by lines on longer codes.
  CHECK(describe(tw::store::lines_applying(store, us, jurisdiction("CN"), tw::ProductCode::parse("8703").value(),
                                           day("2024-10-01")))
            .empty());
  CHECK(tw::store::lines_applying(store, jurisdiction("EU"), jurisdiction("CN"),
                                  tw::ProductCode::parse("8703.80.10.00").value(), day("2024-11-01"))
            .size() == 1);
}

TEST_CASE("find_lines filters on each field it is given", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  record_sample_lines(store);

  SECTION("no filter: every line") { CHECK(tw::store::find_lines(store, LineFilter{}).size() == 9); }

  SECTION("imposer") {
    LineFilter filter;
    filter.imposer = jurisdiction("EU");
    CHECK(describe(tw::store::find_lines(store, filter)) ==
          std::vector<std::string>{"eu-cvd-bev CN 87038010 17% 2024-10-30"});
  }

  SECTION("origin: that origin or *") {
    LineFilter filter;
    filter.imposer = jurisdiction("US");
    filter.origin = jurisdiction("HK");
    CHECK(describe(tw::store::find_lines(store, filter)) == std::vector<std::string>{
                                                                "us-mfn * 85076000 3.4% 2000-01-01",
                                                                "us-mfn * 87038000 2.5% 2000-01-01",
                                                                "us-232-autos * 8703 25% 2025-04-03",
                                                                "us-301-ev HK 87038000 100% 2024-09-27",
                                                            });
  }

  SECTION("code, related: covering it or under it") {
    LineFilter filter;
    filter.imposer = jurisdiction("US");
    filter.origin = jurisdiction("CN");
    filter.hs = tw::ProductCode::parse("870380").value();
    CHECK(describe(tw::store::find_lines(store, filter)) == std::vector<std::string>{
                                                                "us-mfn * 87038000 2.5% 2000-01-01",
                                                                "us-232-autos * 8703 25% 2025-04-03",
                                                                "us-301-ev CN 8703 25% 2019-05-10",
                                                                "us-301-ev CN 87038000 100% 2024-09-27",
                                                                "us-301-ev CN 8703800010 50% 2024-09-27",
                                                            });
  }

  SECTION("code, covering: only it and shorter codes") {
    LineFilter filter;
    filter.imposer = jurisdiction("US");
    filter.origin = jurisdiction("CN");
    filter.hs = tw::ProductCode::parse("870380").value();
    filter.hs_match = CodeMatch::covering;
    CHECK(describe(tw::store::find_lines(store, filter)) == std::vector<std::string>{
                                                                "us-232-autos * 8703 25% 2025-04-03",
                                                                "us-301-ev CN 8703 25% 2019-05-10",
                                                            });
  }

  SECTION("a code under which nothing is recorded") {
    LineFilter filter;
    filter.hs = tw::ProductCode::parse("8704.10").value();
    CHECK(describe(tw::store::find_lines(store, filter)) ==
          std::vector<std::string>{"us-301-ev CN 8704 25% 2019-05-10"});
    filter.hs = tw::ProductCode::parse("8705").value();
    CHECK(tw::store::find_lines(store, filter).empty());
  }

  SECTION("authority, in any case") {
    LineFilter filter;
    filter.authority = "section 232";
    CHECK(describe(tw::store::find_lines(store, filter)) ==
          std::vector<std::string>{"us-232-autos * 8703 25% 2025-04-03"});
  }

  SECTION("measure") {
    LineFilter filter;
    filter.measure_id = "us-mfn";
    CHECK(tw::store::find_lines(store, filter).size() == 2);
    filter.measure_id = "nope";
    CHECK(tw::store::find_lines(store, filter).empty());
  }

  SECTION("in force on a day, with half-open validity") {
    LineFilter filter;
    filter.measure_id = "us-301-ev";
    filter.origin = jurisdiction("CN");
    filter.on = day("2024-09-27");
    CHECK(describe(tw::store::find_lines(store, filter)) == std::vector<std::string>{
                                                                "us-301-ev CN 87038000 100% 2024-09-27",
                                                                "us-301-ev CN 8703800010 50% 2024-09-27",
                                                                "us-301-ev CN 8704 25% 2019-05-10",
                                                            });
    filter.on = day("2024-09-26");
    CHECK(describe(tw::store::find_lines(store, filter)) == std::vector<std::string>{
                                                                "us-301-ev CN 8703 25% 2019-05-10",
                                                                "us-301-ev CN 8704 25% 2019-05-10",
                                                            });
  }

  SECTION("changing between two days, both included") {
    LineFilter filter;
    filter.imposer = jurisdiction("US");
    filter.changing_between = std::pair{day("2024-09-27"), day("2024-12-31")};
    CHECK(describe(tw::store::find_lines(store, filter)) == std::vector<std::string>{
                                                                "us-301-ev CN 8703 25% 2019-05-10",
                                                                "us-301-ev CN 87038000 100% 2024-09-27",
                                                                "us-301-ev CN 8703800010 50% 2024-09-27",
                                                                "us-301-ev HK 87038000 100% 2024-09-27",
                                                            });
    filter.changing_between = std::pair{day("2024-09-28"), day("2025-04-02")};
    CHECK(tw::store::find_lines(store, filter).empty());
    filter.changing_between = std::pair{day("2025-04-03"), day("2025-04-03")};
    CHECK(tw::store::find_lines(store, filter).size() == 1);
  }
}

TEST_CASE("find_lines attaches each line's measure", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  record_sample_lines(store);
  LineFilter filter;
  filter.imposer = jurisdiction("EU");
  const auto found = tw::store::find_lines(store, filter);
  REQUIRE(found.size() == 1);
  CHECK(found[0].measure.id == "eu-cvd-bev");
  CHECK(found[0].measure.imposer.code() == "EU");
  CHECK(found[0].measure.authority == "AD/CVD");
  CHECK(found[0].line.measure_id == "eu-cvd-bev");
}

TEST_CASE("Store::record_point_at finds the last changeset recorded by a time", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  CHECK(store.record_point_at("2024-05-09").at == 0);
  REQUIRE(write(store, "2024-05-09T10:00:00Z") == 1);
  REQUIRE(write(store, "2024-05-10T08:00:00Z") == 2);
  REQUIRE(write(store, "2024-06-01T00:00:00Z") == 3);

  CHECK(store.record_point_at("2024-05-08").at == 0);
  CHECK(store.record_point_at("2024-05-09T09:59:59Z").at == 0);
  CHECK(store.record_point_at("2024-05-09T10:00:00Z").at == 1);
  CHECK(store.record_point_at("2024-05-09").at == 1);
  CHECK(store.record_point_at("2024-05-10T07:59:59Z").at == 1);
  CHECK(store.record_point_at("2024-05-10T08:00:00Z").at == 2);
  CHECK(store.record_point_at("2024-05-10").at == 2);
  CHECK(store.record_point_at("2024-05-31").at == 2);
  CHECK(store.record_point_at("2024-06-01").at == 3);
  CHECK(store.record_point_at("2030-01-01T00:00:00Z").at == 3);
}

TEST_CASE("Record points bound what acts and measures a query sees", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  write(store, "2024-05-09T10:00:00Z", [&](auto id) { tw::store::insert_act(store, section_301_act(), id); });
  write(store, "2024-05-10T10:00:00Z",
        [&](auto id) { tw::store::insert_measure(store, measure("us-301-ev", "US", "Section 301"), id); });
  const RecordPoint first_day = store.record_point_at("2024-05-09");
  CHECK(first_day.at == 1);
  CHECK(tw::store::find_act(store, "ustr-2024-ev", first_day).has_value());
  CHECK_FALSE(tw::store::find_measure(store, "us-301-ev", first_day).has_value());
  CHECK(tw::store::find_measure(store, "us-301-ev", store.record_point_at("2024-05-10")).has_value());
  CHECK(RecordPoint{}.at == std::numeric_limits<tw::ChangesetId>::max());
}

TEST_CASE("Statement binds and reads values, and resets for reuse", "[store]") {
  TempDir dir;
  Database db(dir / "plain.db", Database::Mode::create);
  db.execute("CREATE TABLE t (i INTEGER, s TEXT)");
  Statement insert(db, "INSERT INTO t VALUES (?1, ?2)");
  insert.bind(1, std::int64_t{1}).bind(2, std::string("one")).run();
  CHECK(db.last_insert_rowid() == 1);
  insert.reset();
  insert.bind(1, std::optional<std::int64_t>{}).bind(2, std::optional<std::string>{"two"}).run();
  insert.reset();
  {
    std::string temporary = "three";
    insert.bind(1, std::int64_t{3}).bind(2, temporary);
    temporary = "changed";
    insert.run();
  }

  Statement select(db, "SELECT i, s FROM t ORDER BY rowid");
  REQUIRE(select.step());
  CHECK(select.integer(0) == 1);
  CHECK(select.text(1) == "one");
  REQUIRE(select.step());
  CHECK(select.is_null(0));
  CHECK(select.optional_integer(0) == std::nullopt);
  CHECK(select.optional_text(1) == "two");
  REQUIRE(select.step());
  CHECK(select.optional_integer(0) == 3);
  CHECK(select.text(1) == "three");
  CHECK_FALSE(select.step());

  const Error error = error_from([&] { Statement broken(db, "SELECT nothing FROM nowhere"); });
  CHECK(error.code() == ExitCode::internal);
}
