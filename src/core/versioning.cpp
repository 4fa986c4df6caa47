#include "core/versioning.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tw {

namespace {

template <typename T> void set(T& field, const std::optional<T>& value) {
  if (value) {
    field = *value;
  }
}

template <typename T> void set(std::optional<T>& field, const std::optional<T>& value) {
  if (value) {
    field = value;
  }
}

// The versions of each line, earliest first.
template <typename Line> auto by_line(std::span<const Line> current) {
  using Key = std::remove_cvref_t<decltype(current.front().version_key())>;
  std::map<Key, std::vector<const Line*>> lines;
  for (const auto& version : current) {
    lines[version.version_key()].push_back(&version);
  }
  for (auto& [key, versions] : lines) {
    std::ranges::sort(versions, {}, [](const Line* line) { return line->valid.from; });
  }
  return lines;
}

// A copy of `line` as a new version: not stored, not ended by an act.
template <typename Line> Line new_version(const Line& line, Validity valid) {
  Line copy = line;
  copy.row_id = 0;
  copy.recorded_in = 0;
  copy.superseded_in.reset();
  copy.valid = valid;
  copy.end_act_id.reset();
  return copy;
}

template <typename Line> Line updated(const Line& base, const LineUpdate& update, Validity valid) {
  Line line = new_version(base, valid);
  apply(line, update);
  return line;
}

// Whether two versions say the same thing, whatever their dates and record times.
template <typename Line> bool same_terms(const Line& a, const Line& b) {
  return new_version(a, b.valid) == new_version(b, b.valid);
}

bool overlap(const Validity& a, const Validity& b) { return (!a.to || b.from < *a.to) && (!b.to || a.from < *b.to); }

} // namespace

bool LineUpdate::empty() const {
  return !act_id && !note && !rate && !heading && !name && !aliases && !type && !country && !addresses &&
         !license_requirement && !license_policy && !source_key && !direction && !requirement && !quota && !description;
}

std::vector<std::string> LineUpdate::fields_not_for(MeasureKind kind) const {
  std::vector<std::string> fields;
  auto check = [&](bool is_set, const char* option, std::initializer_list<MeasureKind> kinds) {
    if (is_set && std::ranges::find(kinds, kind) == kinds.end()) {
      fields.emplace_back(option);
    }
  };
  using enum MeasureKind;
  check(rate.has_value(), "rate", {tariff});
  check(heading.has_value(), "heading", {tariff});
  check(name.has_value(), "name", {listing});
  check(aliases.has_value(), "alias", {listing});
  check(type.has_value(), "type", {listing});
  check(country.has_value(), "country", {listing});
  check(addresses.has_value(), "address", {listing});
  check(license_requirement.has_value(), "license-requirement", {listing});
  check(license_policy.has_value(), "license-policy", {listing});
  check(source_key.has_value(), "source-key", {listing});
  check(direction.has_value(), "direction", {control, other});
  check(requirement.has_value(), "requirement", {control});
  check(quota.has_value(), "quota", {control});
  check(description.has_value(), "text", {control, other});
  return fields;
}

void apply(TariffLine& line, const LineUpdate& update) {
  set(line.rate, update.rate);
  set(line.heading, update.heading);
  set(line.act_id, update.act_id);
  set(line.note, update.note);
}

void apply(Listing& line, const LineUpdate& update) {
  set(line.name, update.name);
  set(line.aliases, update.aliases);
  set(line.type, update.type);
  set(line.country, update.country);
  set(line.addresses, update.addresses);
  set(line.license_requirement, update.license_requirement);
  set(line.license_policy, update.license_policy);
  set(line.source_key, update.source_key);
  set(line.act_id, update.act_id);
  set(line.note, update.note);
}

void apply(ControlLine& line, const LineUpdate& update) {
  set(line.direction, update.direction);
  set(line.requirement, update.requirement);
  set(line.quota, update.quota);
  set(line.description, update.description);
  set(line.act_id, update.act_id);
  set(line.note, update.note);
}

