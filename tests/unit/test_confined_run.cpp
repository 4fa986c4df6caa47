#include "cli/tradewatch_main.hpp"
#include "store_fixture.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using tw::cli::Confinement;
using tw::cli::run_tradewatch;
using tw::test::TempDir;

namespace {

struct Run {
  int status = 0;
  std::string out;
  std::string err;
};

Run run(const std::vector<std::string>& args, Confinement confinement) {
  std::ostringstream out;
  std::ostringstream err;
  const int status = run_tradewatch(args, out, err, confinement);
  return {status, out.str(), err.str()};
}

} // namespace

TEST_CASE("a run confined to reading cannot change the store or write files", "[confined_run]") {
  TempDir dir;
  const std::string db = (dir / "tw.db").string();
  REQUIRE(run({"--db", db, "-q", "init"}, Confinement::none).status == 0);
  REQUIRE(
      run({"--db", db, "-q", "add", "act", "--id", "review", "--imposer", "US", "--title", "Review"}, Confinement::none)
          .status == 0);

  const Run add =
      run({"--db", db, "add", "act", "--id", "other", "--imposer", "US", "--title", "Other"}, Confinement::read_only);
  CHECK(add.status == 64);
  CHECK(add.err == "tradewatch: error: a golden check may not run a command that changes the store\n"
                   "hint: golden checks run list, show, history, rate, report, lint, log, query or export\n");

  const Run written =
      run({"--db", db, "-o", (dir / "out.csv").string(), "export", "--kind", "act"}, Confinement::read_only);
  CHECK(written.status == 64);
  CHECK_FALSE(std::filesystem::exists(dir / "out.csv"));

  // Reading works, and its output is captured.
  const Run listed = run({"--db", db, "--format", "csv", "query", "SELECT id FROM v_acts"}, Confinement::read_only);
  CHECK(listed.status == 0);
  CHECK(listed.out == "id\r\nreview\r\n");
  CHECK(run({"--db", db, "--format", "csv", "query", "SELECT count(*) FROM v_acts"}, Confinement::none).out ==
        "count(*)\r\n1\r\n");
}
