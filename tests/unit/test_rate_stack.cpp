#include "query/rate_stack.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using tw::query::Layer;
using tw::query::stack_rate;
using tw::query::StackedRate;
using tw::store::MeasureLine;

using tw::test::jurisdiction;
using tw::test::rate;

namespace {

struct Candidate {
  std::string measure_id;
  std::string authority;
  std::string origin;
  std::string hs;
  std::string rate;
  std::string from = "2019-01-01";
  std::string company = {};
  std::string imposer = "US";
  std::vector<tw::ExclusiveGroup> groups = {};
};

MeasureLine candidate(const Candidate& spec) {
  MeasureLine result;
  result.measure.id = spec.measure_id;
  result.measure.imposer = jurisdiction(spec.imposer);
  result.measure.authority = spec.authority;
  result.measure.exclusive_groups = spec.groups;
  result.line.measure_id = spec.measure_id;
  result.line.key.origin = jurisdiction(spec.origin);
  result.line.key.hs = tw::ProductCode::parse(spec.hs).value();
  result.line.key.company = spec.company;
  result.line.rate = rate(spec.rate);
  result.line.valid.from = tw::Date::parse(spec.from).value();
  return result;
}

// "measure origin code company rate: applied" or "…: set aside (reason)", one per layer.
std::vector<std::string> describe(const StackedRate& stacked) {
  std::vector<std::string> result;
  for (const Layer& layer : stacked.layers) {
    const auto& line = layer.source.line;
    std::string text = layer.source.measure.id + " " + std::string(line.key.origin.code()) + " " + line.key.hs.key() +
                       (line.key.company.empty() ? "" : " " + line.key.company) + " " + line.rate.to_string() + ": ";
    if (layer.applied) {
      CHECK(layer.set_aside_because.empty());
      text += "applied";
    } else {
      text += "set aside (" + layer.set_aside_because + ")";
    }
    result.push_back(text);
  }
  return result;
}

} // namespace

TEST_CASE("stack_rate of nothing is Free", "[rate_stack]") {
  const StackedRate stacked = stack_rate({}, "");
  CHECK(stacked.layers.empty());
  CHECK(stacked.total == tw::Rate::free());
  CHECK(stacked.total.to_string() == "Free");
}

TEST_CASE("stack_rate puts MFN first and adds up the authorities", "[rate_stack]") {
  const StackedRate stacked = stack_rate(
      {
          candidate({"us-301-ev", "Section 301", "CN", "8703.80.00", "100%"}),
          candidate({"us-adcvd", "AD/CVD", "CN", "8703.80.00", "10%"}),
          candidate({"us-mfn", "MFN", "*", "8703.80.00", "2.5%"}),
          candidate({"us-232-autos", "Section 232", "*", "8703", "25%"}),
      },
      "");
  CHECK(describe(stacked) == std::vector<std::string>{
                                 "us-mfn * 87038000 2.5%: applied",
                                 "us-adcvd CN 87038000 10%: applied",
                                 "us-232-autos * 8703 25%: applied",
                                 "us-301-ev CN 87038000 100%: applied",
                             });
  CHECK(stacked.total == rate("137.5%"));
  CHECK(stacked.total.to_string() == "137.5%");
}

TEST_CASE("stack_rate adds specific duties to percentages", "[rate_stack]") {
  const StackedRate stacked = stack_rate(
      {
          candidate({"us-mfn", "MFN", "*", "0702.00.20", "3.9¢/kg"}),
          candidate({"us-301", "Section 301", "CN", "0702", "25%"}),
      },
      "");
  CHECK(stacked.total.to_string() == "3.9¢/kg + 25%");
}

TEST_CASE("stack_rate applies the line on the longest code within an authority", "[rate_stack]") {
  const StackedRate stacked = stack_rate(
      {
          candidate({"us-301-list3", "Section 301", "CN", "8703", "25%"}),
          candidate({"us-301-ev", "Section 301", "CN", "8703.80.00", "100%"}),
          candidate({"us-mfn", "MFN", "*", "8703.80.00", "2.5%"}),
      },
      "");
  CHECK(describe(stacked) ==
        std::vector<std::string>{
            "us-mfn * 87038000 2.5%: applied",
            "us-301-ev CN 87038000 100%: applied",
            "us-301-list3 CN 8703 25%: set aside (a more specific line of the same authority applies: us-301-ev "
            "on 8703.80.00)",
        });
  CHECK(stacked.total == rate("102.5%"));
}

