#pragma once

#include "core/error.hpp"
#include "core/jurisdiction.hpp"

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace tw {

// An HS / HTS / CN product code of 2 to 10 digits. Dots and spaces are ignored on input
// (`8703.80.00` is `87038000`). A code covers itself and every longer code under it.
// `*` is all products: no digits, covering every code.
class ProductCode {
public:
  static std::expected<ProductCode, ParseError> parse(std::string_view text);
  static ProductCode all() { return {}; }
  ProductCode() = default; // all products

  bool is_all() const { return m_digits.empty(); }
  const std::string& digits() const { return m_digits; }
  // The digits, or `*` for all products: how the store and files write it.
  std::string key() const { return is_all() ? "*" : m_digits; }
  bool covers(const ProductCode& other) const { return other.m_digits.starts_with(m_digits); }
  // Every code that covers this one, shortest first, this one last (`8703`, `87038`, …).
  std::vector<std::string> covering_prefixes() const;
  // The imposer's usual form: groups 4.2.2.rest with dots (`8703.80.00`, `8507.60.0010`),
  // with spaces for the EU (`8703 80 00`); `*` for all products.
  std::string format(const Jurisdiction& imposer) const;

  auto operator<=>(const ProductCode&) const = default;

private:
  explicit ProductCode(std::string digits) : m_digits(std::move(digits)) {}
  std::string m_digits;
};

} // namespace tw
