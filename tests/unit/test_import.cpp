#include "io/import.hpp"
#include "store/acts.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"
#include "store/store.hpp"
#include "store/tariff_lines.hpp"
#include "temp_store.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using tw::Act;
using tw::Changeset;
using tw::Error;
using tw::ExitCode;
using tw::Listing;
using tw::Measure;
using tw::MeasureKind;
using tw::TariffLine;
using tw::Validity;
using tw::io::Importer;
using tw::io::ImportOptions;
using tw::io::ImportResult;
using tw::io::ReconcileMode;
using tw::io::RowSource;
using tw::io::SourcePosition;
using tw::store::Store;

using tw::test::code;
using tw::test::day;
using tw::test::error_from;
using tw::test::jurisdiction;
using tw::test::rate;
using tw::test::select_integer;
using tw::test::TempStore;

namespace {

ImportOptions options(ReconcileMode mode, const std::string& as_of = "2026-01-01") {
  ImportOptions result;
  result.mode = mode;
  result.as_of = day(as_of);
  return result;
}

Changeset changeset() {
  return Changeset{0, "2026-01-01T00:00:00Z", "tester", "", "tradewatch import t.csv", std::nullopt};
}

RowSource at_line(std::size_t line) { return RowSource{SourcePosition{"t.csv", line, 1}, {}}; }

Measure tariff_measure(const std::string& id) {
  Measure measure;
  measure.id = id;
  measure.kind = MeasureKind::tariff;
  measure.imposer = jurisdiction("US");
  measure.authority = "Section 301";
  return measure;
}

TariffLine tariff_line(const std::string& hs, const std::string& rate_text, const std::string& from,
                       const std::optional<std::string>& to = std::nullopt) {
  TariffLine line;
  line.key.origin = jurisdiction("CN");
  line.key.hs = code(hs);
  line.rate = rate(rate_text);
  line.valid = Validity{day(from), to ? std::optional(day(*to)) : std::nullopt};
  return line;
}

Measure listing_measure() {
  Measure measure;
  measure.kind = MeasureKind::listing;
  measure.imposer = jurisdiction("US");
  return measure;
}

Listing listing(const std::string& key, const std::string& name, const std::string& from = "2024-05-09") {
  Listing entry;
  entry.list = "Entity List";
  entry.name = name;
  entry.country = jurisdiction("CN");
  entry.source_key = key;
  entry.valid = Validity{day(from), std::nullopt};
  return entry;
}

// Imports the tariff lines of measure `ev` given as (hs, rate, from, to) rows.
ImportResult import_tariffs(Store& store, ReconcileMode mode, const std::vector<TariffLine>& lines,
                            bool dry_run = false) {
  ImportOptions import_options = options(mode);
  import_options.dry_run = dry_run;
  Importer importer(store, import_options);
  std::size_t line_number = 2;
  for (const auto& line : lines) {
    importer.stage_tariff(tariff_measure("ev"), line, at_line(line_number++));
  }
  return importer.finish(changeset());
}

ImportResult import_listings(Store& store, const std::vector<Listing>& entries, const std::string& as_of) {
  Importer importer(store, options(ReconcileMode::snapshot, as_of));
  std::size_t line_number = 2;
  for (const auto& entry : entries) {
    importer.stage_listing(listing_measure(), entry, at_line(line_number++));
  }
  return importer.finish(changeset());
}

// The current versions of the lines of measure `ev`, as "hs rate from..to".
std::vector<std::string> current_lines(const Store& store) {
  std::vector<std::string> lines;
  for (const auto& line : tw::store::lines_of_measure(store, "ev")) {
    lines.push_back(line.key.hs.digits() + " " + line.rate.to_string() + " " + line.valid.from.to_string() + ".." +
                    (line.valid.to ? line.valid.to->to_string() : ""));
  }
  return lines;
}

} // namespace

TEST_CASE("history import adds a new measure and its lines as one changeset", "[import]") {
  TempStore temp;
  const auto result =
      import_tariffs(temp.store(), ReconcileMode::history,
                     {tariff_line("8703.80", "25%", "2018-07-06"), tariff_line("8703.80", "100%", "2024-09-27"),
                      tariff_line("8703.60", "25%", "2018-07-06", "2024-09-27")});
  CHECK(result.tariff_measures.added == 1);
  CHECK(result.tariff_lines.added == 2);
  CHECK(result.rows == 3);
  REQUIRE(result.changeset == 1);
  // A row without `to` ends where the next row of its line starts.
  CHECK(current_lines(temp.store()) == std::vector<std::string>{"870360 25% 2018-07-06..2024-09-27",
                                                                "870380 25% 2018-07-06..2024-09-27",
                                                                "870380 100% 2024-09-27.."});
  CHECK(select_integer(temp.store(), "SELECT count(*) FROM changesets") == 1);
  CHECK(select_integer(temp.store(), "SELECT count(*) FROM sqlite_temp_schema") == 0);
}

