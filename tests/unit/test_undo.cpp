#include "core/versioning.hpp"
#include "store/acts.hpp"
#include "store/changesets.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"
#include "store/versions.hpp"
#include "store_fixture.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using tw::ChangesetId;
using tw::Error;
using tw::ExitCode;
using tw::store::RecordPoint;
using tw::store::Statement;
using tw::store::Store;

using tw::test::day;
using tw::test::error_from;
using tw::test::jurisdiction;
using tw::test::rate;
using tw::test::TempDir;
using tw::test::write;

namespace {

tw::Act review_act() {
  tw::Act act;
  act.id = "review";
  act.imposer = jurisdiction("US");
  act.title = "Four-year review";
  act.citation = "89 FR 76581";
  return act;
}

tw::Measure ev_measure() {
  tw::Measure measure;
  measure.id = "ev";
  measure.imposer = jurisdiction("US");
  measure.authority = "Section 301";
  return measure;
}

tw::TariffLine ev_line(const std::optional<std::string>& act_id = std::nullopt) {
  tw::TariffLine line;
  line.measure_id = "ev";
  line.key.origin = jurisdiction("CN");
  line.key.hs = tw::test::code("8703.80");
  line.rate = rate("25%");
  line.act_id = act_id;
  line.valid.from = day("2018-07-06");
  return line;
}

// Changeset 1 records measure ev with its 25% line; the measure cites act `act_id` when given.
ChangesetId add_ev(Store& store, const std::optional<std::string>& act_id = std::nullopt) {
  return write(store, "2024-01-01T00:00:00Z", [&](ChangesetId changeset) {
    tw::Measure measure = ev_measure();
    measure.act_id = act_id;
    tw::store::insert_measure(store, measure, changeset);
    tw::store::insert_line(store, ev_line(act_id), changeset);
  });
}

// Raises ev to `rate_text` from `from`.
ChangesetId amend_ev(Store& store, const std::string& recorded_at, const std::string& rate_text,
                     const std::string& from) {
  return write(store, recorded_at, [&](ChangesetId changeset) {
    const auto lines = tw::store::lines_of_measure(store, "ev");
    tw::LineUpdate update;
    update.rate = rate(rate_text);
    tw::store::apply_plan(store, tw::plan_amend(std::span<const tw::TariffLine>(lines), day(from), update).value(),
                          changeset);
  });
}

tw::store::UndoResult undo(Store& store, ChangesetId target, const std::string& recorded_at) {
  tw::store::Transaction transaction(store.db(), tw::store::Transaction::Kind::immediate);
  const auto result = tw::store::undo_changeset(
      store, target, tw::Changeset{0, recorded_at, "tester", "", "tradewatch undo", std::nullopt});
  transaction.commit();
  return result;
}

// What ev's lines say at `point`: rate and validity of each version.
std::vector<std::string> ev_reading(const Store& store, RecordPoint point = {}) {
  std::vector<std::string> reading;
  for (const auto& line : tw::store::lines_of_measure(store, "ev", point)) {
    reading.push_back(line.rate.to_string() + " " + line.valid.from.to_string() + " " +
                      (line.valid.to ? line.valid.to->to_string() : "open"));
  }
  return reading;
}

// A summary of the store that any write changes: the rows of each table and, for versioned
// tables, which are superseded.
std::string dump(const Store& store) {
  std::string rows;
  for (const auto* table : {"changesets", "acts", "measures"}) {
    Statement select(store.db(), std::string("SELECT count(*) FROM ") + table);
    select.step();
    rows += std::string(table) + " " + std::to_string(select.integer(0)) + "\n";
  }
  for (const auto& table : tw::store::versioned_tables()) {
    Statement select(store.db(),
                     "SELECT count(*), group_concat(coalesce(superseded_in, 0)) FROM " + std::string(table.name));
    select.step();
    rows += std::string(table.name) + " " + std::to_string(select.integer(0)) + " " +
            select.optional_text(1).value_or("") + "\n";
  }
  return rows;
}

} // namespace

