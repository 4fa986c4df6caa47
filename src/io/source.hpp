#pragma once

#include "core/error.hpp"

#include <cstddef>
#include <string>

namespace tw::io {

// A place in an input file, for messages: `FILE:LINE:COL` (1-based; column in bytes).
struct SourcePosition {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;

  std::string to_string() const;
};

// An error in input data (exit 65): `FILE:LINE:COL: message`, with the offending text shown
// under it when given, and a hint.
Error data_error(const SourcePosition& at, const std::string& message, const std::string& hint = {},
                 const std::string& offending = {});

} // namespace tw::io
