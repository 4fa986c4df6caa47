#pragma once

#include "core/model.hpp"

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tw {

// What changes from a date on; unset fields keep their value.
struct LineUpdate {
  std::optional<Rate> rate;
  std::optional<std::string> heading;
  std::optional<std::string> act_id;
  std::optional<std::string> note;
};

// A change in valid time, as rows to supersede in record time and versions to insert.
// History is never overwritten: a version that changes is superseded and its unchanged
// part is inserted again beside the new one.
struct VersionPlan {
  std::vector<std::int64_t> superseded; // row ids
  std::vector<TariffLine> inserted;
};

// Plans "the policy changed from `from`" on `current` (the current versions of one
// measure's lines): for each line, the version in force on `from` is split there and the
// part from `from` takes `update`. Later scheduled versions stay as they are. A line not in
// force on `from` is put in force again from `from` until its next version. Fails with a
// message when nothing would change.
std::expected<VersionPlan, std::string> plan_amend(std::span<const TariffLine> current, Date from,
                                                   const LineUpdate& update);

// Plans "stops applying from `on`": versions in force on `on` end there, later ones are
// withdrawn. Fails with a message when no line is in force on or after `on`.
std::expected<VersionPlan, std::string> plan_end(std::span<const TariffLine> current, Date on,
                                                 const std::optional<std::string>& end_act_id);

} // namespace tw
