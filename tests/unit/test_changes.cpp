#include "query/changes.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using tw::Date;
using tw::query::ChangeKind;
using tw::query::detect_changes;
using tw::query::LineChange;
using tw::store::MeasureLine;

using tw::test::day;
using tw::test::rate;

namespace {

struct Version {
  std::string measure_id;
  std::string origin;
  std::string hs;
  std::string rate;
  std::string from;
  std::optional<std::string> to = std::nullopt;
  std::optional<std::string> act_id = std::nullopt;
  std::optional<std::string> end_act_id = std::nullopt;
  std::string authority = "Section 301";
  std::string imposer = "US";
};

MeasureLine version(const Version& spec) {
  MeasureLine result;
  result.measure.id = spec.measure_id;
  result.measure.imposer = tw::Jurisdiction::parse(spec.imposer).value();
  result.measure.authority = spec.authority;
  result.line.measure_id = spec.measure_id;
  result.line.key.origin = tw::Jurisdiction::parse(spec.origin).value();
  result.line.key.hs = tw::ProductCode::parse(spec.hs).value();
  result.line.rate = rate(spec.rate);
  result.line.act_id = spec.act_id;
  result.line.end_act_id = spec.end_act_id;
  result.line.valid.from = day(spec.from);
  if (spec.to) {
    result.line.valid.to = day(*spec.to);
  }
  return result;
}

std::string kind_name(ChangeKind kind) {
  switch (kind) {
  case ChangeKind::changed:
    return "changed";
  case ChangeKind::added:
    return "added";
  case ChangeKind::ended:
    return "ended";
  }
  return "?";
}

// "date kind measure origin codes old → new [act]", one per change.
std::vector<std::string> describe(const std::vector<LineChange>& changes) {
  std::vector<std::string> result;
  for (const auto& change : changes) {
    std::string codes;
    for (const auto& code : change.codes) {
      codes += (codes.empty() ? "" : ",") + code.digits();
    }
    result.push_back(change.effective.to_string() + " " + kind_name(change.kind) + " " + change.measure.id + " " +
                     std::string(change.origin.code()) + " " + codes + " " +
                     (change.old_rate ? change.old_rate->to_string() : "-") + " → " +
                     (change.new_rate ? change.new_rate->to_string() : "-") + " [" + change.act_id.value_or("") + "]");
  }
  return result;
}

} // namespace

TEST_CASE("detect_changes reports a change of rate where one version follows another", "[changes]") {
  std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10", "2024-09-27", "ustr-2018"}),
      version({"us-301-ev", "CN", "8703.80.00", "100%", "2024-09-27", std::nullopt, "ustr-2024"}),
  };
  versions[1].line.heading = "9903.91.03";
  const auto changes = detect_changes(versions, day("2024-09-01"), day("2024-12-31"));
  REQUIRE(changes.size() == 1);
  const LineChange& change = changes[0];
  CHECK(change.kind == ChangeKind::changed);
  CHECK(change.effective == day("2024-09-27"));
  CHECK(change.measure.id == "us-301-ev");
  CHECK(change.measure.authority == "Section 301");
  CHECK(change.origin.code() == "CN");
  CHECK(change.company.empty());
  REQUIRE(change.codes.size() == 1);
  CHECK(change.codes[0].digits() == "87038000");
  CHECK(change.old_rate == rate("25%"));
  CHECK(change.new_rate == rate("100%"));
  CHECK(change.act_id == "ustr-2024");
  CHECK(change.heading == "9903.91.03");
}

TEST_CASE("detect_changes includes both ends of the range", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10", "2024-09-27"}),
      version({"us-301-ev", "CN", "8703.80.00", "100%", "2024-09-27"}),
  };
  CHECK(detect_changes(versions, day("2024-09-27"), day("2024-09-27")).size() == 1);
  CHECK(detect_changes(versions, day("2024-09-01"), day("2024-09-27")).size() == 1);
  CHECK(detect_changes(versions, day("2024-09-27"), day("2024-10-01")).size() == 1);
  CHECK(detect_changes(versions, day("2024-09-28"), day("2024-12-31")).empty());
  CHECK(detect_changes(versions, day("2024-01-01"), day("2024-09-26")).empty());
}

