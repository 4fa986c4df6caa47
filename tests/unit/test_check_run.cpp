#include "check/check_run.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"
#include "store_fixture.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using tw::check::CheckFile;
using tw::check::Outcome;
using tw::store::Store;
using tw::test::code;
using tw::test::day;
using tw::test::jurisdiction;
using tw::test::rate;
using tw::test::TempDir;

namespace {

// A store with the Section 301 EV line (25%, then 100% from 2024-09-27), MFN 2.5% and one
// Entity List entry, opened read-only as `check` opens it.
Store ev_store(const TempDir& dir) {
  {
    Store store = Store::create(dir / "tw.db");
    tw::test::write(store, "2024-09-18T12:00:00Z", [&](tw::ChangesetId changeset) {
      const auto add_line = [&](const std::string& id, const std::string& authority, const std::string& origin,
                                const std::string& from, const std::optional<std::string>& to, const std::string& duty,
                                bool new_measure) {
        if (new_measure) {
          tw::Measure measure;
          measure.id = id;
          measure.imposer = jurisdiction("US");
          measure.authority = authority;
          tw::store::insert_measure(store, measure, changeset);
        }
        tw::TariffLine line;
        line.measure_id = id;
        line.key.origin = jurisdiction(origin);
        line.key.hs = code("8703.80.00");
        line.rate = rate(duty);
        line.valid.from = day(from);
        if (to) {
          line.valid.to = day(*to);
        }
        tw::store::insert_line(store, line, changeset);
      };
      add_line("ev", "Section 301", "CN", "2018-07-06", "2024-09-27", "25%", true);
      add_line("ev", "Section 301", "CN", "2024-09-27", std::nullopt, "100%", false);
      add_line("mfn", "MFN", "*", "2018-01-01", std::nullopt, "2.5%", true);
      tw::Measure entry;
      entry.id = "acme";
      entry.kind = tw::MeasureKind::listing;
      entry.imposer = jurisdiction("US");
      entry.authority = "EAR 744";
      tw::store::insert_measure(store, entry, changeset);
      tw::Listing listing;
      listing.measure_id = "acme";
      listing.list = "Entity List";
      listing.name = "Acme Quantum Co., Ltd.";
      listing.aliases = {"Acme Q"};
      listing.country = jurisdiction("CN");
      listing.valid.from = day("2024-05-09");
      tw::store::insert_listing(store, listing, changeset);
    });
  }
  return Store::open(dir / "tw.db", Store::Access::read_only);
}

const char* const k_checks = R"(# EV checks
[[rate]]
name = "EV 301 before"
imposer = "US"
origin = "CN"
hs = "8703.80.00"
on = 2024-09-26
authority = "Section 301"
expect = "25%"  # List 1

[[rate]]
name = "EV total after"
imposer = "US"
origin = "CN"
hs = "8703.80.00"
on = 2024-10-01
expect = "27.5%"

[[rate]]
name = "no Section 232"
imposer = "US"
origin = "CN"
hs = "8703.80.00"
on = 2024-10-01
authority = "Section 232"
expect = "25%"

[[listed]]
name = "acme by alias"
list = "entity list"
entity = "ACME Q"
on = 2024-05-09
expect = true

[[listed]]
name = "acme before"
list = "Entity List"
entity = "Acme Quantum Co., Ltd."
on = 2024-05-08
expect = true

[[count]]
name = "tariff measures on CN"
kind = "tariff"
origin = "CN"
on = 2024-10-01
expect = 2

[[query]]
name = "versions"
sql = "SELECT count(*) FROM v_tariff_lines"
expect = 3

[[query]]
name = "rates"
sql = "SELECT measure, rate FROM v_tariff_lines ORDER BY measure, valid_from"
expect-rows = [
  ["ev", "25%"],
  ["mfn", "2.5%"],
]

[[query]]
name = "row count"
sql = "SELECT * FROM v_listings"
expect-count = 1

[[golden]]
name = "golden"
command = "list"
output = "golden/list.txt"

[[lint]]
name = "lint"
rules = ["overlap"]
)";

struct Run {
  TempDir dir;
  Store store;
  std::vector<CheckFile> files;
  std::vector<std::vector<std::string>> commands;
  std::vector<Outcome> outcomes;

  explicit Run(const std::string& text) : store(ev_store(dir)) {
    files.push_back(tw::check::parse_check_file((dir / "checks.toml").string(), text));
    std::filesystem::create_directories(dir / "golden");
    std::ofstream(dir / "golden/list.txt") << "ev\nmfn\n";
    outcomes = tw::check::run_checks(store, files, [&](const std::vector<std::string>& args) {
      commands.push_back(args);
      return tw::check::CommandOutput{0, "ev\nmfn\nacme\n", ""};
    });
  }

