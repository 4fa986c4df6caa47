#pragma once

#include "store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tw::store {

// Measures in force on a day, counted in SQL by imposer, target (a tariff's origin, a
// control's partner, a listed entity's country; empty when none), kind and authority.
struct MeasureCount {
  std::string imposer;
  std::string target;
  std::string kind;
  std::string authority;
  std::int64_t measures = 0;
  std::int64_t lines = 0; // the line versions in force (for listings: the entries)
};

// Entries of restricted-party lists in force on a day, by imposer, list and country.
struct ListingCount {
  std::string imposer;
  std::string list;
  std::string country;
  std::int64_t entries = 0;
};

// The counts of what is in force on `on` as seen at `point`, of `imposer` only when given;
// ordered by imposer, target, kind and authority.
std::vector<MeasureCount> count_measures_in_force(const Store& store, Date on,
                                                  const std::optional<Jurisdiction>& imposer, RecordPoint point = {});
// Ordered by imposer, list and country.
std::vector<ListingCount> count_listings_in_force(const Store& store, Date on,
                                                  const std::optional<Jurisdiction>& imposer, RecordPoint point = {});

} // namespace tw::store
