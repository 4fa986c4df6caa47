#pragma once

#include "core/error.hpp"

#include <array>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace tw {

struct JurisdictionEntry {
  std::string_view code;
  std::string_view name;
};

namespace detail {
extern const std::array<JurisdictionEntry, 251> k_jurisdictions;
} // namespace detail

// An ISO 3166-1 alpha-2 country, `EU`, or `*` (all origins). Only codes in the table
// compiled into the binary exist.
class Jurisdiction {
public:
  // Reads a code in any letter case ("cn" is CN). An unknown code fails, with a hint that
  // names the code when the text is a country's name ("China" → CN).
  static std::expected<Jurisdiction, ParseError> parse(std::string_view text);
  static Jurisdiction all() { return Jurisdiction(0); }
  // The country whose name in the table is `name`, in any letter case ("china" is CN); not `*`.
  static std::optional<Jurisdiction> find_by_name(std::string_view name);

  std::string_view code() const { return detail::k_jurisdictions[m_index].code; }
  std::string_view name() const { return detail::k_jurisdictions[m_index].name; }
  bool is_all() const { return code() == "*"; }

  bool operator==(const Jurisdiction&) const = default;
  auto operator<=>(const Jurisdiction& other) const { return code() <=> other.code(); }

private:
  explicit Jurisdiction(std::size_t index) : m_index(index) {}
  std::size_t m_index;
};

} // namespace tw
