#include "store/read_only_sql.hpp"
#include "store_fixture.hpp"

#include <catch2/catch.hpp>

#include <string>

using tw::store::run_read_only_sql;
using tw::store::Store;
using tw::test::error_from;
using tw::test::TempDir;

namespace {

// A store opened read-only, as `query` and `check` open it.
struct ReadOnlyStore {
  TempDir dir;
  Store store;
  ReadOnlyStore() : store(make(dir)) {}
  static Store make(const TempDir& dir) {
    (void)Store::create(dir / "tw.db");
    return Store::open(dir / "tw.db", Store::Access::read_only);
  }
};

std::string refusal(const Store& store, const std::string& sql) {
  const tw::Error error = error_from([&] { (void)run_read_only_sql(store, sql); });
  CHECK(error.code() == tw::ExitCode::usage);
  return error.what();
}

} // namespace

TEST_CASE("a read-only query returns its columns and typed values", "[read_only_sql]") {
  ReadOnlyStore temp;
  const auto result =
      run_read_only_sql(temp.store, "SELECT 1 AS one, 2.5 AS half, 'text' AS word, NULL AS missing, 100.0 AS whole");
  CHECK(result.columns == std::vector<std::string>{"one", "half", "word", "missing", "whole"});
  REQUIRE(result.rows.size() == 1);
  std::vector<std::string> texts;
  for (const auto& value : result.rows[0]) {
    texts.push_back(tw::store::sql_value_text(value));
  }
  CHECK(texts == std::vector<std::string>{"1", "2.5", "text", "", "100"});
  CHECK(run_read_only_sql(temp.store, "SELECT count(*) FROM v_tariff_lines").rows.size() == 1);
  CHECK(run_read_only_sql(temp.store, "PRAGMA table_info(v_listings)").rows.size() > 5);
}

TEST_CASE("statements that write are refused", "[read_only_sql]") {
  ReadOnlyStore temp;
  const Store& store = temp.store;
  CHECK(refusal(store, "INSERT INTO changesets (recorded_at, author, reason, command) VALUES ('x', 'a', '', '')") ==
        "INSERT into changesets is refused: queries only read");
  CHECK(refusal(store, "UPDATE changesets SET author = 'x'") == "UPDATE of changesets is refused: queries only read");
  CHECK(refusal(store, "DELETE FROM changesets") == "DELETE from changesets is refused: queries only read");
  CHECK(refusal(store, "CREATE TABLE t (x)") == "a statement that changes the store or its schema is refused: "
                                                "queries only read");
  CHECK(refusal(store, "CREATE TEMP VIEW v AS SELECT 1").ends_with("is refused: queries only read"));
  CHECK(refusal(store, "DROP VIEW v_acts").ends_with("is refused: queries only read"));
  CHECK(refusal(store, "BEGIN") == "a transaction statement is refused: queries only read");
  CHECK(refusal(store, "WITH x AS (SELECT 1) DELETE FROM changesets") ==
        "DELETE from changesets is refused: queries only read");
}

TEST_CASE("ATTACH, pragmas and extension loading are refused", "[read_only_sql]") {
  ReadOnlyStore temp;
  const Store& store = temp.store;
  CHECK(refusal(store, "ATTACH DATABASE ':memory:' AS other") == "ATTACH is refused: queries only read");
  CHECK(refusal(store, "PRAGMA user_version = 5") == "PRAGMA user_version = 5 is refused: queries only read");
  CHECK(refusal(store, "PRAGMA journal_mode = DELETE") == "PRAGMA journal_mode = DELETE is refused: queries only read");
  CHECK(refusal(store, "PRAGMA user_version") == "PRAGMA user_version is refused: queries only read");
  CHECK(refusal(store, "SELECT load_extension('/tmp/evil.so')") == "load_extension() is refused: queries only read");
}

TEST_CASE("only one statement runs, and it must compile", "[read_only_sql]") {
  ReadOnlyStore temp;
  CHECK(refusal(temp.store, "SELECT 1; DELETE FROM changesets") ==
        "the SQL holds more than one statement; a query is one SELECT");
  CHECK(refusal(temp.store, "SELECT 1; SELECT 2") == "the SQL holds more than one statement; a query is one SELECT");
  CHECK(run_read_only_sql(temp.store, "SELECT 1;  \n").rows.size() == 1);
  CHECK(refusal(temp.store, "SELECT * FROM nosuch") == "the SQL does not compile: no such table: nosuch");
  CHECK(refusal(temp.store, "  ") == "the SQL holds no statement");
}

TEST_CASE("a query needs a store opened read-only", "[read_only_sql]") {
  TempDir dir;
  (void)Store::create(dir / "tw.db");
  const Store writable = Store::open(dir / "tw.db", Store::Access::read_write);
  const tw::Error error = error_from([&] { (void)run_read_only_sql(writable, "SELECT 1"); });
  CHECK(error.code() == tw::ExitCode::internal);
  // What the guard refuses does not reach the file.
  ReadOnlyStore temp;
  (void)refusal(temp.store, "PRAGMA user_version = 5");
  tw::store::Statement version(temp.store.db(), "PRAGMA user_version");
  REQUIRE(version.step());
  CHECK(version.integer(0) == tw::store::current_schema_version());
}