TEST_CASE("stack_rate prefers the origin-specific line over the one on *", "[rate_stack]") {
  const StackedRate stacked = stack_rate(
      {
          candidate({"us-ieepa-all", "IEEPA", "*", "8703.80.00", "10%"}),
          candidate({"us-ieepa-cn", "IEEPA", "CN", "8703.80.00", "20%"}),
      },
      "");
  CHECK(describe(stacked) ==
        std::vector<std::string>{
            "us-ieepa-cn CN 87038000 20%: applied",
            "us-ieepa-all * 87038000 10%: set aside (a more specific line of the same authority applies: "
            "us-ieepa-cn on 8703.80.00)",
        });
  CHECK(stacked.total == rate("20%"));
}

TEST_CASE("stack_rate weighs the product code before the origin", "[rate_stack]") {
  const StackedRate stacked = stack_rate(
      {
          candidate({"us-ieepa-cn", "IEEPA", "CN", "8703", "20%"}),
          candidate({"us-ieepa-all", "IEEPA", "*", "8703.80.00", "10%"}),
      },
      "");
  CHECK(describe(stacked) ==
        std::vector<std::string>{
            "us-ieepa-all * 87038000 10%: applied",
            "us-ieepa-cn CN 8703 20%: set aside (a more specific line of the same authority applies: "
            "us-ieepa-all on 8703.80.00)",
        });
}

TEST_CASE("stack_rate applies the exporter's own line over the all-others line", "[rate_stack]") {
  const std::vector<MeasureLine> candidates{
      candidate({"eu-cvd-bev", "AD/CVD", "CN", "8703.80.10", "35.3%", "2024-10-30", "", "EU"}),
      candidate({"eu-cvd-bev", "AD/CVD", "CN", "8703.80.10", "17%", "2024-10-30", "BYD", "EU"}),
      candidate({"eu-cvd-bev", "AD/CVD", "CN", "8703.80.10", "18.8%", "2024-10-30", "Geely", "EU"}),
      candidate({"eu-cet", "MFN", "*", "8703.80.10", "10%", "2000-01-01", "", "EU"}),
  };

  SECTION("the named exporter") {
    const StackedRate stacked = stack_rate(candidates, "BYD");
    CHECK(describe(stacked) ==
          std::vector<std::string>{
              "eu-cet * 87038010 10%: applied",
              "eu-cvd-bev CN 87038010 BYD 17%: applied",
              "eu-cvd-bev CN 87038010 Geely 18.8%: set aside (applies only to goods of exporter Geely)",
              "eu-cvd-bev CN 87038010 35.3%: set aside (a more specific line of the same authority applies: "
              "eu-cvd-bev on 8703 80 10)",
          });
    CHECK(stacked.total == rate("27%"));
  }

  SECTION("the exporter's name in another case") { CHECK(stack_rate(candidates, "byd").total == rate("27%")); }

  SECTION("an exporter without a line of its own") {
    const StackedRate stacked = stack_rate(candidates, "Tesla");
    CHECK(describe(stacked) == std::vector<std::string>{
                                   "eu-cet * 87038010 10%: applied",
                                   "eu-cvd-bev CN 87038010 35.3%: applied",
                                   "eu-cvd-bev CN 87038010 BYD 17%: set aside (applies only to goods of exporter BYD)",
                                   "eu-cvd-bev CN 87038010 Geely 18.8%: set aside (applies only to goods of exporter "
                                   "Geely)",
                               });
    CHECK(stacked.total == rate("45.3%"));
  }

  SECTION("no exporter named") {
    const StackedRate stacked = stack_rate(candidates, "");
    CHECK(stacked.total == rate("45.3%"));
    CHECK(stacked.layers.size() == 4);
    CHECK(std::count_if(stacked.layers.begin(), stacked.layers.end(),
                        [](const Layer& layer) { return layer.applied; }) == 2);
  }
}

