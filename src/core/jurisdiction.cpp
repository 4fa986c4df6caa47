#include "core/jurisdiction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tw {

namespace {

std::string upper(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(), [](unsigned char c) { return std::toupper(c); });
  return result;
}

} // namespace

std::expected<Jurisdiction, ParseError> Jurisdiction::parse(std::string_view text) {
  const auto& table = detail::k_jurisdictions;
  const std::string code = upper(text);
  const auto found = std::ranges::lower_bound(table, code, {}, &JurisdictionEntry::code);
  if (found != table.end() && found->code == code) {
    return Jurisdiction(static_cast<std::size_t>(found - table.begin()));
  }
  const auto by_name = find_by_name(text);
  const std::string hint =
      by_name ? fmt::format("{} is written {}", by_name->name(), by_name->code())
              : "use an ISO 3166-1 alpha-2 code such as CN, US or DE; EU for the European Union; * for all";
  return std::unexpected(ParseError{"unknown country or jurisdiction code", 0, hint});
}

std::optional<Jurisdiction> Jurisdiction::find_by_name(std::string_view name) {
  const auto& table = detail::k_jurisdictions;
  const std::string wanted = upper(name);
  const auto found = std::ranges::find_if(
      table, [&](const JurisdictionEntry& entry) { return entry.code != "*" && upper(entry.name) == wanted; });
  if (found == table.end()) {
    return std::nullopt;
  }
  return Jurisdiction(static_cast<std::size_t>(found - table.begin()));
}

} // namespace tw