TEST_CASE("detect_changes reports a line with no predecessor as added", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10", std::nullopt, "ustr-2018"}),
  };
  CHECK(describe(detect_changes(versions, day("2019-01-01"), day("2019-12-31"))) ==
        std::vector<std::string>{"2019-05-10 added us-301-ev CN 87038000 - → 25% [ustr-2018]"});
  const auto changes = detect_changes(versions, day("2019-01-01"), day("2019-12-31"));
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].kind == ChangeKind::added);
  CHECK_FALSE(changes[0].old_rate.has_value());
  CHECK(changes[0].new_rate == rate("25%"));
}

TEST_CASE("detect_changes reports an end with no successor as ended, with the ending act", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10", "2025-01-01", "ustr-2018", "ustr-end"}),
  };
  const auto changes = detect_changes(versions, day("2024-12-01"), day("2025-01-31"));
  CHECK(describe(changes) == std::vector<std::string>{"2025-01-01 ended us-301-ev CN 87038000 25% → - [ustr-end]"});
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].kind == ChangeKind::ended);
  CHECK(changes[0].old_rate == rate("25%"));
  CHECK_FALSE(changes[0].new_rate.has_value());
}

TEST_CASE("detect_changes reports a line added and ended in the range twice", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"eu-cvd-bev", "CN", "8703.80.10", "17.4%", "2024-07-05", "2024-10-30", "eu-prov", "eu-def"}),
  };
  CHECK(describe(detect_changes(versions, day("2024-01-01"), day("2024-12-31"))) ==
        std::vector<std::string>{
            "2024-07-05 added eu-cvd-bev CN 87038010 - → 17.4% [eu-prov]",
            "2024-10-30 ended eu-cvd-bev CN 87038010 17.4% → - [eu-def]",
        });
}

TEST_CASE("detect_changes skips a new version with the same rate", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10", "2024-09-27", "ustr-2018"}),
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2024-09-27", std::nullopt, "ustr-2024"}),
  };
  CHECK(detect_changes(versions, day("2024-09-01"), day("2024-12-31")).empty());
}

TEST_CASE("detect_changes still reports the end of a version whose start changed no rate", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10", "2024-09-27", "ustr-2018"}),
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2024-09-27", "2024-12-01", "ustr-2024", "ustr-end"}),
  };
  CHECK(describe(detect_changes(versions, day("2024-09-01"), day("2024-12-31"))) ==
        std::vector<std::string>{"2024-12-01 ended us-301-ev CN 87038000 25% → - [ustr-end]"});
}

TEST_CASE("detect_changes does not report an end that a next version follows", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10", "2024-09-27"}),
      version({"us-301-ev", "CN", "8703.80.00", "100%", "2024-09-27", "2026-01-01"}),
  };
  CHECK(describe(detect_changes(versions, day("2024-01-01"), day("2024-12-31"))) ==
        std::vector<std::string>{"2024-09-27 changed us-301-ev CN 87038000 25% → 100% []"});
}

