#pragma once

#include "core/model.hpp"

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tw {

// What changes in a line version; unset fields keep their value. Fields apply to the lines
// of some kinds only (`applies_to`).
struct LineUpdate {
  // Lines of every kind.
  std::optional<std::string> act_id;
  std::optional<std::string> note;
  // Tariff lines.
  std::optional<Rate> rate;
  std::optional<std::string> heading;
  // Listings.
  std::optional<std::string> name;
  std::optional<std::vector<std::string>> aliases;
  std::optional<EntityType> type;
  std::optional<Jurisdiction> country;
  std::optional<std::vector<std::string>> addresses;
  std::optional<std::string> license_requirement;
  std::optional<std::string> license_policy;
  std::optional<std::string> source_key;
  // Control and other lines.
  std::optional<Direction> direction;
  std::optional<Requirement> requirement;
  std::optional<std::string> quota;
  std::optional<std::string> description;

  bool empty() const;
  // The fields set that lines of `kind` do not have, by their option names ("rate").
  std::vector<std::string> fields_not_for(MeasureKind kind) const;
};

void apply(TariffLine& line, const LineUpdate& update);
void apply(Listing& line, const LineUpdate& update);
void apply(ControlLine& line, const LineUpdate& update);

// A change in record time: rows to supersede and versions to insert. History is never
// overwritten: a version that changes is superseded and its unchanged part is inserted again
// beside the new one.
template <typename Line> struct VersionPlan {
  std::vector<std::int64_t> superseded; // row ids
  std::vector<Line> inserted;
};

// Plans, for each line type (TariffLine, Listing, ControlLine):
//
// plan_amend: "the policy changed from `from`", on `current` (the current versions of one
// measure's lines): for each line, the version in force on `from` is split there and the
// part from `from` takes `update`. Later scheduled versions stay as they are. A line not in
// force on `from` is put in force again from `from` until its next version (a re-listing).
// Fails with a message when nothing would change.
//
// plan_end: "stops applying from `on`": versions in force on `on` end there, later ones are
// withdrawn. Fails with a message when no line is in force on or after `on`.
//
// plan_correct: the versions in force on `on` (every version when `on` is unset) are
// superseded in record time by corrected copies; valid time is what the correction says.
// Fails when no line is in force on `on`, when nothing changes, when new dates are asked for
// more than one version of a line, or when a corrected version would overlap another version
// of its line.

// A fix of a recording error: new terms, and optionally new dates, for the versions chosen.
struct Correction {
  LineUpdate update;
  std::optional<Date> valid_from;
  std::optional<std::optional<Date>> valid_to; // holding nullopt: until further notice
};

#define TW_DECLARE_PLANS(Line)                                                                                         \
  std::expected<VersionPlan<Line>, std::string> plan_amend(std::span<const Line> current, Date from,                   \
                                                           const LineUpdate& update);                                  \
  std::expected<VersionPlan<Line>, std::string> plan_end(std::span<const Line> current, Date on,                       \
                                                         const std::optional<std::string>& end_act_id);                \
  std::expected<VersionPlan<Line>, std::string> plan_correct(std::span<const Line> current, std::optional<Date> on,    \
                                                             const Correction& correction);

TW_DECLARE_PLANS(TariffLine)
TW_DECLARE_PLANS(Listing)
TW_DECLARE_PLANS(ControlLine)

#undef TW_DECLARE_PLANS

} // namespace tw
