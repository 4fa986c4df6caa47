#include "query/timeline.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace tw::query {

namespace {

bool in_force(const Validity& valid, Date day) { return valid.from <= day && (!valid.to || day < *valid.to); }

// What a step charges: the applied layers by authority, measure and rate, and the total.
auto charged(const StackedRate& stacked) {
  std::vector<std::tuple<std::string, std::string, Rate>> layers;
  for (const auto& layer : stacked.layers) {
    if (layer.applied) {
      layers.emplace_back(layer.source.measure.authority, layer.source.measure.id, layer.source.line.rate);
    }
  }
  return std::make_pair(std::move(layers), stacked.total);
}

} // namespace

std::vector<TimelineStep> rate_timeline(const std::vector<store::MeasureLine>& versions, const std::string& company,
                                        std::optional<Date> from, std::optional<Date> to) {
  std::set<Date> breakpoints;
  for (const auto& version : versions) {
    breakpoints.insert(version.line.valid.from);
    if (version.line.valid.to) {
      breakpoints.insert(*version.line.valid.to);
    }
  }
  if (from) {
    // The step in force on `from` starts the timeline there; earlier breakpoints go.
    breakpoints.erase(breakpoints.begin(), breakpoints.lower_bound(*from));
    breakpoints.insert(*from);
  }
  std::vector<TimelineStep> steps;
  for (const Date day : breakpoints) {
    std::vector<store::MeasureLine> in_force_lines;
    for (const auto& version : versions) {
      if (in_force(version.line.valid, day)) {
        in_force_lines.push_back(version);
      }
    }
    StackedRate stacked = stack_rate(std::move(in_force_lines), company);
    if (!steps.empty() && charged(steps.back().stacked) == charged(stacked)) {
      continue;
    }
    if (!steps.empty()) {
      steps.back().to = day;
    }
    steps.push_back(TimelineStep{day, std::nullopt, std::move(stacked)});
  }
  // Steps are found past `to` so that the last one shown ends where it really ends.
  std::erase_if(steps, [&](const TimelineStep& step) { return to && step.from > *to; });
  return steps;
}

} // namespace tw::query
