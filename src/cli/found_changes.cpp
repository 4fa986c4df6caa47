#include "cli/found_changes.hpp"

#include "query/changes.hpp"
#include "store/acts.hpp"

#include <algorithm>
#include <map>

namespace tw::cli {

report::FoundChanges find_changes_in_force(const store::Store& store, const FilterOptions& filters, Date from, Date to,
                                           store::RecordPoint point) {
  const std::pair<Date, Date> period{from, to};
  report::FoundChanges changes;
  if (filters.wants(MeasureKind::tariff)) {
    store::LineFilter filter = filters.line_filter();
    filter.changing_between = period;
    changes.tariffs = query::detect_changes(store::find_lines(store, filter, point), from, to);
  }
  if (filters.wants(MeasureKind::listing)) {
    store::ListingFilter filter = filters.listing_filter();
    filter.changing_between = period;
    const auto listed_before = [&](const std::string& id, Date day) {
      const auto versions = store::listing_versions(store, id, point);
      return std::ranges::any_of(versions, [&](const Listing& v) { return v.valid.to && *v.valid.to < day; });
    };
    changes.listings =
        query::detect_listing_changes(store::find_listings(store, filter, point), from, to, listed_before);
  }
  if (filters.wants(MeasureKind::control) || filters.wants(MeasureKind::other)) {
    store::ControlFilter filter = filters.control_filter();
    filter.changing_between = period;
    changes.controls = query::detect_control_changes(store::find_control_lines(store, filter, point), from, to);
  }
  return changes;
}

namespace {

// Every change at any effective date: the whole calendar the store's dates can hold.
report::FoundChanges all_changes(const store::Store& store, const FilterOptions& filters, store::RecordPoint point) {
  return find_changes_in_force(store, filters, Date::parse("0001-01-01").value(), Date::parse("9999-12-31").value(),
                               point);
}

template <typename Change, typename Keep> void keep_only(std::optional<std::vector<Change>>& changes, Keep keep) {
  if (changes) {
    std::erase_if(*changes, [&](const Change& change) { return !keep(change.act_id); });
  }
}

template <typename Change>
void compare_kind(const std::optional<std::vector<Change>>& before, const std::optional<std::vector<Change>>& after,
                  std::optional<std::vector<Change>>& learned, std::optional<std::vector<Change>>& retracted) {
  if (before && after) {
    auto delta = query::compare_knowledge(*before, *after);
    learned = std::move(delta.learned);
    retracted = std::move(delta.retracted);
  }
}

} // namespace

report::FoundChanges find_changes_announced(const store::Store& store, const FilterOptions& filters, Date from, Date to,
                                            store::RecordPoint point, std::size_t& undated) {
  report::FoundChanges changes = all_changes(store, filters, point);
  std::map<std::string, std::optional<Date>> announced;
  auto announced_in_period = [&](const std::optional<std::string>& act_id) {
    if (!act_id) {
      ++undated;
      return false;
    }
    auto found = announced.find(*act_id);
    if (found == announced.end()) {
      const auto act = store::find_act(store, *act_id, point);
      found = announced.emplace(*act_id, act ? (act->announced ? act->announced : act->published) : std::nullopt).first;
    }
    if (!found->second) {
      ++undated;
      return false;
    }
    return from <= *found->second && *found->second <= to;
  };
  keep_only(changes.tariffs, announced_in_period);
  keep_only(changes.listings, announced_in_period);
  keep_only(changes.controls, announced_in_period);
  return changes;
}

RecordedChanges find_changes_recorded(const store::Store& store, const FilterOptions& filters, Date from, Date to) {
  const report::FoundChanges before =
      all_changes(store, filters, store.record_point_at(from.plus_days(-1).to_string()));
  const report::FoundChanges after = all_changes(store, filters, store.record_point_at(to.to_string()));
  RecordedChanges result;
  compare_kind(before.tariffs, after.tariffs, result.learned.tariffs, result.retracted.tariffs);
  compare_kind(before.listings, after.listings, result.learned.listings, result.retracted.listings);
  compare_kind(before.controls, after.controls, result.learned.controls, result.retracted.controls);
  return result;
}

} // namespace tw::cli
