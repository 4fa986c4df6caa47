#pragma once

#include "cli/context.hpp"
#include "core/error.hpp"
#include "core/versioning.hpp"
#include "store/control_lines.hpp"
#include "store/listings.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tw::cli {

// How many line versions a change superseded and inserted.
struct LineChange {
  std::size_t superseded = 0;
  std::size_t inserted = 0;
};

// Fails (exit 64) when `update` sets fields that lines of `kind` do not have; the hint points
// at the help of `command`.
void check_fields_apply(const LineUpdate& update, MeasureKind kind, std::string_view command);

// The values of --hs, parsed.
std::vector<ProductCode> parse_codes(const std::vector<std::string>& values);

namespace detail {

template <typename Line, typename Planner>
LineChange change(store::Store& store, std::vector<Line> lines, const Measure& measure,
                  std::span<const ProductCode> codes, const std::string& verb, Planner& planner,
                  ChangesetId changeset) {
  if (!codes.empty()) {
    if constexpr (requires(Line line) { line.key.hs; }) {
      std::erase_if(lines, [&](const Line& line) { return std::ranges::find(codes, line.key.hs) == codes.end(); });
      if (lines.empty()) {
        throw Error(ExitCode::data_error, fmt::format("measure {} has no line on the --hs codes given", measure.id),
                    fmt::format("'tradewatch show {}' lists its lines", measure.id));
      }
    } else {
      throw Error(ExitCode::usage, fmt::format("--hs does not apply to {}, a {}", measure.id, to_string(measure.kind)),
                  "a listing has no product codes; leave --hs out");
    }
  }
  auto plan = planner(std::span<const Line>(lines));
  if (!plan) {
    throw Error(ExitCode::data_error, fmt::format("{} {}: {}", verb, measure.id, plan.error()));
  }
  store::apply_plan(store, *plan, changeset);
  return LineChange{plan->superseded.size(), plan->inserted.size()};
}

} // namespace detail

// Plans a change to the current lines of `measure` (only those on `codes`, when given) with
// `planner`, a callable taking a std::span<const Line> of any line type and returning the
// std::expected plan, and records it as `changeset`. Call inside the write transaction.
// Fails (and the transaction writes nothing) when no line is on the codes or the planner
// refuses; `verb` names the command in the message.
template <typename Planner>
LineChange change_lines(store::Store& store, const Measure& measure, std::span<const ProductCode> codes,
                        const std::string& verb, Planner&& planner, ChangesetId changeset) {
  switch (measure.kind) {
  case MeasureKind::tariff:
    return detail::change(store, store::lines_of_measure(store, measure.id), measure, codes, verb, planner, changeset);
  case MeasureKind::listing:
    return detail::change(store, store::listing_versions(store, measure.id), measure, codes, verb, planner, changeset);
  case MeasureKind::control:
  case MeasureKind::other:
    break;
  }
  return detail::change(store, store::control_lines_of_measure(store, measure.id), measure, codes, verb, planner,
                        changeset);
}

} // namespace tw::cli
