#include "core/jurisdiction.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tw {

namespace {

// ASCII letters only, as codes and the table's names compare: no locale.
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string upper(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(), [](char c) { return upper(c); });
  return result;
}

} // namespace

std::expected<Jurisdiction, ParseError> Jurisdiction::parse(std::string_view text) {
  // Every code is one or two characters: it is found without a copy, as an import parses
  // one or two in each of a million rows.
  if (!text.empty() && text.size() <= 2) {
    std::array<char, 2> code{};
    std::ranges::transform(text, code.begin(), [](char c) { return upper(c); });
    const std::string_view wanted(code.data(), text.size());
    const auto& table = detail::k_jurisdictions;
    const auto found = std::ranges::lower_bound(table, wanted, {}, &JurisdictionEntry::code);
    if (found != table.end() && found->code == wanted) {
      return Jurisdiction(static_cast<std::size_t>(found - table.begin()));
    }
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
