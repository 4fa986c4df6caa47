#include "check/lint.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using tw::Act;
using tw::ControlLine;
using tw::Listing;
using tw::Measure;
using tw::MeasureKind;
using tw::TariffLine;
using tw::check::Finding;
using tw::check::LintInput;

using tw::test::code;
using tw::test::day;
using tw::test::jurisdiction;
using tw::test::rate;

namespace {

Measure measure(const std::string& id, MeasureKind kind = MeasureKind::tariff,
                std::optional<std::string> act_id = std::nullopt) {
  Measure result;
  result.id = id;
  result.kind = kind;
  result.imposer = jurisdiction("US");
  result.authority = "Section 301";
  result.act_id = std::move(act_id);
  return result;
}

Act act(const std::string& id, std::optional<std::string> citation, std::optional<std::string> url = std::nullopt) {
  Act result;
  result.id = id;
  result.imposer = jurisdiction("US");
  result.title = "an act";
  result.citation = std::move(citation);
  result.url = std::move(url);
  return result;
}

TariffLine tariff(std::int64_t row_id, const std::string& measure_id, const std::string& from,
                  std::optional<std::string> to = std::nullopt, std::optional<std::string> act_id = std::nullopt) {
  TariffLine line;
  line.row_id = row_id;
  line.measure_id = measure_id;
  line.key.origin = jurisdiction("CN");
  line.key.hs = code("8703.80");
  line.rate = rate("25%");
  line.act_id = std::move(act_id);
  line.valid.from = day(from);
  if (to) {
    line.valid.to = day(*to);
  }
  return line;
}

Listing listing(const std::string& measure_id, std::optional<std::string> country,
                std::optional<std::string> act_id = std::nullopt) {
  Listing result;
  result.row_id = 1;
  result.measure_id = measure_id;
  result.list = "Entity List";
  result.name = "Example Tech Co";
  if (country) {
    result.country = jurisdiction(*country);
  }
  result.act_id = std::move(act_id);
  result.valid.from = day("2024-05-09");
  return result;
}

ControlLine control(std::int64_t row_id, const std::string& measure_id, const std::string& from,
                    std::optional<std::string> to = std::nullopt) {
  ControlLine line;
  line.row_id = row_id;
  line.measure_id = measure_id;
  line.key.partner = jurisdiction("CN");
  line.key.hs = code("8542");
  line.requirement = tw::Requirement::licence;
  line.valid.from = day(from);
  if (to) {
    line.valid.to = day(*to);
  }
  return line;
}

// A store's worth of data that every rule passes: a measure imposed by one act and changed
// by another, in two consecutive versions of one line.
LintInput clean_input() {
  LintInput input;
  Act review = act("review", "89 FR 76581");
  review.announced = day("2024-09-13");
  review.published = day("2024-09-18");
  input.acts = {act("list1", "83 FR 28710"), review};
  input.measures = {measure("ev", MeasureKind::tariff, "list1")};
  input.tariffs = {tariff(1, "ev", "2018-07-06", "2024-09-27"), tariff(2, "ev", "2024-09-27", std::nullopt, "review")};
  return input;
}

} // namespace

TEST_CASE("every rule passes data that is right", "[lint]") {
  const LintInput input = clean_input();
  for (const auto& rule : tw::check::lint_rules()) {
    INFO(rule.name);
    CHECK(rule.check(input).empty());
  }
}

TEST_CASE("rules are found by name", "[lint]") {
  CHECK(tw::check::find_lint_rule("overlap") != nullptr);
  CHECK(tw::check::find_lint_rule("nosuch") == nullptr);
  CHECK(tw::check::lint_rule_names() == "overlap, missing-citation, end-before-start, listing-without-country, "
                                        "act-dates, unknown-exclusive-group-partner");
}

TEST_CASE("overlap: two current versions of one line whose validity overlaps", "[lint]") {
  LintInput input = clean_input();
  SECTION("an open version overlaps a later one") {
    input.tariffs = {tariff(1, "ev", "2018-07-06"), tariff(2, "ev", "2024-09-27", std::nullopt, "review")};
    CHECK(tw::check::check_overlap(input) ==
          std::vector<Finding>{
              {"ev", "overlap", "8703.80 CN: version 1 [2018-07-06, …) overlaps version 2 [2024-09-27, …)"}});
  }
  SECTION("versions of control lines overlap too") {
    input.measures.push_back(measure("chips", MeasureKind::control, "review"));
    input.controls = {control(7, "chips", "2023-01-01", "2024-06-01"), control(8, "chips", "2024-01-01")};
    CHECK(tw::check::check_overlap(input) ==
          std::vector<Finding>{
              {"chips", "overlap", "8542 CN: version 7 [2023-01-01, 2024-06-01) overlaps version 8 [2024-01-01, …)"}});
  }
  SECTION("versions that meet at a date do not overlap, nor do lines of different measures") {
    input.measures.push_back(measure("other", MeasureKind::tariff, "review"));
    input.tariffs.push_back(tariff(3, "other", "2020-01-01"));
    CHECK(tw::check::check_overlap(input).empty());
  }
}