TEST_CASE("stack_rate breaks a tie by the later start, then by the smaller measure id", "[rate_stack]") {
  SECTION("later start") {
    const StackedRate stacked = stack_rate(
        {
            candidate({"us-301-a", "Section 301", "CN", "8703.80.00", "25%", "2019-05-10"}),
            candidate({"us-301-b", "Section 301", "CN", "8703.80.00", "100%", "2024-09-27"}),
        },
        "");
    CHECK(describe(stacked) ==
          std::vector<std::string>{
              "us-301-b CN 87038000 100%: applied",
              "us-301-a CN 87038000 25%: set aside (a line in force since a later date of the same authority "
              "applies: us-301-b on 8703.80.00)",
          });
  }

  SECTION("same start") {
    const StackedRate stacked = stack_rate(
        {
            candidate({"us-301-z", "Section 301", "CN", "8703.80.00", "100%", "2024-09-27"}),
            candidate({"us-301-a", "Section 301", "CN", "8703.80.00", "25%", "2024-09-27"}),
        },
        "");
    REQUIRE(stacked.layers.size() == 2);
    CHECK(stacked.layers[0].applied);
    CHECK(stacked.layers[0].source.measure.id == "us-301-a");
    CHECK(stacked.total == rate("25%"));
  }
}

TEST_CASE("stack_rate groups authorities regardless of letter case", "[rate_stack]") {
  const StackedRate stacked = stack_rate(
      {
          candidate({"us-301-a", "Section 301", "CN", "8703", "25%"}),
          candidate({"us-301-b", "SECTION 301", "CN", "8703.80", "50%"}),
          candidate({"us-mfn", "mfn", "*", "8703.80.00", "2.5%"}),
          candidate({"us-adcvd", "AD/CVD", "CN", "8703.80.00", "1%"}),
      },
      "");
  REQUIRE(stacked.layers.size() == 4);
  CHECK(stacked.layers[0].source.measure.id == "us-mfn");
  CHECK(stacked.total == rate("53.5%"));
  CHECK(describe(stacked).back() ==
        "us-301-a CN 8703 25%: set aside (a more specific line of the same authority applies: us-301-b on 8703.80)");
}

namespace {

// The lines that apply to a car (8703.80.00) from China on 2025-05-03, as EO 14257 and
// EO 14289 have them stack: the 232 autos duty (priority 2) is charged instead of the
// reciprocal duty and the 232 steel and aluminium duties (priority 1); the fentanyl duty and
// Section 301 are in no group and are charged on top.
std::vector<MeasureLine> cars_from_china_2025() {
  return {
      candidate({"us-mfn", "MFN", "*", "8703.80.00", "2.5%", "2018-01-01"}),
      candidate({"us-301-ev", "Section 301", "CN", "8703.80.00", "100%", "2024-09-27"}),
      candidate({"us-ieepa-fentanyl", "IEEPA fentanyl", "CN", "*", "20%", "2025-03-04"}),
      candidate(
          {"us-ieepa-reciprocal", "IEEPA reciprocal", "CN", "*", "10%", "2025-04-05", "", "US", {{"eo-14289", 1}}}),
      candidate({"us-232-autos", "Section 232 autos", "*", "8703", "25%", "2025-04-03", "", "US", {{"eo-14289", 2}}}),
      candidate(
          {"us-232-steel", "Section 232 steel", "*", "8703.80", "25%", "2025-03-12", "", "US", {{"eo-14289", 1}}}),
  };
}

} // namespace

