#pragma once

#include "core/error.hpp"

#include <compare>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw {

// A specific duty: `micros` millionths of `currency` per `per` `unit`s
// (`EUR 90.045/100 kg` is micros 90045000, EUR, per 100, unit "kg").
struct SpecificDuty {
  std::int64_t micros = 0;
  std::string currency; // ISO 4217
  std::int64_t per = 1;
  std::string unit;

  bool same_basis(const SpecificDuty& other) const {
    return currency == other.currency && per == other.per && unit == other.unit;
  }
  auto operator<=>(const SpecificDuty&) const = default;
};

// A duty rate, held exactly: an ad valorem part in thousandths of a percent (35.3% is
// 35300) and any number of specific parts. `Free` is an ad valorem 0.
class Rate {
public:
  // Reads `25%`, `2.5%`, `Free`, `1.5¢/kg`, `$0.10/kg`, `$1.05/doz.`, `EUR 90.045/100 kg`,
  // `90.045 EUR/100 kg` and compounds joined by `+` (`4.4¢/kg + 6%`).
  static std::expected<Rate, ParseError> parse(std::string_view text);
  static Rate ad_valorem(std::int64_t milli_percent) { return Rate(milli_percent, {}); }
  static Rate free() { return ad_valorem(0); }

  // Thousandths of a percent; nullopt when the rate is purely specific.
  std::optional<std::int64_t> ad_valorem_milli() const { return m_ad_valorem_milli; }
  const std::vector<SpecificDuty>& specific() const { return m_specific; }
  bool is_pure_ad_valorem() const { return m_ad_valorem_milli && m_specific.empty(); }

  // The canonical text: specific parts first, then the percentage (`4.4¢/kg + 6%`).
  std::string to_string() const;

  // The duty of two layers charged together: percentages add, specific parts on the same
  // basis add, others stand side by side.
  Rate plus(const Rate& other) const;

  auto operator<=>(const Rate&) const = default;

private:
  Rate(std::optional<std::int64_t> ad_valorem_milli, std::vector<SpecificDuty> specific);
  std::optional<std::int64_t> m_ad_valorem_milli;
  std::vector<SpecificDuty> m_specific; // sorted, one per basis
};

// Formats `value` scaled by 10^`decimals` without trailing zeros: (2500, 3) → "2.5".
std::string format_decimal(std::int64_t value, int decimals);
// Formats thousandths of a percent: 25000 → "25", 2500 → "2.5".
std::string format_milli(std::int64_t milli);

// How a pure ad valorem rate moved from `old_milli` to `new_milli`.
struct RateStep {
  std::int64_t points_milli;         // new − old, in thousandths of a percentage point
  std::optional<std::string> factor; // "×4", "×3.33"; nullopt when old is 0
  std::optional<std::string> word;   // doubled, tripled, quadrupled, halved, removed
};
RateStep describe_step(std::int64_t old_milli, std::int64_t new_milli);

} // namespace tw