  std::string failures() const {
    std::string text;
    for (const auto& outcome : outcomes) {
      if (!outcome.passed) {
        text += tw::check::failure_text(outcome).substr(files[0].path.size()) + "\n";
      }
    }
    return text;
  }
};

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("checks run against the store and fail with what they expected and got", "[check_run]") {
  Run run(k_checks);
  REQUIRE(run.outcomes.size() == 11);
  CHECK(run.failures() == ":11: EV total after: expected 27.5% got 102.5%\n"
                          ":19: no Section 232: expected 25% got no Section 232 layer\n"
                          ":35: acme before: expected listed got not listed\n"
                          ":54: rates: expected row 2 [\"mfn\", \"2.5%\"] got [\"ev\", \"100%\"]\n"
                          ":67: golden: expected the output in golden/list.txt got another output\n"
                          "  @@ line 3 @@\n"
                          "  +acme\n");
  CHECK(run.commands == std::vector<std::vector<std::string>>{{"list"}});
}

TEST_CASE("JUnit XML has a test case per check, the failure text in the failed ones", "[check_run]") {
  Run run(R"([[count]]
name = "tariffs <on> \"CN\""
origin = "CN"
expect = 3

[[count]]
name = "listings & more"
kind = "listing"
expect = 5
)");
  std::ostringstream xml;
  tw::check::write_junit(xml, run.outcomes);
  const std::string file = run.files[0].path;
  CHECK(xml.str() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites name=\"tradewatch check\" tests=\"2\" failures=\"1\">\n"
                     "  <testsuite name=\"" +
                         file +
                         "\" tests=\"2\" failures=\"1\">\n"
                         "    <testcase classname=\"" +
                         file + "\" name=\"tariffs &lt;on&gt; &quot;CN&quot;\" file=\"" + file +
                         "\" line=\"1\"/>\n"
                         "    <testcase classname=\"" +
                         file + "\" name=\"listings &amp; more\" file=\"" + file +
                         "\" line=\"6\">\n"
                         "      <failure message=\"expected 5 got 1\">" +
                         file +
                         ":6: listings &amp; more: expected 5 got 1</failure>\n"
                         "    </testcase>\n"
                         "  </testsuite>\n"
                         "</testsuites>\n");
}

TEST_CASE("updating rewrites only the expected values, and golden files", "[check_run]") {
  Run run(k_checks);
  CHECK(tw::check::update_checks(run.files, run.outcomes) == 4);
  const std::string updated = read(run.files[0].path);
  std::string expected = k_checks;
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = expected.find(from);
    REQUIRE(at != std::string::npos);
    expected.replace(at, from.size(), to);
  };
  replace("expect = \"27.5%\"", "expect = \"102.5%\"");
  replace("on = 2024-05-08\nexpect = true", "on = 2024-05-08\nexpect = false");
  replace("expect-rows = [\n  [\"ev\", \"25%\"],\n  [\"mfn\", \"2.5%\"],\n]",
          "expect-rows = [\n  [\"ev\", \"25%\"],\n  [\"ev\", \"100%\"],\n  [\"mfn\", \"2.5%\"],\n]");
  // The failed check with no answer to record (no Section 232 layer) stays as it was.
  CHECK(updated == expected);
  CHECK(read(run.dir / "golden/list.txt") == "ev\nmfn\nacme\n");
  // Run again on the updated file: only the check without an answer fails.
  Run again(updated);
  // One more row in expect-rows moves the golden check a line down.
  CHECK(again.failures() == ":19: no Section 232: expected 25% got no Section 232 layer\n"
                            ":68: golden: expected the output in golden/list.txt got another output\n"
                            "  @@ line 3 @@\n"
                            "  +acme\n");
}

TEST_CASE("a query the guard refuses is a check-file error at its SQL", "[check_run]") {
  TempDir dir;
  const Store store = ev_store(dir);
  const std::vector<CheckFile> files{tw::check::parse_check_file("checks.toml", R"([[query]]
name = "sneaky"
sql = "PRAGMA user_version = 5"
expect = 5
)")};
  const tw::Error error = tw::test::error_from([&] { tw::check::refuse_unsafe_queries(store, files); });
  CHECK(error.code() == tw::ExitCode::data_error);
  CHECK(std::string(error.what()) == "checks.toml:3:7: sneaky: PRAGMA user_version = 5 is refused: queries only read");
}
