#include "check/check_file.hpp"
#include "store_fixture.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <string>

using tw::check::CheckFile;
using tw::check::parse_check_file;
using tw::test::error_from;

namespace {

// The message of the error that parsing `text` as checks.toml throws.
std::string parse_error(const std::string& text) {
  const tw::Error error = error_from([&] { (void)parse_check_file("checks.toml", text); });
  CHECK(error.code() == tw::ExitCode::data_error);
  return error.what();
}

} // namespace

TEST_CASE("a check file holds checks of every kind, in the order of the file", "[check_file]") {
  const CheckFile file = parse_check_file("dir/checks.toml", R"(# comment
[[rate]]
name = "EV 301"
imposer = "US"
origin = "CN"
hs = "8703.80.00"
on = 2024-09-27
authority = "Section 301"
expect = "100%"

[[listed]]
name = "listed"
list = "Entity List"
entity = "Acme"
on = "2024-05-09"
expect = false

[[rate]]
name = "total"
imposer = "US"
origin = "CN"
hs = "8703.80.00"
on = 2024-10-01
as-known-on = "2024-10-01T12:00:00Z"
expect = "102.5%"

[[count]]
name = "count"
kind = "listing"
country = "CN"
expect = 31

[[query]]
name = "rows"
sql = "SELECT 1, 'a'"
expect-rows = [[1, "a"], [2.5, true]]

[[golden]]
name = "golden"
command = "tradewatch --format csv rate --imposer US --origin CN --hs '8703.80.00' --on 2024-10-01"
output = "golden/rate.csv"

[[lint]]
name = "lint"
rules = ["overlap"]
)");
  REQUIRE(file.checks.size() == 7);
  CHECK(file.directory == "dir");
  const auto& ev = std::get<tw::check::RateCheck>(file.checks[0].what);
  CHECK(file.checks[0].name == "EV 301");
  CHECK(file.checks[0].line == 2);
  CHECK(ev.hs == tw::test::code("8703.80.00"));
  CHECK(ev.on == tw::test::day("2024-09-27"));
  CHECK(ev.authority == "Section 301");
  CHECK(ev.expect == tw::test::rate("100%"));
  // The expected value's place, for --update: `"100%"` on line 9.
  CHECK(file.checks[0].expect_at.begin_line == 9);
  CHECK(file.checks[0].expect_at.begin_column == 10);
  CHECK(file.checks[0].expect_at.end_column == 16);
  const auto& listed = std::get<tw::check::ListedCheck>(file.checks[1].what);
  CHECK(listed.entity == "Acme");
  CHECK_FALSE(listed.expect);
  CHECK(file.checks[2].as_known_on == "2024-10-01T12:00:00Z");
  CHECK_FALSE(std::get<tw::check::RateCheck>(file.checks[2].what).authority);
  const auto& count = std::get<tw::check::CountCheck>(file.checks[3].what);
  CHECK(count.filter.kind == tw::MeasureKind::listing);
  CHECK(count.filter.country == tw::test::jurisdiction("CN"));
  CHECK(count.expect == 31);
  const auto& query = std::get<tw::check::QueryCheck>(file.checks[4].what);
  CHECK(query.kind == tw::check::QueryCheck::Expect::rows);
  CHECK(query.rows == std::vector<std::vector<std::string>>{{"1", "a"}, {"2.5", "1"}});
  const auto& golden = std::get<tw::check::GoldenCheck>(file.checks[5].what);
  CHECK(golden.args == std::vector<std::string>{"--format", "csv", "rate", "--imposer", "US", "--origin", "CN", "--hs",
                                                "8703.80.00", "--on", "2024-10-01"});
  CHECK(golden.output == "golden/rate.csv");
  CHECK(std::get<tw::check::LintCheck>(file.checks[6].what).rules == std::vector<std::string>{"overlap"});
}

TEST_CASE("columns of check file errors count bytes, not characters", "[check_file]") {
  CHECK(parse_error("[[rate]]\nname = \"é\"\nimposer = \"US\"\norigin = \"CN\"\nhs = \"8703\"\non = 2024-01-01\n"
                    "expect = \"25%\" ; xé = 1\n")
            .starts_with("checks.toml:7:"));
  CHECK(parse_error("[[lint]]\nname = \"é\" x = 1\n").starts_with("checks.toml:2:13:"));
}

TEST_CASE("a character that is not whitespace where whitespace may stand is an error", "[check_file]") {
  // U+00A7, U+030C, U+3042 and U+FC00 each reached undefined behaviour in toml++ 3.3
  // (fuzz/regressions/check_file).
  for (const std::string character : {"\u00A7", "\u030C", "\u3042", "\uFC00"}) {
    CAPTURE(character);
    CHECK(parse_error("[[lint]]\nname = \"x\"" + character + "\n").starts_with("checks.toml:2:11: "));
    CHECK(parse_error("[[lint]]\nname = " + character + "\n").starts_with("checks.toml:2:8: "));
  }
  CHECK(
      parse_check_file("checks.toml", "[[lint]]\nname = \"\u00A7\u030C\u3042\uFC00\" # \u00A7\uFC00\n").checks.size() ==
      1);
}