TEST_CASE("history import of the same rows changes nothing and records no changeset", "[import]") {
  TempStore temp;
  const std::vector<TariffLine> rows{tariff_line("8703.80", "25%", "2018-07-06"),
                                     tariff_line("8703.80", "100%", "2024-09-27")};
  import_tariffs(temp.store(), ReconcileMode::history, rows);
  const auto again = import_tariffs(temp.store(), ReconcileMode::history, rows);
  CHECK(again.changed() == 0);
  CHECK(again.tariff_lines.unchanged == 1);
  CHECK(again.tariff_measures.unchanged == 1);
  CHECK_FALSE(again.changeset.has_value());
  CHECK(select_integer(temp.store(), "SELECT count(*) FROM changesets") == 1);
}

TEST_CASE("history import replaces the versions over the time the file covers", "[import]") {
  TempStore temp;
  import_tariffs(temp.store(), ReconcileMode::history, {tariff_line("8703.80", "25%", "2018-07-06")});

  SECTION("a new step splits the version in force and names the changed field") {
    const auto result =
        import_tariffs(temp.store(), ReconcileMode::history, {tariff_line("8703.80", "100%", "2024-09-27")});
    CHECK(result.tariff_lines.modified == 1);
    CHECK(result.tariff_lines.fields == std::map<std::string, std::size_t>{{"rate", 1}});
    CHECK(current_lines(temp.store()) ==
          std::vector<std::string>{"870380 25% 2018-07-06..2024-09-27", "870380 100% 2024-09-27.."});
    // The old version stays in the store, superseded in record time.
    CHECK(select_integer(temp.store(), "SELECT count(*) FROM tariff_lines WHERE superseded_in = 2") == 1);
  }
  SECTION("ending a line before the as-of date counts as a deletion") {
    const auto result = import_tariffs(temp.store(), ReconcileMode::history,
                                       {tariff_line("8703.80", "25%", "2018-07-06", "2025-06-01")});
    CHECK(result.tariff_lines.deleted == 1);
    CHECK(current_lines(temp.store()) == std::vector<std::string>{"870380 25% 2018-07-06..2025-06-01"});
  }
  SECTION("ending it after the as-of date is a modification of `to`") {
    const auto result = import_tariffs(temp.store(), ReconcileMode::history,
                                       {tariff_line("8703.80", "25%", "2018-07-06", "2027-01-01")});
    CHECK(result.tariff_lines.modified == 1);
    CHECK(result.tariff_lines.fields == std::map<std::string, std::size_t>{{"to", 1}});
  }
  SECTION("lines the file does not hold are left alone") {
    const auto result =
        import_tariffs(temp.store(), ReconcileMode::history, {tariff_line("8703.60", "25%", "2018-07-06")});
    CHECK(result.tariff_lines.added == 1);
    CHECK(current_lines(temp.store()).size() == 2);
  }
}

TEST_CASE("overlapping versions of a line are an error at the later row, and nothing is written", "[import]") {
  TempStore temp;
  const Error error = error_from([&] {
    import_tariffs(
        temp.store(), ReconcileMode::history,
        {tariff_line("8703.80", "25%", "2018-07-06", "2025-01-01"), tariff_line("8703.80", "100%", "2024-09-27")});
  });
  CHECK(error.code() == ExitCode::data_error);
  CHECK(std::string(error.what()) == "t.csv:3:1: measure ev, line CN 8703.80: the version from 2024-09-27 overlaps "
                                     "the version from 2018-07-06 to 2025-01-01 (at t.csv:2:1)");
  CHECK(select_integer(temp.store(), "SELECT count(*) FROM measures") == 0);
  CHECK(select_integer(temp.store(), "SELECT count(*) FROM changesets") == 0);
}

TEST_CASE("rows of one measure must give its fields alike", "[import]") {
  TempStore temp;
  Importer importer(temp.store(), options(ReconcileMode::history));
  importer.stage_tariff(tariff_measure("ev"), tariff_line("8703.80", "25%", "2018-07-06"), at_line(2));
  Measure other = tariff_measure("ev");
  other.authority = "Section 232";
  const Error error =
      error_from([&] { importer.stage_tariff(other, tariff_line("8703.60", "25%", "2018-07-06"), at_line(3)); });
  CHECK(std::string(error.what()) ==
        "t.csv:3:1: measure ev: authority \"Section 232\" differs from \"Section 301\" given at t.csv:2:1");
}

TEST_CASE("an unknown act is an error at its row", "[import]") {
  TempStore temp;
  TariffLine line = tariff_line("8703.80", "25%", "2018-07-06");
  line.act_id = "no-such-act";
  const Error error = error_from([&] { import_tariffs(temp.store(), ReconcileMode::history, {line}); });
  CHECK(std::string(error.what()) == "t.csv:2:1: act no-such-act: no such act");
}

