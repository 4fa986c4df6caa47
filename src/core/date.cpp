#include "core/date.hpp"

#include <fmt/format.h>

#include <chrono>

namespace tw {

namespace {

const char* const k_date_hint = "dates are written YYYY-MM-DD, e.g. 2024-09-27";

std::expected<unsigned, ParseError> read_digits(std::string_view text, std::size_t at, std::size_t count) {
  unsigned value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') {
      return std::unexpected(ParseError{"not a date", i, k_date_hint});
    }
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return value;
}

} // namespace

std::expected<Date, ParseError> Date::parse(std::string_view text) {
  auto year = read_digits(text, 0, 4);
  if (!year) {
    return std::unexpected(year.error());
  }
  if (text.size() <= 4 || text[4] != '-') {
    return std::unexpected(ParseError{"not a date", 4, k_date_hint});
  }
  auto month = read_digits(text, 5, 2);
  if (!month) {
    return std::unexpected(month.error());
  }
  if (text.size() <= 7 || text[7] != '-') {
    return std::unexpected(ParseError{"not a date", 7, k_date_hint});
  }
  auto day = read_digits(text, 8, 2);
  if (!day) {
    return std::unexpected(day.error());
  }
  if (text.size() > 10) {
    return std::unexpected(ParseError{"unexpected text after the date", 10, k_date_hint});
  }
  if (*year == 0) {
    return std::unexpected(ParseError{"there is no year 0000", 0, k_date_hint});
  }
  if (*month < 1 || *month > 12) {
    return std::unexpected(ParseError{fmt::format("there is no month {:02}", *month), 5, k_date_hint});
  }
  const std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(*year)), std::chrono::month(*month),
                                        std::chrono::day(*day)};
  if (!ymd.ok()) {
    const auto last = std::chrono::year_month_day_last(ymd.year(), std::chrono::month_day_last(ymd.month()));
    return std::unexpected(ParseError{fmt::format("{:04}-{:02} has no day {:02}", *year, *month, *day), 8,
                                      fmt::format("the last day of that month is {:04}-{:02}-{:02}", *year, *month,
                                                  static_cast<unsigned>(last.day()))});
  }
  return Date(static_cast<std::int32_t>(std::chrono::sys_days(ymd).time_since_epoch().count()));
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  return Date(static_cast<std::int32_t>(std::chrono::sys_days(ymd).time_since_epoch().count()));
}

namespace {
std::chrono::year_month_day to_ymd(std::int32_t days) {
  return std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(days)));
}
} // namespace

int Date::year() const { return static_cast<int>(to_ymd(m_days).year()); }
unsigned Date::month() const { return static_cast<unsigned>(to_ymd(m_days).month()); }
unsigned Date::day() const { return static_cast<unsigned>(to_ymd(m_days).day()); }

std::string Date::to_string() const {
  const auto ymd = to_ymd(m_days);
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  }
  // By hand: an import formats two dates a row.
  std::string text = "0000-00-00";
  const auto put = [&](std::size_t end, unsigned value) {
    for (std::size_t i = end; value != 0; --i, value /= 10) {
      text[i] = static_cast<char>('0' + value % 10);
    }
  };
  put(3, static_cast<unsigned>(year));
  put(6, static_cast<unsigned>(ymd.month()));
  put(9, static_cast<unsigned>(ymd.day()));
  return text;
}

} // namespace tw