TEST_CASE("stack_rate charges only the highest priority of an exclusive group", "[rate_stack]") {
  const StackedRate stacked = stack_rate(cars_from_china_2025(), "");
  CHECK(describe(stacked) ==
        std::vector<std::string>{
            "us-mfn * 87038000 2.5%: applied",
            "us-ieepa-fentanyl CN * 20%: applied",
            "us-232-autos * 8703 25%: applied",
            "us-301-ev CN 87038000 100%: applied",
            "us-232-steel * 870380 25%: set aside (exclusive group eo-14289: us-232-autos (Section 232 autos, "
            "priority 2) is charged instead of this (priority 1))",
            "us-ieepa-reciprocal CN * 10%: set aside (exclusive group eo-14289: us-232-autos (Section 232 autos, "
            "priority 2) is charged instead of this (priority 1))",
        });
  CHECK(stacked.total == rate("147.5%"));
}

TEST_CASE("stack_rate charges a group's lower priority when the higher one does not apply", "[rate_stack]") {
  std::vector<MeasureLine> candidates = cars_from_china_2025();
  std::erase_if(candidates, [](const MeasureLine& line) { return line.measure.id == "us-232-autos"; });
  const StackedRate stacked = stack_rate(candidates, "");
  CHECK(describe(stacked) == std::vector<std::string>{
                                 "us-mfn * 87038000 2.5%: applied",
                                 "us-ieepa-fentanyl CN * 20%: applied",
                                 "us-ieepa-reciprocal CN * 10%: applied",
                                 "us-232-steel * 870380 25%: applied",
                                 "us-301-ev CN 87038000 100%: applied",
                             });
  CHECK(stacked.total == rate("157.5%"));
}

TEST_CASE("stack_rate charges every measure of a group's highest priority", "[rate_stack]") {
  const StackedRate stacked = stack_rate(
      {
          candidate({"us-232-steel", "Section 232 steel", "*", "7326", "25%", "2025-03-12", "", "US", {{"g", 1}}}),
          candidate(
              {"us-232-aluminum", "Section 232 aluminum", "*", "7326.90", "25%", "2025-03-12", "", "US", {{"g", 1}}}),
      },
      "");
  CHECK(describe(stacked) == std::vector<std::string>{
                                 "us-232-aluminum * 732690 25%: applied",
                                 "us-232-steel * 7326 25%: applied",
                             });
  CHECK(stacked.total == rate("50%"));
}

TEST_CASE("stack_rate judges a measure in two groups in each", "[rate_stack]") {
  SECTION("highest in both: it sets aside the others") {
    const StackedRate stacked = stack_rate(
        {
            candidate({"a", "A", "CN", "8703", "10%", "2025-01-01", "", "US", {{"g1", 2}, {"g2", 2}}}),
            candidate({"b", "B", "CN", "8703", "20%", "2025-01-01", "", "US", {{"g1", 1}}}),
            candidate({"c", "C", "CN", "8703", "30%", "2025-01-01", "", "US", {{"g2", 1}}}),
            candidate({"d", "D", "CN", "8703", "40%", "2025-01-01", "", "US", {{"g3", 1}}}),
        },
        "");
    CHECK(describe(stacked) == std::vector<std::string>{
                                   "a CN 8703 10%: applied",
                                   "d CN 8703 40%: applied",
                                   "c CN 8703 30%: set aside (exclusive group g2: a (A, priority 2) is charged "
                                   "instead of this (priority 1))",
                                   "b CN 8703 20%: set aside (exclusive group g1: a (A, priority 2) is charged "
                                   "instead of this (priority 1))",
                               });
    CHECK(stacked.total == rate("50%"));
  }

  SECTION("set aside in one group, it still outranks the other group's members") {
    const StackedRate stacked = stack_rate(
        {
            candidate({"a", "A", "CN", "8703", "10%", "2025-01-01", "", "US", {{"g1", 1}, {"g2", 2}}}),
            candidate({"b", "B", "CN", "8703", "20%", "2025-01-01", "", "US", {{"g1", 2}}}),
            candidate({"c", "C", "CN", "8703", "30%", "2025-01-01", "", "US", {{"g2", 1}}}),
        },
        "");
    CHECK(describe(stacked) == std::vector<std::string>{
                                   "b CN 8703 20%: applied",
                                   "c CN 8703 30%: set aside (exclusive group g2: a (A, priority 2) is charged "
                                   "instead of this (priority 1))",
                                   "a CN 8703 10%: set aside (exclusive group g1: b (B, priority 2) is charged "
                                   "instead of this (priority 1))",
                               });
    CHECK(stacked.total == rate("20%"));
  }

  SECTION("the highest of several higher priorities is named") {
    const StackedRate stacked = stack_rate(
        {
            candidate({"a", "A", "CN", "8703", "10%", "2025-01-01", "", "US", {{"g", 1}}}),
            candidate({"b", "B", "CN", "8703", "20%", "2025-01-01", "", "US", {{"g", 3}}}),
            candidate({"c", "C", "CN", "8703", "30%", "2025-01-01", "", "US", {{"g", 2}}}),
        },
        "");
    CHECK(describe(stacked) == std::vector<std::string>{
                                   "b CN 8703 20%: applied",
                                   "c CN 8703 30%: set aside (exclusive group g: b (B, priority 3) is charged "
                                   "instead of this (priority 2))",
                                   "a CN 8703 10%: set aside (exclusive group g: b (B, priority 3) is charged "
                                   "instead of this (priority 1))",
                               });
  }
}