TEST_CASE("acts are added, or corrected when they differ", "[import]") {
  TempStore temp;
  auto import_act = [&](const std::string& title) {
    Importer importer(temp.store(), options(ReconcileMode::history));
    Act act;
    act.id = "review";
    act.imposer = jurisdiction("US");
    act.title = title;
    act.citation = "89 FR 76581";
    importer.stage_act(act, at_line(2));
    return importer.finish(changeset());
  };
  CHECK(import_act("Four-year review").acts.added == 1);
  CHECK(import_act("Four-year review").acts.unchanged == 1);
  const auto corrected = import_act("Four-year review: modifications");
  CHECK(corrected.acts.modified == 1);
  CHECK(corrected.acts.fields == std::map<std::string, std::size_t>{{"title", 1}});
  CHECK(tw::store::find_act(temp.store(), "review")->title == "Four-year review: modifications");
}

TEST_CASE("a dry run counts the changes and leaves the store unchanged", "[import]") {
  TempStore temp;
  import_tariffs(temp.store(), ReconcileMode::history, {tariff_line("8703.80", "25%", "2018-07-06")});
  const auto result =
      import_tariffs(temp.store(), ReconcileMode::history, {tariff_line("8703.80", "100%", "2024-09-27")}, true);
  CHECK(result.dry_run);
  CHECK(result.tariff_lines.modified == 1);
  CHECK_FALSE(result.changeset.has_value());
  CHECK(select_integer(temp.store(), "SELECT count(*) FROM changesets") == 1);
  CHECK(current_lines(temp.store()) == std::vector<std::string>{"870380 25% 2018-07-06.."});
}

TEST_CASE("snapshot import adds, amends from the as-of date, and delists what vanished", "[import]") {
  TempStore temp;
  const auto first = import_listings(
      temp.store(), {listing("EL-1", "Beijing Quantum"), listing("EL-2", "Hefei Physics")}, "2024-05-09");
  CHECK(first.listings.added == 2);
  REQUIRE(first.changeset.has_value());
  // New listings without an id get one, as `add listing` gives them.
  CHECK(tw::store::find_measure(temp.store(), "us-entity-list-1").has_value());

  const auto second = import_listings(
      temp.store(), {listing("EL-1", "Beijing Quantum Co."), listing("EL-3", "Origin Quantum", "2025-01-15")},
      "2025-01-15");
  CHECK(second.listings.added == 1);
  CHECK(second.listings.modified == 1);
  CHECK(second.listings.fields == std::map<std::string, std::size_t>{{"name", 1}});
  CHECK(second.listings.deleted == 1);

  tw::store::ListingFilter filter;
  filter.source_key = "EL-1";
  const auto renamed = tw::store::find_listings(temp.store(), filter);
  REQUIRE(renamed.size() == 2);
  CHECK(renamed[0].line.name == "Beijing Quantum");
  CHECK(renamed[0].line.valid.to == day("2025-01-15"));
  CHECK(renamed[1].line.name == "Beijing Quantum Co.");
  CHECK(renamed[1].line.valid.from == day("2025-01-15"));

  filter.source_key = "EL-2";
  const auto delisted = tw::store::find_listings(temp.store(), filter);
  REQUIRE(delisted.size() == 1);
  CHECK(delisted[0].line.valid.to == day("2025-01-15")); // ended, never deleted

  const auto third = import_listings(
      temp.store(), {listing("EL-1", "Beijing Quantum Co."), listing("EL-3", "Origin Quantum", "2025-01-15")},
      "2025-02-01");
  CHECK(third.changed() == 0);
  CHECK(third.listings.unchanged == 2);
}

TEST_CASE("a snapshot ends only lists it covers", "[import]") {
  TempStore temp;
  Listing sdn = listing("SDN-1", "Some Vessel");
  sdn.list = "SDN";
  import_listings(temp.store(), {listing("EL-1", "Beijing Quantum"), sdn}, "2024-05-09");
  const auto result = import_listings(temp.store(), {listing("EL-1", "Beijing Quantum")}, "2025-01-15");
  CHECK(result.listings.unchanged == 1);
  CHECK(result.listings.deleted == 0);
}

TEST_CASE("a line given twice in a snapshot is an error", "[import]") {
  TempStore temp;
  const Error error = error_from([&] {
    import_listings(temp.store(), {listing("EL-1", "A"), listing("EL-1", "B")}, "2024-05-09");
  });
  CHECK(std::string(error.what()) == "t.csv:3:1: listing with source key EL-1: given twice (first at t.csv:2:1)");
  CHECK(select_integer(temp.store(), "SELECT count(*) FROM listings") == 0);
}
