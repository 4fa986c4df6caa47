#include "core/model.hpp"

#include <array>
#include <utility>

namespace tw {

namespace {
constexpr std::array<std::pair<MeasureKind, std::string_view>, 4> k_kinds{{
    {MeasureKind::tariff, "tariff"},
    {MeasureKind::listing, "listing"},
    {MeasureKind::control, "control"},
    {MeasureKind::other, "other"},
}};
} // namespace

std::string_view to_string(MeasureKind kind) {
  for (const auto& [value, name] : k_kinds) {
    if (value == kind) {
      return name;
    }
  }
  return "other";
}

std::optional<MeasureKind> parse_measure_kind(std::string_view text) {
  for (const auto& [value, name] : k_kinds) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

} // namespace tw
