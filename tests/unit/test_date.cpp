#include "core/date.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <string>

using tw::Date;

namespace {

const std::string k_date_hint = "dates are written YYYY-MM-DD, e.g. 2024-09-27";

} // namespace

TEST_CASE("Date::parse reads YYYY-MM-DD into its parts", "[date]") {
  const Date date = tw::test::parsed<Date>("2024-09-27");
  CHECK(date.year() == 2024);
  CHECK(date.month() == 9);
  CHECK(date.day() == 27);
  CHECK(date.days_since_epoch() == 19993);
  CHECK(date.to_string() == "2024-09-27");
}

TEST_CASE("Date::parse counts days from 1970-01-01", "[date]") {
  CHECK(tw::test::parsed<Date>("1970-01-01").days_since_epoch() == 0);
  CHECK(tw::test::parsed<Date>("1969-12-31").days_since_epoch() == -1);
  CHECK(tw::test::parsed<Date>("2000-02-29").days_since_epoch() == 11016);
  CHECK(tw::test::parsed<Date>("0001-01-01").days_since_epoch() == -719162);
  CHECK(tw::test::parsed<Date>("9999-12-31").days_since_epoch() == 2932896);
}

TEST_CASE("Date::parse accepts real calendar days only", "[date]") {
  SECTION("leap days") {
    CHECK(tw::test::parsed<Date>("2024-02-29").to_string() == "2024-02-29");
    CHECK(tw::test::parsed<Date>("2000-02-29").to_string() == "2000-02-29");
  }

  SECTION("February 29 in a common year") {
    const auto date = Date::parse("2025-02-29");
    REQUIRE_FALSE(date.has_value());
    CHECK(date.error().message == "2025-02 has no day 29");
    CHECK(date.error().column == 8);
    CHECK(date.error().hint == "the last day of that month is 2025-02-28");
  }

  SECTION("1900 is not a leap year") {
    const auto date = Date::parse("1900-02-29");
    REQUIRE_FALSE(date.has_value());
    CHECK(date.error().message == "1900-02 has no day 29");
    CHECK(date.error().hint == "the last day of that month is 1900-02-28");
  }

  SECTION("day 31 of a 30-day month") {
    const auto date = Date::parse("2024-04-31");
    REQUIRE_FALSE(date.has_value());
    CHECK(date.error().message == "2024-04 has no day 31");
    CHECK(date.error().column == 8);
    CHECK(date.error().hint == "the last day of that month is 2024-04-30");
  }

  SECTION("day 00") {
    const auto date = Date::parse("2024-01-00");
    REQUIRE_FALSE(date.has_value());
    CHECK(date.error().message == "2024-01 has no day 00");
    CHECK(date.error().column == 8);
    CHECK(date.error().hint == "the last day of that month is 2024-01-31");
  }

  SECTION("month 13") {
    const auto date = Date::parse("2024-13-01");
    REQUIRE_FALSE(date.has_value());
    CHECK(date.error().message == "there is no month 13");
    CHECK(date.error().column == 5);
    CHECK(date.error().hint == k_date_hint);
  }

  SECTION("month 00") {
    const auto date = Date::parse("2024-00-10");
    REQUIRE_FALSE(date.has_value());
    CHECK(date.error().message == "there is no month 00");
    CHECK(date.error().column == 5);
  }

  SECTION("year 0000") {
    const auto date = Date::parse("0000-01-01");
    REQUIRE_FALSE(date.has_value());
    CHECK(date.error().message == "there is no year 0000");
    CHECK(date.error().column == 0);
    CHECK(date.error().hint == k_date_hint);
  }
}

