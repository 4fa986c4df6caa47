#include "io/source.hpp"

#include <fmt/format.h>

namespace tw::io {

std::string SourcePosition::to_string() const {
  return column > 0 ? fmt::format("{}:{}:{}", file, line, column) : fmt::format("{}:{}", file, line);
}

Error data_error(const SourcePosition& at, const std::string& message, const std::string& hint,
                 const std::string& offending) {
  return Error(ExitCode::data_error, fmt::format("{}: {}", at.to_string(), message), hint,
               offending.empty() ? std::string() : fmt::format("  {}", offending));
}

} // namespace tw::io