TEST_CASE("check file errors name the file, line and column", "[check_file]") {
  SECTION("TOML syntax") {
    CHECK(parse_error("[[rate]]\nname = \"unterminated\n") ==
          "checks.toml:2:21: Error while parsing string: unescaped control characters other than TAB (U+0009) are "
          "explicitly prohibited");
  }
  SECTION("an unknown kind of check") {
    CHECK(parse_error("[[rates]]\nname = \"x\"\n") == "checks.toml:1:3: unknown check kind \"rates\"");
  }
  SECTION("a kind that is not an array of tables") {
    CHECK(parse_error("[rate]\nname = \"x\"\n") ==
          "checks.toml:1:2: \"rate\" must be written [[rate]], one table per check");
  }
  SECTION("an unknown key") {
    CHECK(parse_error("[[lint]]\nname = \"x\"\nrule = [\"overlap\"]\n") ==
          "checks.toml:3:1: unknown key \"rule\" in a [[lint]] check");
  }
  SECTION("a missing key") {
    CHECK(parse_error("\n[[listed]]\nname = \"x\"\nlist = \"Entity List\"\nentity = \"Acme\"\non = 2024-05-09\n") ==
          "checks.toml:2:1: a [[listed]] check needs \"expect\"");
  }
  SECTION("a value of the wrong type") {
    CHECK(parse_error("[[count]]\nname = \"x\"\nexpect = \"31\"\n") ==
          "checks.toml:3:10: \"expect\" must be a whole number");
  }
  SECTION("a date not in the calendar") {
    CHECK(parse_error("[[listed]]\nname = \"x\"\nlist = \"Entity List\"\nentity = \"Acme\"\non = \"2024-02-30\"\n"
                      "expect = true\n") == "checks.toml:5:6: \"on\" = 2024-02-30: 2024-02 has no day 30");
  }
  SECTION("a bad rate") {
    CHECK(parse_error("[[rate]]\nname = \"x\"\nimposer = \"US\"\norigin = \"CN\"\nhs = \"8703\"\non = 2024-01-01\n"
                      "expect = \"lots\"\n")
              .starts_with("checks.toml:7:10: \"expect\" = \"lots\": "));
  }
  SECTION("a bad as-known-on") {
    CHECK(parse_error("[[lint]]\nname = \"x\"\nas-known-on = \"yesterday at noon\"\n") ==
          "checks.toml:3:15: \"as-known-on\" = \"yesterday at noon\": not a date or UTC time");
  }
  SECTION("two expectations of one query") {
    CHECK(parse_error("[[query]]\nname = \"x\"\nsql = \"SELECT 1\"\nexpect = 1\nexpect-count = 1\n") ==
          "checks.toml:5:16: a [[query]] check has one expectation; it has expect and expect-count");
  }
  SECTION("a golden command that writes") {
    CHECK(
        parse_error("[[golden]]\nname = \"x\"\ncommand = \"amend ev --rate 5% --from 2025-01-01\"\noutput = \"o\"\n") ==
        "checks.toml:3:11: \"amend\" is not a read-only command; a golden check may not change the store or "
        "write files");
    CHECK(parse_error("[[golden]]\nname = \"x\"\ncommand = \"dump store\"\noutput = \"o\"\n")
              .starts_with("checks.toml:3:11: \"dump\" is not a read-only command"));
  }
  SECTION("a golden command that writes a file or picks the store") {
    CHECK(parse_error("[[golden]]\nname = \"x\"\ncommand = \"list -o out.txt\"\noutput = \"o\"\n") ==
          "checks.toml:3:11: a golden command may not use -o: the check chooses the store and reads the output");
    CHECK(parse_error("[[golden]]\nname = \"x\"\ncommand = \"--db=other.db list\"\noutput = \"o\"\n") ==
          "checks.toml:3:11: a golden command may not use --db: the check chooses the store and reads the output");
  }
  SECTION("an unknown lint rule") {
    CHECK(parse_error("[[lint]]\nname = \"x\"\nrules = [\"overlap\", \"nosuch\"]\n") ==
          "checks.toml:3:21: unknown lint rule \"nosuch\"");
  }
}

TEST_CASE("golden commands split like a shell's words", "[check_file]") {
  using tw::check::split_command;
  CHECK(split_command("list  --text 'Huawei Tech' --list \"Entity List\"") ==
        std::vector<std::string>{"list", "--text", "Huawei Tech", "--list", "Entity List"});
  CHECK(split_command(R"(show it\'s "a \"b\"")") == std::vector<std::string>{"show", "it's", "a \"b\""});
  CHECK_FALSE(split_command("list --text 'open"));
}

TEST_CASE("of two errors in a check file the first in it is reported", "[check_file]") {
  CHECK(parse_error("[[rate]]\nname = \"x\"\n\n[[count]]\nname = \"y\"\nexpect = \"1\"\n") ==
        "checks.toml:1:1: a [[rate]] check needs \"imposer\"");
}
