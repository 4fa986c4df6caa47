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
