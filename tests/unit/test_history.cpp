#include "check/lint.hpp"
#include "cli/recorded_command.hpp"
#include "core/versioning.hpp"
#include "store/acts.hpp"
#include "store/changeset_lookup.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

using tw::ChangesetId;
using tw::cli::recorded_command_word;
using tw::store::RecordPoint;
using tw::store::Store;

using tw::test::code;
using tw::test::day;
using tw::test::jurisdiction;
using tw::test::rate;

namespace {

// A new store in a fresh temporary directory, removed with it.
class TempStore {
public:
  TempStore() {
    std::string pattern = (fs::temp_directory_path() / "tradewatch-history-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    m_dir = pattern;
    m_store.emplace(Store::create(m_dir / "tw.db"));
  }
  ~TempStore() {
    m_store.reset();
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;

  Store& store() { return *m_store; }

  // Runs `body` in one write transaction stamped by a new changeset made by `command`.
  ChangesetId write(const std::string& command, const std::function<void(ChangesetId)>& body) {
    tw::store::Transaction transaction(store().db(), tw::store::Transaction::Kind::immediate);
    const ChangesetId changeset =
        store().record_changeset(tw::Changeset{0, "2024-09-18T12:00:00Z", "tester", "", command, std::nullopt});
    body(changeset);
    transaction.commit();
    return changeset;
  }

private:
  fs::path m_dir;
  std::optional<Store> m_store;
};

tw::Measure ev_measure() {
  tw::Measure measure;
  measure.id = "ev";
  measure.imposer = jurisdiction("US");
  measure.authority = "Section 301";
  return measure;
}

tw::TariffLine ev_line() {
  tw::TariffLine line;
  line.measure_id = "ev";
  line.key.origin = jurisdiction("CN");
  line.key.hs = code("8703.80");
  line.rate = rate("25%");
  line.valid.from = day("2018-07-06");
  return line;
}

} // namespace

TEST_CASE("recorded_command_word finds the command after the global options", "[history]") {
  CHECK(recorded_command_word("tradewatch amend ev --rate 100% --from 2024-09-27") == "amend");
  CHECK(recorded_command_word("tradewatch -q --db store.db add tariff --id ev") == "add");
  CHECK(recorded_command_word("tradewatch --reason 'end of the review' --author ann end ev --on 2025-01-01") == "end");
  CHECK(recorded_command_word("tradewatch --reason 'it'\\''s wrong' correct ev --rate 25%") == "correct");
  CHECK(recorded_command_word("tradewatch --format=json -q undo 3") == "undo");
  CHECK(recorded_command_word("samples/hts.json").empty());
  CHECK(recorded_command_word("tradewatch -q").empty());
}

TEST_CASE("Every version of a measure, its lines and acts is read back with its record interval", "[history]") {
  TempStore temp;
  Store& store = temp.store();
  tw::Act act;
  act.id = "review";
  act.imposer = jurisdiction("US");
  act.title = "Four-year review";
  const ChangesetId added = temp.write("tradewatch add tariff", [&](ChangesetId id) {
    tw::store::insert_act(store, act, id);
    tw::store::insert_measure(store, ev_measure(), id);
    tw::store::insert_line(store, ev_line(), id);
  });
  const ChangesetId amended = temp.write("tradewatch amend ev", [&](ChangesetId id) {
    tw::LineUpdate update;
    update.rate = rate("100%");
    const auto current = tw::store::lines_of_measure(store, "ev");
    tw::store::apply_plan(store, tw::plan_amend(current, day("2024-09-27"), update).value(), id);
    tw::Measure retitled = ev_measure();
    retitled.title = "Section 301 on EVs";
    tw::store::replace_measure(store, retitled, id);
    act.citation = "89 FR 76581";
    tw::store::replace_act(store, act, id);
  });

  const auto every_line = tw::store::lines_of_measure(store, "ev", RecordPoint::all_versions());
  REQUIRE(every_line.size() == 3);
  CHECK(every_line[0].superseded_in == amended);
  CHECK(!every_line[1].superseded_in);

  const auto measures = tw::store::measure_versions(store, "ev", RecordPoint::all_versions());
  REQUIRE(measures.size() == 2);
  CHECK(measures[0].recorded_in == added);
  CHECK(measures[0].superseded_in == amended);
  CHECK(!measures[0].measure.title);
  CHECK(measures[1].measure.title == "Section 301 on EVs");

  const auto acts = tw::store::act_versions(store, "review", RecordPoint::all_versions());
  REQUIRE(acts.size() == 2);
  CHECK(!acts[0].act.citation);
  CHECK(acts[1].act.citation == "89 FR 76581");

  SECTION("every version up to a record point leaves out what was recorded later") {
    const RecordPoint before_amend{added, true};
    CHECK(tw::store::lines_of_measure(store, "ev", before_amend).size() == 1);
    CHECK(tw::store::measure_versions(store, "ev", before_amend).size() == 1);
    CHECK(tw::store::act_versions(store, "review", before_amend).size() == 1);
  }
  SECTION("measures_at and acts_at see what was current at the point") {
    CHECK(tw::store::measures_at(store, RecordPoint{added}).front().title == std::nullopt);
    CHECK(tw::store::measures_at(store).front().title == "Section 301 on EVs");
    CHECK(tw::store::acts_at(store, RecordPoint{added}).front().citation == std::nullopt);
    CHECK(tw::store::acts_at(store).size() == 1);
  }
  SECTION("lookup_changesets finds the changesets that exist") {
    const auto found = tw::store::lookup_changesets(store, {added, amended, 99});
    REQUIRE(found.size() == 2);
    CHECK(found.at(amended).changeset.command == "tradewatch amend ev");
    CHECK(found.at(amended).changeset.recorded_at == "2024-09-18T12:00:00Z");
    CHECK(!found.at(amended).undoes);
  }
  SECTION("lint reads the store as it stood at a record point") {
    const auto before = tw::check::read_lint_input(store, RecordPoint{added});
    CHECK(before.tariffs.size() == 1);
    CHECK(before.acts.front().citation == std::nullopt);
    const auto now = tw::check::read_lint_input(store, RecordPoint{});
    CHECK(now.tariffs.size() == 2);
    CHECK(now.measures.size() == 1);
  }
}
