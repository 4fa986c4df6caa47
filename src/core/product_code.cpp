#include "core/product_code.hpp"

#include <fmt/format.h>

namespace tw {

namespace {
const char* const k_code_hint =
    "product codes have 2 to 10 digits; dots and spaces are ignored (8703.80.00); * is all products";
}

std::expected<ProductCode, ParseError> ProductCode::parse(std::string_view text) {
  if (text == "*") {
    return all();
  }
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' || c == ' ') {
      continue;
    }
    if (c < '0' || c > '9') {
      return std::unexpected(ParseError{"a product code holds only digits", i, k_code_hint});
    }
    digits.push_back(c);
    if (digits.size() > 10) {
      return std::unexpected(ParseError{"a product code has at most 10 digits", i, k_code_hint});
    }
  }
  if (digits.size() < 2) {
    return std::unexpected(ParseError{"a product code has at least 2 digits", text.size(), k_code_hint});
  }
  return ProductCode(std::move(digits));
}

std::vector<std::string> ProductCode::covering_prefixes() const {
  std::vector<std::string> prefixes;
  for (std::size_t length = 2; length <= m_digits.size(); ++length) {
    prefixes.push_back(m_digits.substr(0, length));
  }
  return prefixes;
}

std::string ProductCode::format(const Jurisdiction& imposer) const {
  if (is_all()) {
    return "*";
  }
  const char separator = imposer.code() == "EU" ? ' ' : '.';
  std::string result = m_digits.substr(0, 4);
  for (std::size_t at = 4; at < m_digits.size() && at < 8; at += 2) {
    result += separator;
    result += m_digits.substr(at, 2);
  }
  if (m_digits.size() > 8) {
    if (separator == ' ') {
      result += ' ';
    }
    result += m_digits.substr(8);
  }
  return result;
}

} // namespace tw