namespace {

template <typename Line>
std::expected<VersionPlan<Line>, std::string> amend(std::span<const Line> current, Date from,
                                                    const LineUpdate& update) {
  VersionPlan<Line> plan;
  for (const auto& [key, versions] : by_line(current)) {
    const auto in_force = std::ranges::find_if(versions, [&](const Line* v) { return v->valid.contains(from); });
    if (in_force != versions.end()) {
      const Line& old = **in_force;
      Line next = updated(old, update, Validity{from, old.valid.to});
      next.end_act_id = old.end_act_id; // it still ends where, and because, `old` ended
      if (same_terms(old, next)) {
        continue;
      }
      plan.superseded.push_back(old.row_id);
      if (old.valid.from < from) {
        plan.inserted.push_back(new_version(old, Validity{old.valid.from, from}));
      }
      plan.inserted.push_back(std::move(next));
      continue;
    }
    // Not in force on `from`: in force again until the next version, on the terms of the
    // latest earlier version (or of the next one when there is none).
    const auto next = std::ranges::find_if(versions, [&](const Line* v) { return v->valid.from > from; });
    const Line* base = next == versions.begin() ? *next : *std::prev(next);
    const std::optional<Date> until = next == versions.end() ? std::nullopt : std::optional((*next)->valid.from);
    plan.inserted.push_back(updated(*base, update, Validity{from, until}));
  }
  if (plan.inserted.empty()) {
    return std::unexpected("the amendment changes nothing: every line already has these terms on that date");
  }
  return plan;
}

template <typename Line>
std::expected<VersionPlan<Line>, std::string> end(std::span<const Line> current, Date on,
                                                  const std::optional<std::string>& end_act_id) {
  VersionPlan<Line> plan;
  for (const auto& version : current) {
    if (version.valid.from >= on) {
      plan.superseded.push_back(version.row_id);
    } else if (version.valid.contains(on)) {
      plan.superseded.push_back(version.row_id);
      Line ended = new_version(version, Validity{version.valid.from, on});
      ended.end_act_id = end_act_id;
      plan.inserted.push_back(std::move(ended));
    }
  }
  if (plan.superseded.empty()) {
    return std::unexpected("nothing to end: no line is in force on or after that date");
  }
  return plan;
}

template <typename Line>
std::expected<VersionPlan<Line>, std::string> correct(std::span<const Line> current, std::optional<Date> on,
                                                      const Correction& correction) {
  const bool new_dates = correction.valid_from || correction.valid_to;
  VersionPlan<Line> plan;
  bool any_chosen = false;
  for (const auto& [key, versions] : by_line(current)) {
    std::vector<const Line*> chosen;
    std::ranges::copy_if(versions, std::back_inserter(chosen),
                         [&](const Line* v) { return !on || v->valid.contains(*on); });
    any_chosen = any_chosen || !chosen.empty();
    if (new_dates && chosen.size() > 1) {
      return std::unexpected(fmt::format("a line has {} versions; give --on a date in force of the one whose dates "
                                         "are wrong",
                                         chosen.size()));
    }
    for (const Line* old : chosen) {
      Line fixed = new_version(*old, old->valid);
      fixed.end_act_id = old->end_act_id;
      apply(fixed, correction.update);
      fixed.valid.from = correction.valid_from.value_or(old->valid.from);
      fixed.valid.to = correction.valid_to.value_or(old->valid.to);
      if (fixed.valid.to && *fixed.valid.to <= fixed.valid.from) {
        return std::unexpected(fmt::format("the corrected validity ends ({}) on or before it starts ({})",
                                           fixed.valid.to->to_string(), fixed.valid.from.to_string()));
      }
      if (same_terms(*old, fixed) && fixed.valid == old->valid) {
        continue;
      }
      for (const Line* other : versions) {
        if (other != old && overlap(other->valid, fixed.valid)) {
          return std::unexpected(
              fmt::format("the corrected dates overlap the version in force from {}", other->valid.from.to_string()));
        }
      }
      plan.superseded.push_back(old->row_id);
      plan.inserted.push_back(std::move(fixed));
    }
  }
  if (on && !any_chosen) {
    return std::unexpected("nothing to correct: no line is in force on that date");
  }
  if (plan.inserted.empty()) {
    return std::unexpected(on ? "the correction changes nothing: the versions in force on that date already say this"
                              : "the correction changes nothing: every version already says this");
  }
  return plan;
}

} // namespace

#define TW_DEFINE_PLANS(Line)                                                                                          \
  std::expected<VersionPlan<Line>, std::string> plan_amend(std::span<const Line> current, Date from,                   \
                                                           const LineUpdate& update) {                                 \
    return amend(current, from, update);                                                                               \
  }                                                                                                                    \
  std::expected<VersionPlan<Line>, std::string> plan_end(std::span<const Line> current, Date on,                       \
                                                         const std::optional<std::string>& end_act_id) {               \
    return end(current, on, end_act_id);                                                                               \
  }                                                                                                                    \
  std::expected<VersionPlan<Line>, std::string> plan_correct(std::span<const Line> current, std::optional<Date> on,    \
                                                             const Correction& correction) {                           \
    return correct(current, on, correction);                                                                           \
  }

TW_DEFINE_PLANS(TariffLine)
TW_DEFINE_PLANS(Listing)
TW_DEFINE_PLANS(ControlLine)

#undef TW_DEFINE_PLANS

} // namespace tw
