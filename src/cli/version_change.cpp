#include "cli/version_change.hpp"

#include "cli/options.hpp"

namespace tw::cli {

void check_fields_apply(const LineUpdate& update, MeasureKind kind, std::string_view command) {
  const auto fields = update.fields_not_for(kind);
  if (fields.empty()) {
    return;
  }
  std::string options;
  for (const auto& field : fields) {
    options += fmt::format("{}--{}", options.empty() ? "" : ", ", field);
  }
  throw Error(
      ExitCode::usage,
      fmt::format("{} {} not apply to a {} measure", options, fields.size() == 1 ? "does" : "do", to_string(kind)),
      fmt::format("'tradewatch {} --help' says which options apply to which kind", command));
}

std::vector<ProductCode> parse_codes(const std::vector<std::string>& values) {
  std::vector<ProductCode> codes;
  for (const auto& value : values) {
    codes.push_back(parse_option<ProductCode>("--hs", value));
  }
  return codes;
}

} // namespace tw::cli
