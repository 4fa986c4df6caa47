#include "query/measure_filter.hpp"

#include <set>

namespace tw::query {

bool MeasureFilter::wants(MeasureKind wanted) const {
  if (kind && *kind != wanted) {
    return false;
  }
  switch (wanted) {
  case MeasureKind::tariff:
    return !list && !country && !text;
  case MeasureKind::listing:
    return !hs;
  case MeasureKind::control:
  case MeasureKind::other:
    break;
  }
  return !list && !country;
}

store::LineFilter MeasureFilter::line_filter() const {
  store::LineFilter filter;
  filter.imposer = imposer;
  filter.origin = origin;
  filter.hs = hs;
  filter.authority = authority;
  filter.on = on;
  return filter;
}

store::ListingFilter MeasureFilter::listing_filter() const {
  store::ListingFilter filter;
  filter.imposer = imposer;
  filter.list = list;
  // The origin names the target country of a listing, as of a tariff.
  filter.country = country ? country : origin;
  filter.text = text;
  filter.authority = authority;
  filter.on = on;
  return filter;
}

store::ControlFilter MeasureFilter::control_filter() const {
  store::ControlFilter filter;
  filter.kind = kind;
  filter.imposer = imposer;
  filter.partner = origin;
  filter.hs = hs;
  filter.authority = authority;
  filter.text = text;
  filter.on = on;
  return filter;
}

std::size_t count_measures(const store::Store& store, const MeasureFilter& filter, store::RecordPoint point) {
  std::set<std::string> ids;
  if (filter.wants(MeasureKind::tariff)) {
    for (const auto& line : store::find_lines(store, filter.line_filter(), point)) {
      ids.insert(line.measure.id);
    }
  }
  if (filter.wants(MeasureKind::listing)) {
    for (const auto& listing : store::find_listings(store, filter.listing_filter(), point)) {
      ids.insert(listing.measure.id);
    }
  }
  if (filter.wants(MeasureKind::control) || filter.wants(MeasureKind::other)) {
    for (const auto& control : store::find_control_lines(store, filter.control_filter(), point)) {
      ids.insert(control.measure.id);
    }
  }
  return ids.size();
}

} // namespace tw::query
