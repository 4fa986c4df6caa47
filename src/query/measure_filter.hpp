#pragma once

#include "core/model.hpp"
#include "store/control_lines.hpp"
#include "store/listings.hpp"
#include "store/store.hpp"
#include "store/tariff_lines.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace tw::query {

// The filters that `list`, `history`, the reports and `count` checks share, parsed; unset
// fields do not filter.
struct MeasureFilter {
  std::optional<MeasureKind> kind;
  std::optional<Jurisdiction> imposer;
  std::optional<Jurisdiction> origin; // goods from, trade with, or entities in; * lines included
  std::optional<ProductCode> hs;
  std::optional<std::string> authority;
  std::optional<std::string> list;
  std::optional<Jurisdiction> country;
  std::optional<std::string> text;
  std::optional<Date> on;

  // Whether measures of `kind` are asked for: `kind`, and filters only some kinds have
  // (hs: tariffs and controls; list and country: listings).
  bool wants(MeasureKind kind) const;
  store::LineFilter line_filter() const;
  store::ListingFilter listing_filter() const;
  store::ControlFilter control_filter() const;
};

// How many measures have a line version or listing matching `filter` at `point`.
std::size_t count_measures(const store::Store& store, const MeasureFilter& filter, store::RecordPoint point);

} // namespace tw::query
