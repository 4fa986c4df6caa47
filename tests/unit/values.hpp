#pragma once

// Values for tests, read with the real parsers; a test fails at once if one does not parse.

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/jurisdiction.hpp"
#include "core/product_code.hpp"
#include "core/rate.hpp"

#include <catch2/catch.hpp>

#include <functional>
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

// The message of the data error (exit 65) that `action` throws; fails the test if it throws none.
inline std::string data_error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    CHECK(error.code() == ExitCode::data_error);
    return error.what();
  }
  FAIL("no error");
  return {};
}

} // namespace tw::test
