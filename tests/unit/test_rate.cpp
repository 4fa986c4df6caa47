#include "core/rate.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using tw::Rate;
using tw::SpecificDuty;

using tw::test::rate;

namespace {

const std::string k_rate_hint =
    "a rate is a percentage (25%, 2.5%), Free, a specific duty (1.5¢/kg, $1.05/doz., EUR 90.045/100 kg) "
    "or a sum of them (4.4¢/kg + 6%)";

} // namespace

TEST_CASE("Rate::parse reads percentages exactly, in thousandths", "[rate]") {
  CHECK(rate("25%").ad_valorem_milli() == 25000);
  CHECK(rate("2.5%").ad_valorem_milli() == 2500);
  CHECK(rate("35.3%").ad_valorem_milli() == 35300);
  CHECK(rate("0.125%").ad_valorem_milli() == 125);
  CHECK(rate("100%").ad_valorem_milli() == 100000);
  CHECK(rate("25 %").ad_valorem_milli() == 25000);
  CHECK(rate(" 25% ").ad_valorem_milli() == 25000);
  CHECK(rate("25%").is_pure_ad_valorem());
  CHECK(rate("25%").specific().empty());
  CHECK(rate("25%") == Rate::ad_valorem(25000));
}

TEST_CASE("Rate percentages are exact: 100% is 4 times 25%", "[rate]") {
  const auto high = rate("100%").ad_valorem_milli();
  const auto low = rate("25%").ad_valorem_milli();
  REQUIRE(high);
  REQUIRE(low);
  CHECK(*high % *low == 0);
  CHECK(*high / *low == 4);
  CHECK(*rate("35.3%").ad_valorem_milli() * 10 == *rate("353%").ad_valorem_milli());
}

TEST_CASE("Rate::parse reads Free in any case as 0%", "[rate]") {
  CHECK(rate("Free") == Rate::free());
  CHECK(rate("free") == Rate::free());
  CHECK(rate("FREE") == Rate::free());
  CHECK(rate(" Free ") == Rate::free());
  CHECK(rate("Free").ad_valorem_milli() == 0);
  CHECK(rate("Free").is_pure_ad_valorem());
  CHECK(rate("0%") == Rate::free());
}

TEST_CASE("Rate::parse reads specific duties", "[rate]") {
  SECTION("cents") {
    const Rate parsed = rate("1.5¢/kg");
    CHECK_FALSE(parsed.ad_valorem_milli().has_value());
    CHECK_FALSE(parsed.is_pure_ad_valorem());
    REQUIRE(parsed.specific().size() == 1);
    CHECK(parsed.specific()[0] == SpecificDuty{15000, "USD", 1, "kg"});
  }

  SECTION("dollars") {
    REQUIRE(rate("$0.10/kg").specific().size() == 1);
    CHECK(rate("$0.10/kg").specific()[0] == SpecificDuty{100000, "USD", 1, "kg"});
    CHECK(rate("$1.05/doz.").specific()[0] == SpecificDuty{1050000, "USD", 1, "doz."});
    CHECK(rate("$0.10/kg") == rate("10¢/kg"));
  }

  SECTION("a currency code before the amount") {
    const Rate parsed = rate("EUR 90.045/100 kg");
    REQUIRE(parsed.specific().size() == 1);
    CHECK(parsed.specific()[0] == SpecificDuty{90045000, "EUR", 100, "kg"});
  }

  SECTION("a currency code after the amount") {
    const Rate parsed = rate("90.045 EUR/100 kg");
    REQUIRE(parsed.specific().size() == 1);
    CHECK(parsed.specific()[0] == SpecificDuty{90045000, "EUR", 100, "kg"});
    CHECK(parsed == rate("EUR 90.045/100 kg"));
  }

  SECTION("spaces around the slash") { CHECK(rate("1.5¢ / kg") == rate("1.5¢/kg")); }
}

TEST_CASE("Rate::parse reads compounds joined by +", "[rate]") {
  const Rate parsed = rate("4.4¢/kg + 6%");
  CHECK(parsed.ad_valorem_milli() == 6000);
  CHECK_FALSE(parsed.is_pure_ad_valorem());
  REQUIRE(parsed.specific().size() == 1);
  CHECK(parsed.specific()[0] == SpecificDuty{44000, "USD", 1, "kg"});
  CHECK(rate("6% + 4.4¢/kg") == parsed);
  CHECK(rate("4.4¢/kg+6%") == parsed);
}

