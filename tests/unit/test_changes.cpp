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

namespace {

tw::store::MeasureListing listing_version(const std::string& id, const std::string& name, const std::string& from,
                                          std::optional<std::string> to = std::nullopt,
                                          std::optional<std::string> act = std::nullopt) {
  tw::store::MeasureListing result;
  result.measure.id = id;
  result.measure.kind = tw::MeasureKind::listing;
  result.measure.imposer = tw::test::jurisdiction("US");
  result.measure.authority = "EAR 744";
  result.line.measure_id = id;
  result.line.list = "Entity List";
  result.line.name = name;
  result.line.country = tw::test::jurisdiction("CN");
  result.line.license_policy = "presumption of denial";
  result.line.act_id = act;
  result.line.valid.from = day(from);
  if (to) {
    result.line.valid.to = day(*to);
  }
  return result;
}

std::vector<std::string> describe(const std::vector<tw::query::ListingChange>& changes) {
  std::vector<std::string> result;
  for (const auto& change : changes) {
    result.push_back(change.effective.to_string() + " " + kind_name(change.kind) + (change.relisted ? "(re)" : "") +
                     " " + change.measure.id + " " + (change.after ? change.after->name : change.before->name) + " [" +
                     change.act_id.value_or("") + "]");
  }
  return result;
}

} // namespace

TEST_CASE("detect_listing_changes finds listings, modifications, delistings and re-listings", "[changes]") {
  std::vector<tw::store::MeasureListing> versions{
      listing_version("geovis", "GEOVIS Technolgy", "2024-05-09", "2024-07-01", "el-2024-05"),
      listing_version("geovis", "GEOVIS Technology", "2024-07-01", std::nullopt, "el-2024-07"),
      listing_version("baqis", "Beijing Academy of Quantum Information Sciences", "2024-05-09", "2024-08-01",
                      "el-2024-05"),
      listing_version("baqis", "Beijing Academy of Quantum Information Sciences", "2024-10-01", std::nullopt,
                      "el-2024-10"),
  };
  versions[2].line.end_act_id = "el-removal";
  // What the store would say: baqis had a version that ended on 2024-08-01.
  const auto listed_before = [](const std::string& id, Date on) { return id == "baqis" && on > day("2024-08-01"); };
  const auto changes = tw::query::detect_listing_changes(versions, day("2024-05-01"), day("2024-12-31"), listed_before);
  CHECK(describe(changes) == std::vector<std::string>{
                                 "2024-05-09 added baqis Beijing Academy of Quantum Information Sciences [el-2024-05]",
                                 "2024-05-09 added geovis GEOVIS Technolgy [el-2024-05]",
                                 "2024-07-01 changed geovis GEOVIS Technology [el-2024-07]",
                                 "2024-08-01 ended baqis Beijing Academy of Quantum Information Sciences [el-removal]",
                                 "2024-10-01 added(re) baqis Beijing Academy of Quantum Information Sciences "
                                 "[el-2024-10]",
                             });
  REQUIRE(changes[2].before.has_value());
  CHECK(changes[2].before->name == "GEOVIS Technolgy");
  CHECK(changes[2].after->name == "GEOVIS Technology");
}

TEST_CASE("detect_listing_changes sees no change where only the act or note of a version differs", "[changes]") {
  std::vector<tw::store::MeasureListing> versions{
      listing_version("geovis", "GEOVIS", "2024-05-09", "2024-07-01", "el-a"),
      listing_version("geovis", "GEOVIS", "2024-07-01", std::nullopt, "el-b"),
  };
  versions[1].line.note = "confirmed";
  const auto never = [](const std::string&, Date) { return false; };
  CHECK(describe(tw::query::detect_listing_changes(versions, day("2024-06-01"), day("2024-12-31"), never)).empty());
}

TEST_CASE("detect_control_changes merges the codes of a measure that changed alike", "[changes]") {
  auto control = [](const std::string& hs, const std::string& from, std::optional<std::string> to,
                    tw::Requirement requirement) {
    tw::store::MeasureControl result;
    result.measure.id = "ear-cn";
    result.measure.kind = tw::MeasureKind::control;
    result.measure.imposer = tw::test::jurisdiction("US");
    result.measure.authority = "EAR 744";
    result.line.measure_id = "ear-cn";
    result.line.key = {tw::test::jurisdiction("CN"), tw::test::code(hs)};
    result.line.requirement = requirement;
    result.line.direction = tw::Direction::exports;
    result.line.valid.from = day(from);
    if (to) {
      result.line.valid.to = day(*to);
    }
    return result;
  };
  const std::vector<tw::store::MeasureControl> versions{
      control("8542.31", "2023-01-01", "2024-12-02", tw::Requirement::licence),
      control("8542.31", "2024-12-02", std::nullopt, tw::Requirement::ban),
      control("8542.32", "2023-01-01", "2024-12-02", tw::Requirement::licence),
      control("8542.32", "2024-12-02", std::nullopt, tw::Requirement::ban),
      control("8486", "2024-12-02", std::nullopt, tw::Requirement::licence),
  };
  const auto changes = tw::query::detect_control_changes(versions, day("2024-12-01"), day("2024-12-31"));
  // On one day, changes come before additions.
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].kind == ChangeKind::changed);
  CHECK(changes[0].codes == std::vector{tw::test::code("8542.31"), tw::test::code("8542.32")});
  CHECK(changes[0].before->requirement == tw::Requirement::licence);
  CHECK(changes[0].after->requirement == tw::Requirement::ban);
  CHECK(changes[1].kind == ChangeKind::added);
  CHECK(changes[1].codes == std::vector{tw::test::code("8486")});
}

TEST_CASE("compare_knowledge finds what a later state learned and what it retracted", "[changes]") {
  // Before: 25% from 2018; after: a step to 100% in 2024, as recorded, then corrected to 50%.
  const auto before =
      detect_changes({version({"ev", "CN", "8703.80", "25%", "2018-07-06"})}, day("0001-01-01"), day("9999-12-31"));
  auto after_versions =
      std::vector<MeasureLine>{version({"ev", "CN", "8703.80", "25%", "2018-07-06", "2024-09-27"}),
                               version({"ev", "CN", "8703.80", "100%", "2024-09-27", std::nullopt, "review"})};
  const auto after = detect_changes(after_versions, day("0001-01-01"), day("9999-12-31"));
  after_versions[1].line.rate = rate("50%");
  after_versions[1].line.recorded_in = 7; // a later record of the same line is no change by itself
  after_versions[0].line.recorded_in = 7;
  after_versions[0].measure.title = "retitled";
  const auto corrected = detect_changes(after_versions, day("0001-01-01"), day("9999-12-31"));

  const auto learned = tw::query::compare_knowledge(before, after);
  REQUIRE(learned.learned.size() == 1);
  CHECK(learned.learned[0].new_rate == rate("100%"));
  CHECK(learned.retracted.empty());

  const auto fixed = tw::query::compare_knowledge(after, corrected);
  REQUIRE(fixed.learned.size() == 1);
  CHECK(fixed.learned[0].new_rate == rate("50%"));
  REQUIRE(fixed.retracted.size() == 1);
  CHECK(fixed.retracted[0].new_rate == rate("100%"));
}
