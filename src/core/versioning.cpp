#include "core/versioning.hpp"

#include <algorithm>
#include <map>

namespace tw {

namespace {

// The versions of each line, earliest first.
std::map<LineKey, std::vector<const TariffLine*>> by_line(std::span<const TariffLine> current) {
  std::map<LineKey, std::vector<const TariffLine*>> lines;
  for (const auto& version : current) {
    lines[version.key].push_back(&version);
  }
  for (auto& [key, versions] : lines) {
    std::ranges::sort(versions, {}, [](const TariffLine* line) { return line->valid.from; });
  }
  return lines;
}

TariffLine updated(const TariffLine& base, const LineUpdate& update, Validity valid) {
  TariffLine line = base;
  line.row_id = 0;
  line.valid = valid;
  line.end_act_id.reset();
  if (update.rate) {
    line.rate = *update.rate;
  }
  if (update.heading) {
    line.heading = update.heading;
  }
  if (update.act_id) {
    line.act_id = update.act_id;
  }
  if (update.note) {
    line.note = update.note;
  }
  return line;
}

bool same_terms(const TariffLine& a, const TariffLine& b) {
  return a.rate == b.rate && a.heading == b.heading && a.act_id == b.act_id && a.note == b.note;
}

} // namespace

std::expected<VersionPlan, std::string> plan_amend(std::span<const TariffLine> current, Date from,
                                                   const LineUpdate& update) {
  VersionPlan plan;
  for (const auto& [key, versions] : by_line(current)) {
    const auto in_force = std::ranges::find_if(versions, [&](const TariffLine* v) { return v->valid.contains(from); });
    if (in_force != versions.end()) {
      const TariffLine& old = **in_force;
      TariffLine next = updated(old, update, Validity{from, old.valid.to});
      next.end_act_id = old.end_act_id; // it still ends where, and because, `old` ended
      if (same_terms(old, next)) {
        continue;
      }
      plan.superseded.push_back(old.row_id);
      if (old.valid.from < from) {
        TariffLine before = old;
        before.row_id = 0;
        before.valid.to = from;
        before.end_act_id.reset();
        plan.inserted.push_back(std::move(before));
      }
      plan.inserted.push_back(std::move(next));
      continue;
    }
    // Not in force on `from`: in force again until the next version, on the terms of the
    // latest earlier version (or of the next one when there is none).
    const auto next = std::ranges::find_if(versions, [&](const TariffLine* v) { return v->valid.from > from; });
    const TariffLine* base = next == versions.begin() ? *next : *std::prev(next);
    const std::optional<Date> until = next == versions.end() ? std::nullopt : std::optional((*next)->valid.from);
    plan.inserted.push_back(updated(*base, update, Validity{from, until}));
  }
  if (plan.inserted.empty()) {
    return std::unexpected("the amendment changes nothing: every line already has these terms on that date");
  }
  return plan;
}

std::expected<VersionPlan, std::string> plan_end(std::span<const TariffLine> current, Date on,
                                                 const std::optional<std::string>& end_act_id) {
  VersionPlan plan;
  for (const auto& version : current) {
    if (version.valid.from >= on) {
      plan.superseded.push_back(version.row_id);
    } else if (version.valid.contains(on)) {
      plan.superseded.push_back(version.row_id);
      TariffLine ended = version;
      ended.row_id = 0;
      ended.valid.to = on;
      ended.end_act_id = end_act_id;
      plan.inserted.push_back(std::move(ended));
    }
  }
  if (plan.superseded.empty()) {
    return std::unexpected("nothing to end: no line is in force on or after that date");
  }
  return plan;
}

} // namespace tw
