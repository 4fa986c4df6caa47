#include "query/changes.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace tw::query {

namespace {

bool in_range(Date day, Date from, Date to) { return from <= day && day <= to; }

// A step of one line: the versions on either side of a change.
template <typename Line> struct Step {
  ChangeKind kind;
  Date effective;
  const store::WithMeasure<Line>* before = nullptr; // changed, ended
  const store::WithMeasure<Line>* after = nullptr;  // changed, added
};

// The steps in [from, to] of the lines among `versions`; `differ(a, b)` says whether two
// consecutive versions say something different.
template <typename Line, typename Differ>
std::vector<Step<Line>> steps(const std::vector<store::WithMeasure<Line>>& versions, Date from, Date to,
                              Differ differ) {
  using Key = std::remove_cvref_t<decltype(versions.front().line.version_key())>;
  std::map<std::pair<std::string, Key>, std::vector<const store::WithMeasure<Line>*>> lines;
  for (const auto& version : versions) {
    lines[{version.line.measure_id, version.line.version_key()}].push_back(&version);
  }
  std::vector<Step<Line>> found;
  for (const auto& [id, line_versions] : lines) {
    auto find = [&](auto matches) -> const store::WithMeasure<Line>* {
      auto it = std::ranges::find_if(line_versions, matches);
      return it == line_versions.end() ? nullptr : *it;
    };
    for (const auto* version : line_versions) {
      const Validity& valid = version->line.valid;
      if (in_range(valid.from, from, to)) {
        const auto* previous = find([&](const auto* v) { return v->line.valid.to == valid.from; });
        if (previous == nullptr) {
          found.push_back({ChangeKind::added, valid.from, nullptr, version});
        } else if (differ(previous->line, version->line)) {
          found.push_back({ChangeKind::changed, valid.from, previous, version});
        }
        // A version with the previous terms is no change, but its end may still be one.
      }
      if (valid.to && in_range(*valid.to, from, to) &&
          find([&](const auto* v) { return v->line.valid.from == *valid.to; }) == nullptr) {
        found.push_back({ChangeKind::ended, *valid.to, version, nullptr});
      }
    }
  }
  return found;
}

// Two versions differ in their terms when copies with the same dates and records differ.
template <typename Line> bool terms_differ(const Line& a, const Line& b) {
  auto terms = [](Line line) {
    line.row_id = 0;
    line.valid = {};
    line.act_id.reset();
    line.end_act_id.reset();
    line.note.reset();
    line.recorded_in = 0;
    line.superseded_in.reset();
    return line;
  };
  return !(terms(a) == terms(b));
}

// Sorts `changes` by `key` and the first code, then merges neighbours with equal keys.
template <typename Change, typename Key> std::vector<Change> merged_across_codes(std::vector<Change> changes, Key key) {
  std::ranges::sort(changes, [&](const Change& a, const Change& b) {
    return std::make_tuple(key(a), a.codes.front()) < std::make_tuple(key(b), b.codes.front());
  });
  std::vector<Change> merged;
  for (auto& change : changes) {
    if (!merged.empty() && key(merged.back()) == key(change)) {
      merged.back().codes.push_back(change.codes.front());
    } else {
      merged.push_back(std::move(change));
    }
  }
  return merged;
}

template <typename Line> std::optional<Line> line_of(const store::WithMeasure<Line>* version) {
  return version != nullptr ? std::optional(version->line) : std::nullopt;
}

} // namespace

std::vector<LineChange> detect_changes(const std::vector<store::MeasureLine>& versions, Date from, Date to) {
  std::vector<LineChange> found;
  for (const auto& step : steps(versions, from, to, [](const auto&a, const auto&b) { return a.rate != b.rate; })) {
    const auto& [line, measure] = step.after != nullptr ? *step.after : *step.before;
    LineChange change{step.kind,     step.effective, measure,      line.key.origin, line.key.company,
                      {line.key.hs}, std::nullopt,   std::nullopt, line.act_id,     line.heading};
    if (step.before != nullptr) {
      change.old_rate = step.before->line.rate;
    }
    if (step.after != nullptr) {
      change.new_rate = step.after->line.rate;
    } else {
      change.act_id = line.end_act_id;
    }
    found.push_back(std::move(change));
  }
  // Changes that merge: alike in all but the product code.
  return merged_across_codes(std::move(found), [](const LineChange& c) {
    return std::make_tuple(c.measure.imposer, c.origin, c.measure.authority, c.effective, c.measure.id, c.company,
                           static_cast<int>(c.kind), c.old_rate, c.new_rate, c.act_id, c.heading);
  });
}

