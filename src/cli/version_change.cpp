#include "cli/version_change.hpp"

#include "cli/options.hpp"
#include "store/acts.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>

namespace tw::cli {

RecordedChange record_version_change(Context& context, const VersionChange& change, const VersionPlanner& planner) {
  std::vector<ProductCode> codes;
  for (const auto& code : change.codes) {
    codes.push_back(parse_option<ProductCode>("--hs", code));
  }
  auto store = context.open_store(store::Store::Access::read_write);
  store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
  store::require_measure(store, change.measure_id);
  if (change.act_id) {
    store::require_act(store, *change.act_id, "--act");
  }
  std::vector<TariffLine> lines = store::lines_of_measure(store, change.measure_id);
  if (!codes.empty()) {
    std::erase_if(lines, [&](const TariffLine& line) { return std::ranges::find(codes, line.key.hs) == codes.end(); });
    if (lines.empty()) {
      throw Error(ExitCode::data_error,
                  fmt::format("measure {} has no line on the --hs codes given", change.measure_id),
                  fmt::format("'tradewatch show {}' lists its lines", change.measure_id));
    }
  }
  auto plan = planner(lines);
  if (!plan) {
    throw Error(ExitCode::data_error, fmt::format("{} {}: {}", change.verb, change.measure_id, plan.error()));
  }
  const ChangesetId changeset = store.record_changeset(context.new_changeset());
  store::apply_plan(store, *plan, changeset);
  transaction.commit();
  return RecordedChange{std::move(*plan), changeset};
}

} // namespace tw::cli