TEST_CASE("Rate::parse adds specific parts on the same basis", "[rate]") {
  const Rate parsed = rate("1¢/kg + 2.5¢/kg");
  REQUIRE(parsed.specific().size() == 1);
  CHECK(parsed.specific()[0].micros == 35000);
  CHECK(parsed.to_string() == "3.5¢/kg");

  const Rate side_by_side = rate("1¢/kg + 2¢/doz.");
  CHECK(side_by_side.specific().size() == 2);
}

TEST_CASE("Rate::to_string gives the canonical text that parses back", "[rate]") {
  struct Case {
    std::string text;
    std::string canonical;
  };
  const auto test_case = GENERATE(values<Case>({
      {"25%", "25%"},
      {"2.5%", "2.5%"},
      {"35.3%", "35.3%"},
      {"0.125%", "0.125%"},
      {"100%", "100%"},
      {"25.000%", "25%"},
      {"Free", "Free"},
      {"free", "Free"},
      {"0%", "Free"},
      {"1.5¢/kg", "1.5¢/kg"},
      {"$0.10/kg", "10¢/kg"},
      {"$0.015/kg", "1.5¢/kg"},
      {"$1.05/doz.", "$1.05/doz."},
      {"$1.5/kg", "$1.50/kg"},
      {"$2/kg", "$2/kg"},
      {"EUR 90.045/100 kg", "EUR 90.045/100 kg"},
      {"90.045 EUR/100 kg", "EUR 90.045/100 kg"},
      {"4.4¢/kg + 6%", "4.4¢/kg + 6%"},
      {"6% + 4.4¢/kg", "4.4¢/kg + 6%"},
      {"0.0001¢/kg", "0.0001¢/kg"},
  }));
  CAPTURE(test_case.text);
  const Rate parsed = rate(test_case.text);
  CHECK(parsed.to_string() == test_case.canonical);
  CHECK(rate(parsed.to_string()) == parsed);
}

TEST_CASE("Rate::parse refuses what is not a rate", "[rate]") {
  struct Case {
    std::string text;
    std::string message;
    std::size_t column;
  };
  const auto test_case = GENERATE(values<Case>({
      {"abc", "expected a number", 0},
      {"-5%", "a rate cannot be negative", 0},
      {"25", "expected %, ¢ or a currency code after the number", 2},
      {"2.0001%", "a percentage keeps at most 3 decimals", 7},
      {"", "expected a rate", 0},
      {"25% +", "expected a rate", 5},
      {"25% + 5%", "a rate has at most one percentage", 5},
      {"25% x", "unexpected text in a rate", 4},
      {"$0.10", "a specific duty needs a unit, as in /kg", 5},
      {"$0.10/", "a specific duty needs a unit, as in /kg", 6},
      {"EUR 90/0 kg", "the quantity of a unit cannot be 0", 8},
      {"1.23456¢/kg", "a cent amount keeps at most 4 decimals", 9},
      {"1.0000001%", "at most 6 decimals are kept here", 8},
      {".%", "expected a number", 0},
      {"$/kg", "expected a number", 1},
      {"1¢/k$g", "unexpected character in a unit", 5},
      {"902045 EUR/1 0kg", "a unit starts with a letter, as in /kg or /100 kg", 13}, // found by fuzz_values
  }));
  CAPTURE(test_case.text);
  const auto parsed = Rate::parse(test_case.text);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().message == test_case.message);
  CHECK(parsed.error().column == test_case.column);
  CHECK(parsed.error().hint == k_rate_hint);
}

TEST_CASE("Rate::plus adds layers charged together", "[rate]") {
  SECTION("percentages add") {
    CHECK(rate("2.5%").plus(rate("25%")) == rate("27.5%"));
    CHECK(rate("2.5%").plus(rate("25%")).to_string() == "27.5%");
    CHECK(Rate::free().plus(rate("100%")) == rate("100%"));
  }

  SECTION("specific parts on the same basis add") {
    CHECK(rate("1.5¢/kg").plus(rate("$0.10/kg")).to_string() == "11.5¢/kg");
  }

  SECTION("specific parts on another basis stand side by side") {
    const Rate sum = rate("1.5¢/kg").plus(rate("EUR 90.045/100 kg"));
    CHECK(sum.specific().size() == 2);
    CHECK_FALSE(sum.ad_valorem_milli().has_value());
  }

  SECTION("a compound plus a percentage") {
    CHECK(rate("4.4¢/kg + 6%").plus(rate("25%")).to_string() == "4.4¢/kg + 31%");
    CHECK(rate("4.4¢/kg").plus(rate("25%")).to_string() == "4.4¢/kg + 25%");
    CHECK(rate("25%").plus(rate("4.4¢/kg")) == rate("4.4¢/kg + 25%"));
  }
}