TEST_CASE("stack_rate weighs groups only among the lines that apply within their authority", "[rate_stack]") {
  // The high-priority line of authority A is set aside by a more specific line of A, so it
  // sets nothing aside in the group.
  const StackedRate stacked = stack_rate(
      {
          candidate({"a-broad", "A", "CN", "87", "10%", "2025-01-01", "", "US", {{"g", 2}}}),
          candidate({"a-narrow", "A", "CN", "8703", "15%", "2025-01-01"}),
          candidate({"b", "B", "CN", "8703", "20%", "2025-01-01", "", "US", {{"g", 1}}}),
      },
      "");
  CHECK(describe(stacked) == std::vector<std::string>{
                                 "a-narrow CN 8703 15%: applied",
                                 "b CN 8703 20%: applied",
                                 "a-broad CN 87 10%: set aside (a more specific line of the same authority "
                                 "applies: a-narrow on 8703)",
                             });
  CHECK(stacked.total == rate("35%"));
}

TEST_CASE("stack_rate takes a line on all products as the least specific of its authority", "[rate_stack]") {
  SECTION("a line on any code applies before it") {
    const StackedRate stacked = stack_rate(
        {
            candidate({"us-ieepa-all", "IEEPA", "CN", "*", "10%", "2025-04-05"}),
            candidate({"us-ieepa-chapter", "IEEPA", "*", "87", "20%", "2025-02-04"}),
        },
        "");
    CHECK(describe(stacked) == std::vector<std::string>{
                                   "us-ieepa-chapter * 87 20%: applied",
                                   "us-ieepa-all CN * 10%: set aside (a more specific line of the same authority "
                                   "applies: us-ieepa-chapter on 87)",
                               });
    CHECK(stacked.total == rate("20%"));
  }

  SECTION("between lines on all products, the origin's own applies") {
    const StackedRate stacked = stack_rate(
        {
            candidate({"us-ieepa-world", "IEEPA", "*", "*", "10%", "2025-04-05"}),
            candidate({"us-ieepa-cn", "IEEPA", "CN", "*", "34%", "2025-04-05"}),
        },
        "");
    CHECK(describe(stacked) == std::vector<std::string>{
                                   "us-ieepa-cn CN * 34%: applied",
                                   "us-ieepa-world * * 10%: set aside (a more specific line of the same authority "
                                   "applies: us-ieepa-cn on *)",
                               });
  }

  SECTION("in another authority it adds up") {
    const StackedRate stacked = stack_rate(
        {
            candidate({"us-ieepa-world", "IEEPA", "*", "*", "10%", "2025-04-05"}),
            candidate({"us-mfn", "MFN", "*", "8703.80.00", "2.5%", "2018-01-01"}),
        },
        "");
    CHECK(describe(stacked) == std::vector<std::string>{
                                   "us-mfn * 87038000 2.5%: applied",
                                   "us-ieepa-world * * 10%: applied",
                               });
    CHECK(stacked.total == rate("12.5%"));
  }
}
