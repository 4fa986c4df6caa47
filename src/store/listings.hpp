#pragma once

#include "core/model.hpp"
#include "core/versioning.hpp"
#include "store/store.hpp"
#include "store/versions.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::store {

// The columns read_listing expects, in order, of listings aliased `l`.
extern const char* const k_listing_columns;
// Reads a listing version from a row whose first columns are k_listing_columns.
Listing read_listing(const Statement& row);

void insert_listing(Store& store, const Listing& listing, ChangesetId changeset);
void apply_plan(Store& store, const VersionPlan<Listing>& plan, ChangesetId changeset);

// Every version of listing `measure_id` visible at `point`, earliest first.
std::vector<Listing> listing_versions(const Store& store, const std::string& measure_id, RecordPoint point = {});

using MeasureListing = WithMeasure<Listing>;

// Which listing versions a query looks at; unset fields do not filter.
struct ListingFilter {
  std::optional<Jurisdiction> imposer;
  std::optional<std::string> list; // list name, any case
  std::optional<Jurisdiction> country;
  std::optional<std::string> text; // in the name or an alias, any case
  std::optional<std::string> name; // the whole name or a whole alias, any case
  std::optional<std::string> authority;
  std::optional<std::string> act_id; // listed or delisted by this act
  std::optional<std::string> source_key;
  std::optional<Date> on;
  std::optional<std::pair<Date, Date>> changing_between;
};

// The filter as SQL conditions on listings `l` and measure_versions `mv`.
Conditions listing_conditions(const ListingFilter& filter);
std::vector<MeasureListing> find_listings(const Store& store, const ListingFilter& filter, RecordPoint point = {});

// How many listings whose source key starts with `key_prefix` ("EL:") the store has in force
// on `on` or after it: current in record time and not delisted by then.
std::size_t count_listings_in_force(const Store& store, std::string_view key_prefix, Date on);

} // namespace tw::store
