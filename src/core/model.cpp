#include "core/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace tw {

namespace {

template <typename Enum, std::size_t N> using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N> std::string_view name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) {
      return name;
    }
  }
  return table.front().second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const NameTable<Enum, N>& table, std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

constexpr NameTable<MeasureKind, 4> k_kinds{{
    {MeasureKind::tariff, "tariff"},
    {MeasureKind::listing, "listing"},
    {MeasureKind::control, "control"},
    {MeasureKind::other, "other"},
}};

constexpr NameTable<EntityType, 4> k_entity_types{{
    {EntityType::entity, "entity"},
    {EntityType::individual, "individual"},
    {EntityType::vessel, "vessel"},
    {EntityType::aircraft, "aircraft"},
}};

constexpr NameTable<Direction, 2> k_directions{{{Direction::exports, "export"}, {Direction::imports, "import"}}};

constexpr NameTable<Requirement, 3> k_requirements{{
    {Requirement::licence, "licence"},
    {Requirement::ban, "ban"},
    {Requirement::quota, "quota"},
}};

// Reads the non-negative integer `text`, which starts at column `column` of the input.
std::expected<int, ParseError> parse_count(std::string_view text, std::size_t column, const char* hint) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::unexpected(ParseError{"expected a whole number", column, hint});
  }
  return value;
}

} // namespace

std::string_view to_string(MeasureKind kind) { return name_of(k_kinds, kind); }
std::optional<MeasureKind> parse_measure_kind(std::string_view text) { return value_of(k_kinds, text); }
std::string_view to_string(EntityType type) { return name_of(k_entity_types, type); }
std::optional<EntityType> parse_entity_type(std::string_view text) { return value_of(k_entity_types, text); }
std::string_view to_string(Direction direction) { return name_of(k_directions, direction); }
std::optional<Direction> parse_direction(std::string_view text) { return value_of(k_directions, text); }
std::string_view to_string(Requirement requirement) { return name_of(k_requirements, requirement); }
std::optional<Requirement> parse_requirement(std::string_view text) {
  // Both spellings are in use; the store writes the British one, as the EAR's "licence" is not.
  if (text == "license") {
    return Requirement::licence;
  }
  return value_of(k_requirements, text);
}

std::expected<EntityCount, ParseError> parse_entity_count(std::string_view text) {
  const char* hint = "write COUNTRY=COUNT, e.g. CN=37";
  const auto equals = text.find('=');
  if (equals == std::string_view::npos) {
    return std::unexpected(ParseError{"expected COUNTRY=COUNT", text.size(), hint});
  }
  auto country = Jurisdiction::parse(text.substr(0, equals));
  if (!country) {
    return std::unexpected(country.error());
  }
  auto count = parse_count(text.substr(equals + 1), equals + 1, hint);
  if (!count) {
    return std::unexpected(count.error());
  }
  return EntityCount{*country, *count};
}

std::string format_entity_counts(const EntityCounts& counts) {
  EntityCounts sorted = counts;
  std::ranges::sort(sorted, {}, [](const EntityCount& c) { return c.country.code(); });
  std::string text;
  for (const auto& [country, count] : sorted) {
    text += fmt::format("{}{}={}", text.empty() ? "" : ";", country.code(), count);
  }
  return text;
}

std::expected<EntityCounts, ParseError> parse_entity_counts(std::string_view text) {
  EntityCounts counts;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    auto count = parse_entity_count(text.substr(start, end - start));
    if (!count) {
      count.error().column += start;
      return std::unexpected(count.error());
    }
    counts.push_back(*count);
    start = end + 1;
  }
  return counts;
}

int total(const EntityCounts& counts) {
  int sum = 0;
  for (const auto& count : counts) {
    sum += count.count;
  }
  return sum;
}

std::expected<ExclusiveGroup, ParseError> parse_exclusive_group(std::string_view text) {
  const char* hint = "write GROUP:PRIORITY, e.g. eo-14289:2; a higher priority is charged first";
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return std::unexpected(ParseError{"expected GROUP:PRIORITY", text.size(), hint});
  }
  const std::string_view name = text.substr(0, colon);
  if (name.find_first_of(" \t") != std::string_view::npos) {
    return std::unexpected(ParseError{"a group name has no spaces", name.find_first_of(" \t"), hint});
  }
  auto priority = parse_count(text.substr(colon + 1), colon + 1, hint);
  if (!priority) {
    return std::unexpected(priority.error());
  }
  return ExclusiveGroup{std::string(name), *priority};
}

std::string format_exclusive_groups(const std::vector<ExclusiveGroup>& groups) {
  std::vector<ExclusiveGroup> sorted = groups;
  std::ranges::sort(sorted);
  std::string text;
  for (const auto& group : sorted) {
    text += fmt::format("{}{}:{}", text.empty() ? "" : " ", group.name, group.priority);
  }
  return text;
}

std::vector<ExclusiveGroup> parse_exclusive_groups(std::string_view text) {
  std::vector<ExclusiveGroup> groups;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (auto group = parse_exclusive_group(text.substr(start, end - start))) {
      groups.push_back(std::move(*group));
    }
    start = end + 1;
  }
  return groups;
}

} // namespace tw