TEST_CASE("format_decimal and format_milli drop trailing zeros", "[rate]") {
  CHECK(tw::format_decimal(2500, 3) == "2.5");
  CHECK(tw::format_decimal(25000, 3) == "25");
  CHECK(tw::format_decimal(-75000, 3) == "-75");
  CHECK(tw::format_decimal(-2500, 3) == "-2.5");
  CHECK(tw::format_decimal(5, 3) == "0.005");
  CHECK(tw::format_decimal(0, 2) == "0");
  CHECK(tw::format_decimal(42, 0) == "42");
  CHECK(tw::format_decimal(-5, 6) == "-0.000005");
  CHECK(tw::format_decimal(1'500'000, 6) == "1.5");
  CHECK(tw::format_decimal(std::numeric_limits<std::int64_t>::min(), 3) == "-9223372036854775.808");
  CHECK(tw::format_decimal(std::numeric_limits<std::int64_t>::max(), 6) == "9223372036854.775807");
  CHECK(tw::format_milli(35300) == "35.3");
  CHECK(tw::format_milli(125) == "0.125");
}

TEST_CASE("describe_step: 25% to 100% is +75 points, x4, quadrupled", "[rate]") {
  const auto step = tw::describe_step(25000, 100000);
  CHECK(step.points_milli == 75000);
  CHECK(step.factor == "×4");
  CHECK(step.word == "quadrupled");
}

TEST_CASE("describe_step names doubling, tripling and halving", "[rate]") {
  const auto doubled = tw::describe_step(25000, 50000);
  CHECK(doubled.points_milli == 25000);
  CHECK(doubled.factor == "×2");
  CHECK(doubled.word == "doubled");

  const auto tripled = tw::describe_step(10000, 30000);
  CHECK(tripled.factor == "×3");
  CHECK(tripled.word == "tripled");

  const auto quintupled = tw::describe_step(5000, 25000);
  CHECK(quintupled.factor == "×5");
  CHECK(quintupled.word == "quintupled");

  const auto halved = tw::describe_step(50000, 25000);
  CHECK(halved.points_milli == -25000);
  CHECK(halved.factor == "×0.5");
  CHECK(halved.word == "halved");
}

TEST_CASE("describe_step gives a factor without a word when none fits", "[rate]") {
  const auto step = tw::describe_step(7500, 25000);
  CHECK(step.points_milli == 17500);
  CHECK(step.factor == "×3.33");
  CHECK_FALSE(step.word.has_value());

  const auto sextupled = tw::describe_step(5000, 30000);
  CHECK(sextupled.factor == "×6");
  CHECK_FALSE(sextupled.word.has_value());

  const auto unchanged = tw::describe_step(25000, 25000);
  CHECK(unchanged.points_milli == 0);
  CHECK(unchanged.factor == "×1");
  CHECK_FALSE(unchanged.word.has_value());

  // Two decimals, rounded half up: 1/8 is 0.125.
  CHECK(tw::describe_step(8000, 1000).factor == "×0.13");
  CHECK(tw::describe_step(3000, 2000).factor == "×0.67");
  CHECK(tw::describe_step(2500, 25000).factor == "×10");
}

TEST_CASE("describe_step: a rate set to 0 is removed", "[rate]") {
  const auto step = tw::describe_step(25000, 0);
  CHECK(step.points_milli == -25000);
  CHECK(step.word == "removed");
  CHECK(step.factor == "×0");
}

TEST_CASE("describe_step: from 0 there is no factor", "[rate]") {
  const auto step = tw::describe_step(0, 25000);
  CHECK(step.points_milli == 25000);
  CHECK_FALSE(step.factor.has_value());
  CHECK_FALSE(step.word.has_value());
}