TEST_CASE("detect_changes merges changes alike but for the product code", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "25%", "2019-05-10", "2024-09-27"}),
      version({"us-301-ev", "CN", "8703.80.00", "100%", "2024-09-27", std::nullopt, "ustr-2024"}),
      version({"us-301-ev", "CN", "8703.60.00", "25%", "2019-05-10", "2024-09-27"}),
      version({"us-301-ev", "CN", "8703.60.00", "100%", "2024-09-27", std::nullopt, "ustr-2024"}),
      version({"us-301-ev", "CN", "8703.70.00", "25%", "2019-05-10", "2024-09-27"}),
      version({"us-301-ev", "CN", "8703.70.00", "100%", "2024-09-27", std::nullopt, "ustr-2024"}),
      // Another old rate: a change of its own.
      version({"us-301-ev", "CN", "8507.60.00", "7.5%", "2019-09-01", "2024-09-27"}),
      version({"us-301-ev", "CN", "8507.60.00", "25%", "2024-09-27", std::nullopt, "ustr-2024"}),
      // Another origin: a change of its own.
      version({"us-301-ev", "HK", "8703.80.00", "25%", "2019-05-10", "2024-09-27"}),
      version({"us-301-ev", "HK", "8703.80.00", "100%", "2024-09-27", std::nullopt, "ustr-2024"}),
  };
  const auto changes = detect_changes(versions, day("2024-09-01"), day("2024-12-31"));
  CHECK(describe(changes) == std::vector<std::string>{
                                 "2024-09-27 changed us-301-ev CN 85076000 7.5% → 25% [ustr-2024]",
                                 "2024-09-27 changed us-301-ev CN 87036000,87037000,87038000 25% → 100% [ustr-2024]",
                                 "2024-09-27 changed us-301-ev HK 87038000 25% → 100% [ustr-2024]",
                             });
}

TEST_CASE("detect_changes does not merge changes of different acts or companies", "[changes]") {
  std::vector<MeasureLine> versions{
      version({"us-301-ev", "CN", "8703.80.00", "100%", "2024-09-27", std::nullopt, "ustr-a"}),
      version({"us-301-ev", "CN", "8703.60.00", "100%", "2024-09-27", std::nullopt, "ustr-b"}),
      version({"us-301-ev", "CN", "8703.70.00", "100%", "2024-09-27", std::nullopt, "ustr-a"}),
  };
  versions[2].line.key.company = "BYD";
  const auto changes = detect_changes(versions, day("2024-09-01"), day("2024-12-31"));
  REQUIRE(changes.size() == 3);
  for (const auto& change : changes) {
    CHECK(change.codes.size() == 1);
  }
  CHECK(changes[2].company == "BYD");
}

TEST_CASE("detect_changes orders by imposer, origin, authority, date and measure", "[changes]") {
  const std::vector<MeasureLine> versions{
      version({"us-301-b", "CN", "8703", "25%", "2024-03-01", std::nullopt, std::nullopt, std::nullopt, "Section 301"}),
      version({"us-301-a", "CN", "8703", "25%", "2024-03-01", std::nullopt, std::nullopt, std::nullopt, "Section 301"}),
      version({"us-232", "CN", "8703", "25%", "2024-06-01", std::nullopt, std::nullopt, std::nullopt, "Section 232"}),
      version({"us-301-c", "CN", "8703", "25%", "2024-02-01", std::nullopt, std::nullopt, std::nullopt, "Section 301"}),
      version({"us-232", "*", "8703", "25%", "2024-12-01", std::nullopt, std::nullopt, std::nullopt, "Section 232"}),
      version({"eu-cvd", "CN", "8703", "25%", "2024-01-01", std::nullopt, std::nullopt, std::nullopt, "AD/CVD", "EU"}),
  };
  CHECK(describe(detect_changes(versions, day("2024-01-01"), day("2024-12-31"))) ==
        std::vector<std::string>{
            "2024-01-01 added eu-cvd CN 8703 - → 25% []",
            "2024-12-01 added us-232 * 8703 - → 25% []",
            "2024-06-01 added us-232 CN 8703 - → 25% []",
            "2024-02-01 added us-301-c CN 8703 - → 25% []",
            "2024-03-01 added us-301-a CN 8703 - → 25% []",
            "2024-03-01 added us-301-b CN 8703 - → 25% []",
        });
}

TEST_CASE("detect_changes of no versions is empty", "[changes]") {
  CHECK(detect_changes({}, day("2024-01-01"), day("2024-12-31")).empty());
}