TEST_CASE("Date::parse is strict about the form and points at the bad column", "[date]") {
  struct Case {
    std::string text;
    std::string message;
    std::size_t column;
  };
  const auto test_case = GENERATE(values<Case>({
      {"", "not a date", 0},
      {"2024", "not a date", 4},
      {"24-09-27", "not a date", 2},
      {" 2024-09-27", "not a date", 0},
      {"2024/09/27", "not a date", 4},
      {"2024-9-27", "not a date", 6},
      {"2024-09-7", "not a date", 9},
      {"2024-09", "not a date", 7},
      {"2024-09-", "not a date", 8},
      {"2024-09_27", "not a date", 7},
      {"2024-0x-27", "not a date", 6},
      {"27.09.2024", "not a date", 2},
      {"2024-09-27 ", "unexpected text after the date", 10},
      {"2024-09-27T00:00:00Z", "unexpected text after the date", 10},
      {"20240927", "not a date", 4},
  }));
  CAPTURE(test_case.text);
  const auto date = Date::parse(test_case.text);
  REQUIRE_FALSE(date.has_value());
  CHECK(date.error().message == test_case.message);
  CHECK(date.error().column == test_case.column);
  CHECK(date.error().hint == k_date_hint);
}

TEST_CASE("Date::to_string round-trips every day of a leap year", "[date]") {
  const Date first = tw::test::parsed<Date>("2024-01-01");
  for (std::int32_t offset = 0; offset < 366; ++offset) {
    const Date day = first.plus_days(offset);
    const auto again = Date::parse(day.to_string());
    REQUIRE(again.has_value());
    REQUIRE(*again == day);
  }
  CHECK(first.plus_days(365).to_string() == "2024-12-31");
  CHECK(first.plus_days(366).to_string() == "2025-01-01");
}

TEST_CASE("Date::to_string pads years, months and days", "[date]") {
  CHECK(tw::test::parsed<Date>("0001-01-01").to_string() == "0001-01-01");
  CHECK(tw::test::parsed<Date>("0999-03-05").to_string() == "0999-03-05");
  CHECK(Date().to_string() == "1970-01-01");
  CHECK(Date::from_days(-1).to_string() == "1969-12-31");
}

TEST_CASE("Date::from_ymd builds the same day as parse", "[date]") {
  CHECK(Date::from_ymd(2024, 9, 27) == tw::test::parsed<Date>("2024-09-27"));
  CHECK(Date::from_ymd(2024, 2, 29).to_string() == "2024-02-29");
  CHECK(Date::from_days(19993) == Date::from_ymd(2024, 9, 27));
}

TEST_CASE("Date::plus_days crosses months and years", "[date]") {
  CHECK(tw::test::parsed<Date>("2024-02-28").plus_days(1).to_string() == "2024-02-29");
  CHECK(tw::test::parsed<Date>("2023-02-28").plus_days(1).to_string() == "2023-03-01");
  CHECK(tw::test::parsed<Date>("2024-12-31").plus_days(1).to_string() == "2025-01-01");
  CHECK(tw::test::parsed<Date>("2025-01-01").plus_days(-1).to_string() == "2024-12-31");
  CHECK(tw::test::parsed<Date>("2024-09-27").plus_days(0) == tw::test::parsed<Date>("2024-09-27"));
}

TEST_CASE("Dates order as days do", "[date]") {
  const Date earlier = tw::test::parsed<Date>("2024-09-26");
  const Date later = tw::test::parsed<Date>("2024-09-27");
  CHECK(earlier < later);
  CHECK(later > earlier);
  CHECK(earlier != later);
  CHECK(earlier <= earlier);
  CHECK(tw::test::parsed<Date>("1999-12-31") < tw::test::parsed<Date>("2000-01-01"));
  CHECK(tw::test::parsed<Date>("2024-01-31") < tw::test::parsed<Date>("2024-02-01"));
  CHECK(tw::test::parsed<Date>("0001-01-01") < Date());
  CHECK(tw::test::parsed<Date>("2024-09-27") == Date::from_days(19993));
}

TEST_CASE("option_error shows a bad date with a caret under the bad column", "[date]") {
  const auto date = Date::parse("2025-02-29");
  REQUIRE_FALSE(date.has_value());
  const tw::Error error = tw::option_error("--on", "2025-02-29", date.error());
  CHECK(error.code() == tw::ExitCode::usage);
  CHECK(std::string(error.what()) == "--on \"2025-02-29\": 2025-02 has no day 29");
  CHECK(error.hint() == "the last day of that month is 2025-02-28");
  CHECK(error.context() == "  --on 2025-02-29\n"
                           "               ^");
}