TEST_CASE("Undo of an add supersedes what it recorded; the id can be used again", "[undo]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  REQUIRE(add_ev(store) == 1);

  const auto result = undo(store, 1, "2024-02-01T00:00:00Z");
  CHECK(result.changeset == 2);
  CHECK(result.undone.id == 1);
  CHECK(result.superseded == 2);
  CHECK(result.restored == 0);
  CHECK_FALSE(tw::store::find_measure(store, "ev").has_value());
  CHECK(ev_reading(store).empty());
  // What the store said before the undo stays visible.
  CHECK(tw::store::find_measure(store, "ev", RecordPoint{1}).has_value());
  CHECK(ev_reading(store, RecordPoint{1}) == std::vector<std::string>{"25% 2018-07-06 open"});
  CHECK(tw::store::find_changeset(store, 2)->undoes == 1);

  write(store, "2024-03-01T00:00:00Z",
        [&](ChangesetId changeset) { tw::store::insert_measure(store, ev_measure(), changeset); });
  CHECK(tw::store::find_measure(store, "ev").has_value());
}

TEST_CASE("Undo of an amend brings the old versions back", "[undo]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  add_ev(store);
  const auto before_amend = ev_reading(store);
  REQUIRE(amend_ev(store, "2024-09-18T00:00:00Z", "100%", "2024-09-27") == 2);
  const auto amended = ev_reading(store);
  CHECK(amended == std::vector<std::string>{"25% 2018-07-06 2024-09-27", "100% 2024-09-27 open"});

  const auto result = undo(store, 2, "2024-09-19T00:00:00Z");
  CHECK(result.superseded == 2);
  CHECK(result.restored == 1);
  CHECK(ev_reading(store) == before_amend);
  CHECK(ev_reading(store, RecordPoint{2}) == amended);
  CHECK(ev_reading(store, RecordPoint{1}) == before_amend);
  // The restored version is a copy recorded by the undo; the original stays superseded.
  const auto lines = tw::store::lines_of_measure(store, "ev");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].recorded_in == 3);
}

