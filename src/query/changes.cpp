#include "query/changes.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace tw::query {

namespace {

using LineId = std::tuple<std::string, LineKey>; // measure id, line key

bool in_range(Date day, Date from, Date to) { return from <= day && day <= to; }

// Changes that merge: all but the product code.
auto merge_key(const LineChange& change) {
  return std::make_tuple(change.measure.imposer, change.origin, change.measure.authority, change.effective,
                         change.measure.id, change.company, static_cast<int>(change.kind), change.old_rate,
                         change.new_rate, change.act_id, change.heading);
}

} // namespace

std::vector<LineChange> detect_changes(const std::vector<store::MeasureLine>& versions, Date from, Date to) {
  std::map<LineId, std::vector<const store::MeasureLine*>> lines;
  for (const auto& version : versions) {
    lines[{version.line.measure_id, version.line.key}].push_back(&version);
  }
  std::vector<LineChange> found;
  for (const auto& [id, line_versions] : lines) {
    auto starting_on = [&](Date day) -> const store::MeasureLine* {
      auto it = std::ranges::find_if(line_versions, [&](const auto* v) { return v->line.valid.from == day; });
      return it == line_versions.end() ? nullptr : *it;
    };
    auto ending_on = [&](Date day) -> const store::MeasureLine* {
      auto it = std::ranges::find_if(line_versions, [&](const auto* v) { return v->line.valid.to == day; });
      return it == line_versions.end() ? nullptr : *it;
    };
    for (const auto* version : line_versions) {
      const TariffLine& line = version->line;
      LineChange change{ChangeKind::changed, line.valid.from, version->measure, line.key.origin, line.key.company,
                        {line.key.hs},       std::nullopt,    line.rate,        line.act_id,     line.heading};
      if (in_range(line.valid.from, from, to)) {
        const auto* previous = ending_on(line.valid.from);
        if (previous == nullptr) {
          change.kind = ChangeKind::added;
          found.push_back(change);
        } else if (previous->line.rate != line.rate) {
          change.old_rate = previous->line.rate;
          found.push_back(change);
        }
        // A version with the previous rate is no change, but its end may still be one.
      }
      if (line.valid.to && in_range(*line.valid.to, from, to) && starting_on(*line.valid.to) == nullptr) {
        change.kind = ChangeKind::ended;
        change.effective = *line.valid.to;
        change.old_rate = line.rate;
        change.new_rate.reset();
        change.act_id = line.end_act_id;
        found.push_back(change);
      }
    }
  }
  std::ranges::sort(found, [](const LineChange& a, const LineChange& b) {
    return std::make_tuple(merge_key(a), a.codes.front()) < std::make_tuple(merge_key(b), b.codes.front());
  });
  std::vector<LineChange> merged;
  for (auto& change : found) {
    if (!merged.empty() && merge_key(merged.back()) == merge_key(change)) {
      merged.back().codes.push_back(change.codes.front());
    } else {
      merged.push_back(std::move(change));
    }
  }
  return merged;
}

} // namespace tw::query
