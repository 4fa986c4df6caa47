#include "query/rate_stack.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace tw::query {

namespace {

std::string folded(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(), [](unsigned char c) { return std::tolower(c); });
  return result;
}

// Larger is more specific: a longer product code, then an origin of its own, then a company.
auto specificity(const store::MeasureLine& candidate) {
  const auto& key = candidate.line.key;
  return std::make_tuple(key.hs.digits().size(), !key.origin.is_all(), !key.company.empty());
}

// The line that applies first: the most specific, then the one in force since the latest
// date, then the smallest measure id.
bool applies_before(const store::MeasureLine& a, const store::MeasureLine& b) {
  return std::make_tuple(specificity(a), a.line.valid.from, b.measure.id) >
         std::make_tuple(specificity(b), b.line.valid.from, a.measure.id);
}

bool is_base_layer(const std::string& authority) { return folded(authority) == "mfn"; }

std::optional<int> priority_in(const Measure& measure, const std::string& group) {
  for (const auto& membership : measure.exclusive_groups) {
    if (membership.name == group) {
      return membership.priority;
    }
  }
  return std::nullopt;
}

// Why `layer` is set aside by an exclusive group it shares with a layer of higher priority
// among `applying`; empty when it is not. All layers are judged against the same set, so the
// answer does not depend on their order.
std::string excluded_because(const Layer& layer, const std::vector<Layer>& applying) {
  for (const auto& group : layer.source.measure.exclusive_groups) {
    const Layer* winner = nullptr;
    int best = group.priority;
    for (const auto& other : applying) {
      const auto priority = priority_in(other.source.measure, group.name);
      if (priority && *priority > best) {
        winner = &other;
        best = *priority;
      }
    }
    if (winner != nullptr) {
      return fmt::format("exclusive group {}: {} ({}, priority {}) is charged instead of this (priority {})",
                         group.name, winner->source.measure.id, winner->source.measure.authority, best, group.priority);
    }
  }
  return {};
}

} // namespace

StackedRate stack_rate(std::vector<store::MeasureLine> candidates, const std::string& company) {
  StackedRate result;
  std::map<std::string, std::vector<store::MeasureLine>> by_authority;
  for (auto& candidate : candidates) {
    const std::string& line_company = candidate.line.key.company;
    if (!line_company.empty() && folded(line_company) != folded(company)) {
      // Formatted before `candidate` is moved from: `line_company` refers into it.
      std::string reason = fmt::format("applies only to goods of exporter {}", line_company);
      result.layers.push_back(Layer{std::move(candidate), false, std::move(reason)});
      continue;
    }
    by_authority[folded(candidate.measure.authority)].push_back(std::move(candidate));
  }
  std::vector<Layer> applied;
  for (auto& [authority, lines] : by_authority) {
    std::ranges::sort(lines, applies_before);
    const store::MeasureLine& winner = lines.front();
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const bool as_specific = specificity(lines[i]) == specificity(winner);
      result.layers.push_back(
          Layer{std::move(lines[i]), false,
                fmt::format("{} of the same authority applies: {} on {}",
                            as_specific ? "a line in force since a later date" : "a more specific line",
                            winner.measure.id, winner.line.key.hs.format(winner.measure.imposer))});
    }
    applied.push_back(Layer{std::move(lines.front()), true, {}});
  }
  std::vector<std::string> exclusions;
  for (const auto& layer : applied) {
    exclusions.push_back(excluded_because(layer, applied));
  }
  for (std::size_t i = applied.size(); i-- > 0;) {
    if (!exclusions[i].empty()) {
      applied[i].applied = false;
      applied[i].set_aside_because = std::move(exclusions[i]);
      result.layers.push_back(std::move(applied[i]));
      applied.erase(applied.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  std::ranges::stable_sort(applied, [](const Layer& a, const Layer& b) {
    return is_base_layer(a.source.measure.authority) && !is_base_layer(b.source.measure.authority);
  });
  for (const auto& layer : applied) {
    result.total = result.total.plus(layer.source.line.rate);
  }
  result.layers.insert(result.layers.begin(), std::make_move_iterator(applied.begin()),
                       std::make_move_iterator(applied.end()));
  return result;
}

} // namespace tw::query
