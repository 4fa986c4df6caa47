#pragma once

#include "query/rate_stack.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tw::query {

// The duty over [from, to): stacked as `rate` stacks it on every day of the period.
struct TimelineStep {
  Date from;
  std::optional<Date> to; // unset: until further notice
  StackedRate stacked;
};

// The steps of the duty on goods over time. `versions` must hold every version, at any
// valid time, of the lines that could cover the goods (what `lines_applying` finds on one
// day, on every day). The breakpoints are the days a version starts or ends; between two,
// the lines in force are the same, so the stack of each breakpoint (by `stack_rate`, as
// `rate` does) holds until the next. A breakpoint where the charged layers (authority,
// measure, rate) and the total stay the same starts no new step. Steps start within
// [from, to] (both optional); a `from` inside a step starts the first step there.
std::vector<TimelineStep> rate_timeline(const std::vector<store::MeasureLine>& versions, const std::string& company,
                                        std::optional<Date> from, std::optional<Date> to);

} // namespace tw::query