TEST_CASE("Undo is refused when a later changeset depends on it, and the store stays unchanged", "[undo]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");

  SECTION("a later changeset changed what it recorded") {
    add_ev(store);
    amend_ev(store, "2024-09-18T00:00:00Z", "100%", "2024-09-27");
    const std::string before = dump(store);
    const Error error = error_from([&] { undo(store, 1, "2024-10-01T00:00:00Z"); });
    CHECK(error.code() == ExitCode::data_error);
    CHECK(std::string(error.what()) == "cannot undo changeset 1: changeset 2 has since changed measure ev");
    CHECK(error.hint() == "undo changeset 2 first");
    CHECK(dump(store) == before);
  }

  SECTION("a later changeset cites an act it created") {
    write(store, "2024-01-01T00:00:00Z",
          [&](ChangesetId changeset) { tw::store::insert_act(store, review_act(), changeset); });
    write(store, "2024-01-02T00:00:00Z", [&](ChangesetId changeset) {
      tw::store::insert_measure(store, ev_measure(), changeset);
      tw::store::insert_line(store, ev_line("review"), changeset);
    });
    const std::string before = dump(store);
    const Error error = error_from([&] { undo(store, 1, "2024-10-01T00:00:00Z"); });
    CHECK(std::string(error.what()) == "cannot undo changeset 1: changeset 2 cites act review, which changeset 1 "
                                       "created");
    CHECK(error.hint() == "undo changeset 2 first");
    CHECK(dump(store) == before);
  }

  SECTION("a later changeset recorded versions the restored ones would overlap") {
    tw::Measure measure = ev_measure();
    measure.id = "acme";
    measure.kind = tw::MeasureKind::listing;
    tw::Listing listing;
    listing.measure_id = "acme";
    listing.list = "Entity List";
    listing.name = "Acme";
    listing.valid.from = day("2020-01-01");
    write(store, "2024-01-01T00:00:00Z", [&](ChangesetId changeset) {
      tw::store::insert_measure(store, measure, changeset);
      tw::store::insert_listing(store, listing, changeset);
    });
    // Delisted in 2021, listed again from 2023.
    write(store, "2024-01-02T00:00:00Z", [&](ChangesetId changeset) {
      const auto versions = tw::store::listing_versions(store, "acme");
      tw::store::apply_plan(store, tw::plan_end(std::span<const tw::Listing>(versions), day("2021-01-01"), {}).value(),
                            changeset);
    });
    write(store, "2024-01-03T00:00:00Z", [&](ChangesetId changeset) {
      const auto versions = tw::store::listing_versions(store, "acme");
      tw::LineUpdate update;
      update.note = "listed again";
      tw::store::apply_plan(
          store, tw::plan_amend(std::span<const tw::Listing>(versions), day("2023-01-01"), update).value(), changeset);
    });
    const std::string before = dump(store);
    const Error error = error_from([&] { undo(store, 2, "2024-10-01T00:00:00Z"); });
    CHECK(std::string(error.what()) ==
          "cannot undo changeset 2: changeset 3 has since recorded a version of measure acme that the restored "
          "versions would overlap");
    CHECK(error.hint() == "undo changeset 3 first");
    CHECK(dump(store) == before);
  }

  SECTION("it would restore versions citing an act that was undone since") {
    write(store, "2024-01-01T00:00:00Z",
          [&](ChangesetId changeset) { tw::store::insert_act(store, review_act(), changeset); });
    add_ev(store, "review");
    undo(store, 2, "2024-01-03T00:00:00Z");
    undo(store, 1, "2024-01-04T00:00:00Z");
    const std::string before = dump(store);
    const Error error = error_from([&] { undo(store, 3, "2024-10-01T00:00:00Z"); });
    CHECK(std::string(error.what()) == "cannot undo changeset 3: it would restore versions that cite act review, "
                                       "which changeset 4 has since removed");
    CHECK(error.hint() == "undo changeset 4 first");
    CHECK(dump(store) == before);
  }

  SECTION("it was undone already, or does not exist") {
    add_ev(store);
    undo(store, 1, "2024-02-01T00:00:00Z");
    const std::string before = dump(store);
    const Error again = error_from([&] { undo(store, 1, "2024-10-01T00:00:00Z"); });
    CHECK(again.code() == ExitCode::data_error);
    CHECK(std::string(again.what()) == "changeset 1 was already undone by changeset 2");
    CHECK(again.hint() == "'tradewatch undo 2' redoes it");
    const Error unknown = error_from([&] { undo(store, 9, "2024-10-01T00:00:00Z"); });
    CHECK(std::string(unknown.what()) == "no changeset 9");
    CHECK(unknown.hint() == "'tradewatch log' lists the changesets");
    CHECK(dump(store) == before);
  }
}

TEST_CASE("Undoing an undo redoes the change", "[undo]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  add_ev(store);
  amend_ev(store, "2024-09-18T00:00:00Z", "100%", "2024-09-27");
  const auto amended = ev_reading(store);
  undo(store, 2, "2024-09-19T00:00:00Z");
  CHECK(tw::store::latest_changeset_not_undone(store) == 3);

  const auto redo = undo(store, 3, "2024-09-20T00:00:00Z");
  CHECK(redo.superseded == 1);
  CHECK(redo.restored == 2);
  CHECK(ev_reading(store) == amended);
  CHECK(tw::store::latest_changeset_not_undone(store) == 4);

  const Error error = error_from([&] { undo(store, 2, "2024-10-01T00:00:00Z"); });
  CHECK(std::string(error.what()) == "changeset 2 was already undone by changeset 3");
  CHECK(error.hint() == "changeset 4 redid it; 'tradewatch undo 4' reverses it again");

  // The redone amendment can be undone again through its redo, and then the add under it.
  undo(store, 4, "2024-09-21T00:00:00Z");
  CHECK(ev_reading(store) == std::vector<std::string>{"25% 2018-07-06 open"});
  undo(store, 1, "2024-09-22T00:00:00Z");
  CHECK(ev_reading(store).empty());
  CHECK_FALSE(tw::store::find_measure(store, "ev").has_value());
}

