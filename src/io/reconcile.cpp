#include "io/reconcile.hpp"

#include <algorithm>
#include <optional>

namespace tw::io {

namespace {

// A copy of `line` as a version to insert, over `valid`.
template <typename Line> Line as_new(const Line& line, Validity valid) {
  Line copy = line;
  copy.row_id = 0;
  copy.recorded_in = 0;
  copy.superseded_in.reset();
  copy.valid = valid;
  return copy;
}

bool overlap(const Validity& a, const Validity& b) { return (!a.to || b.from < *a.to) && (!b.to || a.from < *b.to); }

template <typename Line> bool in_force(std::span<const Line> versions, Date day) {
  return std::ranges::any_of(versions, [&](const Line& version) { return version.valid.contains(day); });
}

// When the versions start and end taken together: the earliest `from` and the latest `to`
// (unset: open).
template <typename Line> std::pair<std::optional<Date>, std::optional<Date>> span_of(std::span<const Line> versions) {
  std::optional<Date> first;
  std::optional<Date> last;
  bool open = false;
  for (const Line& version : versions) {
    first = first ? std::min(*first, version.valid.from) : version.valid.from;
    open = open || !version.valid.to;
    if (version.valid.to) {
      last = last ? std::max(*last, *version.valid.to) : version.valid.to;
    }
  }
  return {first, open ? std::nullopt : last};
}

template <typename Line> std::vector<std::string> changed_terms(const Line& a, const Line& b) {
  auto fields = changed_fields(a, b);
  std::erase(fields, "end_act"); // a source on a date says nothing of why a line ended
  return fields;
}

template <typename Line> void add_fields(std::set<std::string>& into, const std::vector<std::string>& fields) {
  into.insert(fields.begin(), fields.end());
}

// The versions of a line once `plan` is carried out on `current`.
template <typename Line> std::vector<Line> after_plan(std::span<const Line> current, const VersionPlan<Line>& plan) {
  std::vector<Line> after(plan.inserted);
  for (const Line& version : current) {
    if (std::ranges::find(plan.superseded, version.row_id) == plan.superseded.end()) {
      after.push_back(version);
    }
  }
  return after;
}

// Counts a change by whether the line is in force on `as_of` before and after it.
template <typename Line> Outcome outcome_of(std::span<const Line> current, std::span<const Line> after, Date as_of) {
  if (current.empty()) {
    return Outcome::added;
  }
  const bool before = in_force(current, as_of);
  const bool now = in_force(after, as_of);
  if (!before && now) {
    return Outcome::added;
  }
  if (before && !now) {
    return Outcome::deleted;
  }
  return Outcome::modified;
}

template <typename T> void compare(std::vector<std::string>& fields, const char* name, const T& a, const T& b) {
  if (a != b) {
    fields.emplace_back(name);
  }
}

} // namespace

std::vector<std::string> changed_fields(const TariffLine& a, const TariffLine& b) {
  std::vector<std::string> fields;
  compare(fields, "rate", a.rate, b.rate);
  compare(fields, "heading", a.heading, b.heading);
  compare(fields, "act", a.act_id, b.act_id);
  compare(fields, "end_act", a.end_act_id, b.end_act_id);
  compare(fields, "note", a.note, b.note);
  return fields;
}

std::vector<std::string> changed_fields(const Listing& a, const Listing& b) {
  std::vector<std::string> fields;
  compare(fields, "list", a.list, b.list);
  compare(fields, "name", a.name, b.name);
  compare(fields, "aliases", a.aliases, b.aliases);
  compare(fields, "type", a.type, b.type);
  compare(fields, "country", a.country, b.country);
  compare(fields, "address", a.addresses, b.addresses);
  compare(fields, "license_requirement", a.license_requirement, b.license_requirement);
  compare(fields, "license_policy", a.license_policy, b.license_policy);
  compare(fields, "source_key", a.source_key, b.source_key);
  compare(fields, "act", a.act_id, b.act_id);
  compare(fields, "end_act", a.end_act_id, b.end_act_id);
  compare(fields, "note", a.note, b.note);
  return fields;
}

template <typename Line>
LineReconciliation<Line> reconcile_history(std::span<const Line> file, std::span<const Line> current, Date as_of) {
  LineReconciliation<Line> result;
  std::vector<bool> kept(current.size(), false);
  std::vector<const Line*> fresh; // the file's versions the store does not hold
  for (const Line& version : file) {
    const auto same = std::ranges::find_if(current, [&](const Line& stored) {
      return stored.valid == version.valid && changed_fields(stored, version).empty();
    });
    if (same == current.end()) {
      fresh.push_back(&version);
    } else {
      kept[static_cast<std::size_t>(same - current.begin())] = true;
    }
  }
  if (fresh.empty()) {
    return result;
  }
  // From its first version on, the file gives the line's whole history.
  const Date start = file.front().valid.from;
  for (std::size_t i = 0; i < current.size(); ++i) {
    const Line& old = current[i];
    if (kept[i] || (old.valid.to && *old.valid.to <= start)) {
      continue;
    }
    result.plan.superseded.push_back(old.row_id);
    if (old.valid.from < start) {
      Line before = as_new(old, Validity{old.valid.from, start});
      before.end_act_id.reset(); // it now ends where the file's history starts, not by its act
      result.plan.inserted.push_back(std::move(before));
    }
    for (const Line* version : fresh) {
      if (overlap(old.valid, version->valid)) {
        add_fields<Line>(result.fields, changed_fields(old, *version));
      }
    }
  }
  for (const Line* version : fresh) {
    result.plan.inserted.push_back(as_new(*version, version->valid));
  }
  const std::vector<Line> after = after_plan(current, result.plan);
  result.outcome = outcome_of(current, std::span<const Line>(after), as_of);
  if (result.outcome != Outcome::modified) {
    result.fields.clear();
    return result;
  }
  const auto [first_before, last_before] = span_of(current);
  const auto [first_after, last_after] = span_of(std::span<const Line>(after));
  if (first_before != first_after) {
    result.fields.insert("from");
  }
  if (last_before != last_after) {
    result.fields.insert("to");
  }
  if (result.fields.empty()) {
    result.fields.insert("dates"); // versions split or joined, with the same terms over the same span
  }
  return result;
}

template <typename Line>
LineReconciliation<Line> reconcile_snapshot(const Line& row, std::span<const Line> current, Date as_of) {
  LineReconciliation<Line> result;
  if (current.empty()) {
    result.outcome = Outcome::added;
    result.plan.inserted.push_back(as_new(row, row.valid));
    return result;
  }
  const auto in_force_now =
      std::ranges::find_if(current, [&](const Line& version) { return version.valid.contains(as_of); });
  if (in_force_now != current.end()) {
    const Line& old = *in_force_now;
    const auto fields = changed_terms(old, row);
    if (fields.empty()) {
      return result;
    }
    result.outcome = Outcome::modified;
    add_fields<Line>(result.fields, fields);
    result.plan.superseded.push_back(old.row_id);
    if (old.valid.from < as_of) {
      Line head = as_new(old, Validity{old.valid.from, as_of});
      head.end_act_id.reset();
      result.plan.inserted.push_back(std::move(head));
    }
    Line next = as_new(row, Validity{as_of, old.valid.to});
    next.end_act_id = old.end_act_id; // it still ends where, and because, the old version ended
    result.plan.inserted.push_back(std::move(next));
    return result;
  }
  // In the store but not in force on `as_of`: in force again until its next version.
  std::optional<Date> until;
  for (const Line& version : current) {
    if (version.valid.from > as_of && (!until || version.valid.from < *until)) {
      until = version.valid.from;
    }
  }
  Line again = as_new(row, Validity{as_of, until});
  again.end_act_id.reset();
  result.outcome = Outcome::added;
  result.plan.inserted.push_back(std::move(again));
  return result;
}

template <typename Line> LineReconciliation<Line> reconcile_vanished(std::span<const Line> current, Date as_of) {
  LineReconciliation<Line> result;
  auto plan = plan_end(current, as_of, std::nullopt);
  if (plan) {
    result.outcome = Outcome::deleted;
    result.plan = std::move(*plan);
  }
  return result;
}

template LineReconciliation<TariffLine> reconcile_history(std::span<const TariffLine>, std::span<const TariffLine>,
                                                          Date);
template LineReconciliation<Listing> reconcile_history(std::span<const Listing>, std::span<const Listing>, Date);
template LineReconciliation<TariffLine> reconcile_snapshot(const TariffLine&, std::span<const TariffLine>, Date);
template LineReconciliation<Listing> reconcile_snapshot(const Listing&, std::span<const Listing>, Date);
template LineReconciliation<TariffLine> reconcile_vanished(std::span<const TariffLine>, Date);
template LineReconciliation<Listing> reconcile_vanished(std::span<const Listing>, Date);

} // namespace tw::io
