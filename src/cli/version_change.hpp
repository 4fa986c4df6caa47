#pragma once

#include "cli/context.hpp"
#include "core/versioning.hpp"

#include <expected>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tw::cli {

// A change in valid time to the lines of one measure, as `amend` and `end` ask for it.
struct VersionChange {
  std::string verb; // names the command in errors: "amend", "end"
  std::string measure_id;
  std::optional<std::string> act_id; // must exist when given
  std::vector<std::string> codes;    // values of --hs: only the lines on these codes; all when empty
};

using VersionPlanner = std::function<std::expected<VersionPlan, std::string>(std::span<const TariffLine>)>;

struct RecordedChange {
  VersionPlan plan;
  ChangesetId changeset;
};

// Plans `change` with `planner` on the measure's current lines and records the plan as one
// changeset, in one transaction. Fails (and writes nothing) when the measure, the act or a
// line on the codes is missing, or when the planner refuses.
RecordedChange record_version_change(Context& context, const VersionChange& change, const VersionPlanner& planner);

} // namespace tw::cli