TEST_CASE("Undo of the amend, then of the add under it, follows the restored copies", "[undo]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  add_ev(store);
  amend_ev(store, "2024-09-18T00:00:00Z", "100%", "2024-09-27");
  undo(store, 2, "2024-09-19T00:00:00Z");
  const auto result = undo(store, 1, "2024-09-20T00:00:00Z");
  CHECK(result.superseded == 2); // the measure version and the copy of its line that changeset 3 restored
  CHECK(ev_reading(store).empty());
  CHECK(ev_reading(store, RecordPoint{3}) == std::vector<std::string>{"25% 2018-07-06 open"});
}

TEST_CASE("A correction through plan_correct supersedes in record time only", "[undo][correct]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  add_ev(store);
  amend_ev(store, "2024-09-18T00:00:00Z", "100%", "2024-09-27");
  // The rate before the review was recorded wrongly: it was 27.5%.
  const ChangesetId correction = write(store, "2024-10-01T00:00:00Z", [&](ChangesetId changeset) {
    const auto lines = tw::store::lines_of_measure(store, "ev");
    tw::Correction fix;
    fix.update.rate = rate("27.5%");
    tw::store::apply_plan(
        store, tw::plan_correct(std::span<const tw::TariffLine>(lines), day("2020-01-01"), fix).value(), changeset);
  });
  CHECK(ev_reading(store) == std::vector<std::string>{"27.5% 2018-07-06 2024-09-27", "100% 2024-09-27 open"});
  CHECK(ev_reading(store, RecordPoint{2}) ==
        std::vector<std::string>{"25% 2018-07-06 2024-09-27", "100% 2024-09-27 open"});

  const auto log = tw::store::changeset_log(store);
  REQUIRE(log.size() == 3);
  CHECK(log[0].changeset.id == correction);
  CHECK(log[0].inserted == 1);
  CHECK(log[0].superseded == 1);

  // Undoing the correction gives back what the store said before it.
  undo(store, correction, "2024-10-02T00:00:00Z");
  CHECK(ev_reading(store) == ev_reading(store, RecordPoint{2}));
}

TEST_CASE("The changeset log counts the row versions each changeset recorded and superseded", "[undo][log]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  write(store, "2024-01-01T00:00:00Z",
        [&](ChangesetId changeset) { tw::store::insert_act(store, review_act(), changeset); });
  add_ev(store, "review");
  amend_ev(store, "2024-09-18T00:00:00Z", "100%", "2024-09-27");
  undo(store, 3, "2024-09-19T00:00:00Z");

  const auto log = tw::store::changeset_log(store);
  REQUIRE(log.size() == 4);
  struct Expected {
    ChangesetId id;
    std::int64_t inserted;
    std::int64_t superseded;
    std::optional<ChangesetId> undoes;
    std::optional<ChangesetId> undone_by;
  };
  const std::vector<Expected> expected{{4, 1, 2, 3, std::nullopt},
                                       {3, 2, 1, std::nullopt, 4},
                                       {2, 2, 0, std::nullopt, std::nullopt},
                                       {1, 1, 0, std::nullopt, std::nullopt}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(log[i].changeset.id == expected[i].id);
    CHECK(log[i].inserted == expected[i].inserted);
    CHECK(log[i].superseded == expected[i].superseded);
    CHECK(log[i].changeset.undoes == expected[i].undoes);
    CHECK(log[i].undone_by == expected[i].undone_by);
  }
  CHECK(log[0].changeset.command == "tradewatch undo");
  CHECK(log[3].changeset.recorded_at == "2024-01-01T00:00:00Z");

  const auto latest = tw::store::changeset_log(store, 2);
  REQUIRE(latest.size() == 2);
  CHECK(latest[0].changeset.id == 4);
  CHECK(latest[1].changeset.id == 3);
}
