#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/recorded_command.hpp"
#include "report/history_report.hpp"
#include "store/acts.hpp"
#include "store/changeset_lookup.hpp"
#include "store/control_lines.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>

#include <map>

namespace tw::cli {

namespace {

struct HistoryOptions {
  std::optional<std::string> id;
  FilterOptions filters;

  bool has_filters() const {
    return filters.kind || filters.imposer || filters.origin || filters.hs || filters.authority || filters.list ||
           filters.country || filters.text;
  }
};

// As known at `point`, a version superseded later was still current.
template <typename Version> void forget_later_supersessions(std::vector<Version>& versions, store::RecordPoint point) {
  for (auto& version : versions) {
    if (version.superseded_in && *version.superseded_in > point.at) {
      version.superseded_in.reset();
    }
  }
}

// The changesets `ids`, each with the change it made.
report::ChangesetIndex changeset_index(const store::Store& store, const std::set<ChangesetId>& ids) {
  report::ChangesetIndex index;
  for (auto& [id, recorded] : store::lookup_changesets(store, ids)) {
    std::string change = recorded.undoes ? "undo" : recorded_command_word(recorded.changeset.command);
    index.emplace(id, report::ChangesetEntry{std::move(recorded.changeset), recorded.undoes, std::move(change)});
  }
  return index;
}

// Every version of measure `measure_id`'s record and of its lines, as known at `point` (a
// point that sees every version); nothing when no version of its record is visible there.
std::optional<report::MeasureHistory> measure_history(const store::Store& store, const std::string& measure_id,
                                                      store::RecordPoint point) {
  report::MeasureHistory history;
  history.versions = store::measure_versions(store, measure_id, point);
  if (history.versions.empty()) {
    return std::nullopt;
  }
  forget_later_supersessions(history.versions, point);
  // The measure as last recorded: its current version, or the last one when it was undone.
  history.measure = history.versions.back().measure;
  for (const auto& version : history.versions) {
    if (!version.superseded_in) {
      history.measure = version.measure;
    }
  }
  switch (history.measure.kind) {
  case MeasureKind::tariff:
    history.tariffs = store::lines_of_measure(store, measure_id, point);
    forget_later_supersessions(history.tariffs, point);
    break;
  case MeasureKind::listing:
    history.listings = store::listing_versions(store, measure_id, point);
    forget_later_supersessions(history.listings, point);
    break;
  case MeasureKind::control:
  case MeasureKind::other:
    history.controls = store::control_lines_of_measure(store, measure_id, point);
    forget_later_supersessions(history.controls, point);
    break;
  }
  return history;
}

// The histories of the measures whose line versions match the filters: only those line
// versions, with every version of each measure's record.
std::vector<report::MeasureHistory> filtered_histories(const store::Store& store, const FilterOptions& filters,
                                                       store::RecordPoint point) {
  std::map<std::string, report::MeasureHistory> histories;
  auto history_of = [&](const Measure& measure) -> report::MeasureHistory& {
    auto [it, added] = histories.try_emplace(measure.id);
    if (added) {
      it->second.measure = measure;
      it->second.versions = store::measure_versions(store, measure.id, point);
      forget_later_supersessions(it->second.versions, point);
    }
    return it->second;
  };
  if (filters.wants(MeasureKind::tariff)) {
    for (auto& [line, measure] : store::find_lines(store, filters.line_filter(), point)) {
      history_of(measure).tariffs.push_back(std::move(line));
    }
  }
  if (filters.wants(MeasureKind::listing)) {
    for (auto& [listing, measure] : store::find_listings(store, filters.listing_filter(), point)) {
      history_of(measure).listings.push_back(std::move(listing));
    }
  }
  if (filters.wants(MeasureKind::control) || filters.wants(MeasureKind::other)) {
    for (auto& [line, measure] : store::find_control_lines(store, filters.control_filter(), point)) {
      history_of(measure).controls.push_back(std::move(line));
    }
  }
  std::vector<report::MeasureHistory> result;
  for (auto& [id, history] : histories) {
    forget_later_supersessions(history.tariffs, point);
    forget_later_supersessions(history.listings, point);
    forget_later_supersessions(history.controls, point);
    result.push_back(std::move(history));
  }
  return result;
}

} // namespace

void add_history_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "history", "every version ever recorded of a measure, an act, or the measures that match filters");
  auto options = std::make_shared<HistoryOptions>();
  command->add_option("id", options->id, "a measure or act id (default: every measure the filters match)");
  options->filters.add_to(*command, true, false);
  command->callback([&context, options] {
    if (options->id && options->has_filters()) {
      throw Error(ExitCode::usage, "history takes a measure or act id, or filters, not both",
                  fmt::format("'tradewatch history {}' shows every version of its lines", *options->id));
    }
    const auto store = context.open_store(store::Store::Access::read_only);
    // Every version recorded up to --as-known-on (or ever), superseded or not.
    const store::RecordPoint point{record_point(store, options->filters.as_known_on).at, true};
    if (!options->id) {
      const auto histories = filtered_histories(store, options->filters, point);
      context.print(report::history_report(histories, options->filters.fields(),
                                           changeset_index(store, report::cited_changesets(histories))));
      return;
    }
    const std::string& id = *options->id;
    if (const auto history = measure_history(store, id, point)) {
      const report::ActLookup find_act = [&](const std::string& act_id) {
        return store::find_act(store, act_id, store::RecordPoint{point.at});
      };
      context.print(report::measure_history_report(
          *history, changeset_index(store, report::cited_changesets({*history})), find_act));
      return;
    }
    auto versions = store::act_versions(store, id, point);
    if (versions.empty()) {
      throw Error(ExitCode::data_error, fmt::format("no measure or act {}", id),
                  "'tradewatch list' shows the measures and their ids");
    }
    forget_later_supersessions(versions, point);
    Act act = versions.back().act;
    for (const auto& version : versions) {
      if (!version.superseded_in) {
        act = version.act;
      }
    }
    context.print(
        report::act_history_report(act, versions, changeset_index(store, report::cited_changesets(versions))));
  });
}

} // namespace tw::cli
