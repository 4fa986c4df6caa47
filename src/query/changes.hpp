#pragma once

#include "store/tariff_lines.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tw::query {

enum class ChangeKind { changed, added, ended };

// One change in force, on one or more product codes of a measure that changed alike.
struct LineChange {
  ChangeKind kind = ChangeKind::changed;
  Date effective;
  Measure measure;
  Jurisdiction origin = Jurisdiction::all();
  std::string company;
  std::vector<ProductCode> codes;
  std::optional<Rate> old_rate;       // unset when added
  std::optional<Rate> new_rate;       // unset when ended
  std::optional<std::string> act_id;  // the act that made the change
  std::optional<std::string> heading; // the heading from the change on (or before an end)
};

// Finds what came into force in [from, to] (both inclusive) among `versions`, which must
// hold every version of each line that starts or ends in that range. A version that starts
// where the line's previous version ends is a change of rate (none when the rate is the
// same); one with no predecessor is an addition; an end with no successor is an ending.
// Changes that are alike but for the product code are merged; the result is ordered by
// imposer, origin, authority, date and measure.
std::vector<LineChange> detect_changes(const std::vector<store::MeasureLine>& versions, Date from, Date to);

} // namespace tw::query
