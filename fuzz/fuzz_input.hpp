#pragma once

// What every fuzz target shares: the libFuzzer entry point's signature, and the rule that
// a tw::Error is the expected answer to bad input, while any other exception, a crash or a
// sanitizer report is a bug.

#include "core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace tw::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A property every input must keep; a broken one is reported as a crash, with its input.
inline void require(bool holds) {
  if (!holds) {
    std::abort();
  }
}

// Runs `parse` on the input as a stream; a tw::Error (a reported bad input) is fine.
template <typename Parse> void parse_stream(const std::uint8_t* data, std::size_t size, Parse parse) {
  std::istringstream in{std::string(text_of(data, size))};
  try {
    parse(in);
  } catch (const tw::Error&) {
  }
}

} // namespace tw::fuzz
