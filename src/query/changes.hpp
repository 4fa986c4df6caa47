#pragma once

#include "store/control_lines.hpp"
#include "store/listings.hpp"
#include "store/tariff_lines.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tw::query {

enum class ChangeKind { changed, added, ended };

// Finding changes, for every line type: among `versions`, which must hold every version of
// each line that starts or ends in [from, to] (both inclusive), a version that starts where
// the line's previous version ends is a change (none when the terms are the same); one with
// no predecessor is an addition; an end with no successor is an ending.

// One change in force of a tariff, on one or more product codes of a measure that changed alike.
struct LineChange {
  ChangeKind kind = ChangeKind::changed;
  Date effective;
  Measure measure;
  Jurisdiction origin = Jurisdiction::all();
  std::string company;
  std::vector<ProductCode> codes;
  std::optional<Rate> old_rate;       // unset when added
  std::optional<Rate> new_rate;       // unset when ended
  std::optional<std::string> act_id;  // the act that made the change
  std::optional<std::string> heading; // the heading from the change on (or before an end)

  bool operator==(const LineChange&) const = default;
};

// Tariff changes: a change is a change of rate. Changes alike but for the product code are
// merged; the result is ordered by imposer, origin, authority, date and measure.
std::vector<LineChange> detect_changes(const std::vector<store::MeasureLine>& versions, Date from, Date to);

// One change of a listing: listed (or re-listed), modified, or delisted (`ended`).
struct ListingChange {
  ChangeKind kind = ChangeKind::changed;
  bool relisted = false; // added again after an earlier delisting
  Date effective;
  Measure measure;
  std::optional<Listing> before; // unset when added
  std::optional<Listing> after;  // unset when ended
  std::optional<std::string> act_id;

  bool operator==(const ListingChange&) const = default;
};

// Whether listing `measure_id` has a version that ended on or before `day`; tells a
// re-listing from a first listing.
using EarlierListing = std::function<bool(const std::string& measure_id, Date day)>;

// Listing changes, ordered by imposer, list, date, country and name.
std::vector<ListingChange> detect_listing_changes(const std::vector<store::MeasureListing>& versions, Date from,
                                                  Date to, const EarlierListing& listed_before);

// One change of a control or other measure, on the codes of its lines that changed alike.
struct ControlChange {
  ChangeKind kind = ChangeKind::changed;
  Date effective;
  Measure measure;
  Jurisdiction partner = Jurisdiction::all();
  std::vector<ProductCode> codes;
  std::optional<ControlLine> before; // unset when added
  std::optional<ControlLine> after;  // unset when ended
  std::optional<std::string> act_id;

  bool operator==(const ControlChange&) const = default;
};

// Control and other changes, merged across codes; ordered by imposer, partner, authority,
// date and measure.
std::vector<ControlChange> detect_control_changes(const std::vector<store::MeasureControl>& versions, Date from,
                                                  Date to);

// The changes one state of the store's knowledge holds and an earlier one did not
// (`learned`), and those the earlier one held and the later no longer does (`retracted`).
// Two changes are the same when all they say is, but for the measure's own record (title,
// note, act), whose corrections are no change in force; line ids and record stamps are no
// part of a change.
template <typename Change> struct KnowledgeDelta {
  std::vector<Change> learned;
  std::vector<Change> retracted;
};
KnowledgeDelta<LineChange> compare_knowledge(const std::vector<LineChange>& before,
                                             const std::vector<LineChange>& after);
KnowledgeDelta<ListingChange> compare_knowledge(const std::vector<ListingChange>& before,
                                                const std::vector<ListingChange>& after);
KnowledgeDelta<ControlChange> compare_knowledge(const std::vector<ControlChange>& before,
                                                const std::vector<ControlChange>& after);

} // namespace tw::query