std::vector<ListingChange> detect_listing_changes(const std::vector<store::MeasureListing>& versions, Date from,
                                                  Date to, const EarlierListing& listed_before) {
  std::vector<ListingChange> found;
  for (const auto& step : steps(versions, from, to, terms_differ<Listing>)) {
    const auto& [line, measure] = step.after != nullptr ? *step.after : *step.before;
    ListingChange change{step.kind,
                         false,
                         step.effective,
                         measure,
                         line_of(step.before),
                         line_of(step.after),
                         step.after != nullptr ? line.act_id : line.end_act_id};
    change.relisted = step.kind == ChangeKind::added && listed_before(measure.id, step.effective);
    found.push_back(std::move(change));
  }
  auto order = [](const ListingChange& c) {
    const Listing& entry = c.after ? *c.after : *c.before;
    return std::make_tuple(c.measure.imposer, entry.list, c.effective, entry.country, entry.name, c.measure.id,
                           static_cast<int>(c.kind));
  };
  std::ranges::sort(found, [&](const auto& a, const auto& b) { return order(a) < order(b); });
  return found;
}

std::vector<ControlChange> detect_control_changes(const std::vector<store::MeasureControl>& versions, Date from,
                                                  Date to) {
  std::vector<ControlChange> found;
  for (const auto& step : steps(versions, from, to, terms_differ<ControlLine>)) {
    const auto& [line, measure] = step.after != nullptr ? *step.after : *step.before;
    found.push_back(ControlChange{step.kind,
                                  step.effective,
                                  measure,
                                  line.key.partner,
                                  {line.key.hs},
                                  line_of(step.before),
                                  line_of(step.after),
                                  step.after != nullptr ? line.act_id : line.end_act_id});
  }
  // Lines of one measure that changed alike merge; what they say is compared without the code.
  auto terms = [](const std::optional<ControlLine>& line) {
    return line ? std::make_tuple(line->direction, line->requirement, line->quota, line->description)
                : decltype(std::make_tuple(line->direction, line->requirement, line->quota, line->description)){};
  };
  return merged_across_codes(std::move(found), [&](const ControlChange& c) {
    return std::make_tuple(c.measure.imposer, c.partner, c.measure.authority, c.effective, c.measure.id,
                           static_cast<int>(c.kind), terms(c.before), terms(c.after), c.act_id);
  });
}

namespace {

// A line version as a change compares it: what it says, without its row and record stamps.
template <typename Line> std::optional<Line> as_said(std::optional<Line> line) {
  if (line) {
    line->row_id = 0;
    line->recorded_in = 0;
    line->superseded_in.reset();
  }
  return line;
}

template <typename Change> Change as_compared(Change change) {
  Measure measure;
  measure.id = change.measure.id;
  measure.kind = change.measure.kind;
  measure.imposer = change.measure.imposer;
  measure.authority = change.measure.authority;
  change.measure = std::move(measure);
  if constexpr (requires { change.before; }) {
    change.before = as_said(change.before);
    change.after = as_said(change.after);
  }
  return change;
}

template <typename Change>
KnowledgeDelta<Change> compare(const std::vector<Change>& before, const std::vector<Change>& after) {
  // Changes are compared only within their measure and day, so that large stores stay fast.
  auto missing_from = [](const std::vector<Change>& from, const std::vector<Change>& in) {
    std::map<std::pair<std::string, Date>, std::vector<Change>> compared;
    for (const auto& change : in) {
      compared[{change.measure.id, change.effective}].push_back(as_compared(change));
    }
    std::vector<Change> missing;
    for (const auto& change : from) {
      const auto bucket = compared.find({change.measure.id, change.effective});
      if (bucket == compared.end() || std::ranges::find(bucket->second, as_compared(change)) == bucket->second.end()) {
        missing.push_back(change);
      }
    }
    return missing;
  };
  return {missing_from(after, before), missing_from(before, after)};
}

} // namespace

KnowledgeDelta<LineChange> compare_knowledge(const std::vector<LineChange>& before,
                                             const std::vector<LineChange>& after) {
  return compare(before, after);
}

KnowledgeDelta<ListingChange> compare_knowledge(const std::vector<ListingChange>& before,
                                                const std::vector<ListingChange>& after) {
  return compare(before, after);
}

KnowledgeDelta<ControlChange> compare_knowledge(const std::vector<ControlChange>& before,
                                                const std::vector<ControlChange>& after) {
  return compare(before, after);
}

} // namespace tw::query
