#pragma once

// Values for tests, read with the real parsers; a test fails at once if one does not parse.

#include "core/date.hpp"
#include "core/jurisdiction.hpp"
#include "core/product_code.hpp"
#include "core/rate.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace tw::test {

template <typename T> T parsed(const std::string& text) {
  auto value = T::parse(text);
  REQUIRE(value.has_value());
  return *value;
}

inline Date day(const std::string& text) { return parsed<Date>(text); }
inline Rate rate(const std::string& text) { return parsed<Rate>(text); }
inline ProductCode code(const std::string& text) { return parsed<ProductCode>(text); }
inline Jurisdiction jurisdiction(const std::string& text) { return parsed<Jurisdiction>(text); }

} // namespace tw::test