TEST_CASE("missing-citation: no act, or an act with neither citation nor URL", "[lint]") {
  LintInput input = clean_input();
  SECTION("a line version with no act on a measure with none") {
    input.measures.front().act_id.reset();
    CHECK(tw::check::check_missing_citation(input) ==
          std::vector<Finding>{{"ev", "missing-citation",
                                "1 line version cites no act, nor does the measure (the first: 8703.80 CN from "
                                "2018-07-06)"}});
  }
  SECTION("an act with no citation and no URL is reported once, on the act") {
    input.acts.push_back(act("notice", std::nullopt));
    input.measures.push_back(measure("entry", MeasureKind::listing, "notice"));
    input.listings = {listing("entry", "CN", "notice")};
    CHECK(tw::check::check_missing_citation(input) ==
          std::vector<Finding>{{"notice", "missing-citation",
                                "has no citation and no URL, and line versions of 1 measure rest on it (entry)"}});
  }
  SECTION("a URL without a citation is enough (the HTS is cited by its URL)") {
    input.acts.push_back(act("hts", std::nullopt, "https://hts.usitc.gov/"));
    input.measures.push_back(measure("mfn", MeasureKind::tariff, "hts"));
    input.tariffs.push_back(tariff(3, "mfn", "2018-01-01"));
    CHECK(tw::check::check_missing_citation(input).empty());
  }
}

TEST_CASE("end-before-start: an act published before it was announced, validity that ends first", "[lint]") {
  LintInput input = clean_input();
  SECTION("an act published before it was announced") {
    input.acts.back().published = day("2024-09-10");
    CHECK(tw::check::check_end_before_start(input) ==
          std::vector<Finding>{{"review", "end-before-start",
                                "published on 2024-09-10, before it was announced on "
                                "2024-09-13"}});
  }
  SECTION("a version that ends on the day it starts, which the schema would refuse") {
    input.tariffs.push_back(tariff(3, "ev", "2025-01-01", "2025-01-01", "review"));
    CHECK(tw::check::check_end_before_start(input) ==
          std::vector<Finding>{{"ev", "end-before-start",
                                "8703.80 CN: version 3 ends on 2025-01-01, not after it starts on 2025-01-01"}});
  }
}

TEST_CASE("listing-without-country", "[lint]") {
  LintInput input = clean_input();
  input.measures.push_back(measure("entry", MeasureKind::listing, "review"));
  SECTION("a listing that names no country") {
    input.listings = {listing("entry", std::nullopt)};
    CHECK(tw::check::check_listing_without_country(input) ==
          std::vector<Finding>{{"entry", "listing-without-country",
                                "Entity List entry Example Tech Co names no "
                                "country"}});
  }
  SECTION("a listing with a country") {
    input.listings = {listing("entry", "CN")};
    CHECK(tw::check::check_listing_without_country(input).empty());
  }
}

TEST_CASE("act-dates: in force before the act was made public, announced after the start", "[lint]") {
  LintInput input = clean_input();
  SECTION("a line version in force before its act was announced") {
    input.tariffs.back().valid.from = day("2024-09-01");
    input.tariffs.front().valid.to = day("2024-09-01");
    CHECK(tw::check::check_act_dates(input) ==
          std::vector<Finding>{{"ev", "act-dates",
                                "1 line version in force from 2024-09-01, before act review was announced on "
                                "2024-09-13 (the first: 8703.80 CN)"}});
  }
  SECTION("the measure's act counts for lines that name none; publication is the date when nothing was announced") {
    input.acts.back().announced.reset();
    input.measures.front().act_id = "review";
    CHECK(tw::check::check_act_dates(input) ==
          std::vector<Finding>{{"ev", "act-dates",
                                "1 line version in force from 2018-07-06, before act review was published on "
                                "2024-09-18 (the first: 8703.80 CN)"}});
  }
  SECTION("in force after announcement and before publication is not retroactive") {
    input.tariffs.back().valid.from = day("2024-09-15");
    input.tariffs.front().valid.to = day("2024-09-15");
    CHECK(tw::check::check_act_dates(input).empty());
  }
  SECTION("a measure announced after its earliest line starts") {
    input.measures.front().announced = day("2019-01-01");
    CHECK(tw::check::check_act_dates(input) ==
          std::vector<Finding>{
              {"ev", "act-dates", "announced on 2019-01-01, after its earliest line version starts on 2018-07-06"}});
  }
}

TEST_CASE("unknown-exclusive-group-partner: a group of one excludes nothing", "[lint]") {
  LintInput input = clean_input();
  input.measures.front().exclusive_groups = {{"eo-14289", 1}};
  SECTION("a group with one member") {
    CHECK(tw::check::check_exclusive_group_partner(input) ==
          std::vector<Finding>{{"ev", "unknown-exclusive-group-partner",
                                "exclusive group eo-14289 has no other member, so it excludes nothing (is its name "
                                "mistyped?)"}});
  }
  SECTION("a group with two members") {
    Measure partner = measure("steel", MeasureKind::tariff, "review");
    partner.exclusive_groups = {{"eo-14289", 2}};
    input.measures.push_back(partner);
    CHECK(tw::check::check_exclusive_group_partner(input).empty());
  }
}

TEST_CASE("lint runs the rules asked for and sorts what they find", "[lint]") {
  LintInput input = clean_input();
  input.measures.front().exclusive_groups = {{"solo", 1}};
  input.measures.push_back(measure("entry", MeasureKind::listing));
  input.listings = {listing("entry", std::nullopt)};
  std::vector<const tw::check::LintRule*> rules;
  for (const auto& rule : tw::check::lint_rules()) {
    rules.push_back(&rule);
  }
  const auto findings = tw::check::lint(input, rules);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].id == "entry");
  CHECK(findings[0].rule == "listing-without-country");
  CHECK(findings[1].id == "entry");
  CHECK(findings[1].rule == "missing-citation");
  CHECK(findings[2].id == "ev");
  CHECK(findings[2].rule == "unknown-exclusive-group-partner");

  const std::vector<const tw::check::LintRule*> one = {tw::check::find_lint_rule("overlap")};
  CHECK(tw::check::lint(input, one).empty());
}
