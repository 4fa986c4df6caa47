#include "core/error.hpp"

#include <fmt/format.h>

namespace tw {

Error option_error(std::string_view option, std::string_view value, const ParseError& error) {
  const std::string prefix = fmt::format("  {} ", option);
  std::string context = fmt::format("{}{}\n{}^", prefix, value, std::string(prefix.size() + error.column, ' '));
  return Error(ExitCode::usage, fmt::format("{} \"{}\": {}", option, value, error.message), error.hint,
               std::move(context));
}

} // namespace tw
