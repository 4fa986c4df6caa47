#pragma once

#include "core/error.hpp"

#include <compare>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace tw {

// A civil date (proleptic Gregorian), written and read as ISO 8601 `YYYY-MM-DD`.
// Only real calendar days exist: 2024-02-29 parses, 2025-02-29 does not.
class Date {
public:
  // Reads exactly `YYYY-MM-DD` with years 0001 to 9999.
  static std::expected<Date, ParseError> parse(std::string_view text);
  // `year`, `month`, `day` must form a real day.
  static Date from_ymd(int year, unsigned month, unsigned day);
  static Date from_days(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  // 1970-01-01; a placeholder in default-built records.
  Date() = default;

  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::int32_t days_since_epoch() const { return m_days; }
  Date plus_days(std::int32_t days) const { return Date(m_days + days); }

  std::string to_string() const;

  auto operator<=>(const Date&) const = default;

private:
  explicit Date(std::int32_t days) : m_days(days) {}
  std::int32_t m_days = 0; // days since 1970-01-01
};

} // namespace tw
