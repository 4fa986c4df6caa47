#include "report/changes_report.hpp"

#include "report/listing_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace tw::report {

namespace {

Cell products_cell(const std::vector<ProductCode>& product_codes, const Jurisdiction& imposer) {
  nlohmann::ordered_json codes = nlohmann::ordered_json::array();
  for (const auto& code : product_codes) {
    codes.push_back(code.format(imposer));
  }
  const auto& first = codes.front().get_ref<const std::string&>();
  std::string text;
  if (codes.size() == 1) {
    text = first;
  } else if (codes.size() == 2) {
    text = fmt::format("{}, {}", first, codes.back().get_ref<const std::string&>());
  } else {
    text = fmt::format("{} … {} ({} codes)", first, codes.back().get_ref<const std::string&>(), codes.size());
  }
  return Cell::with_json(std::move(text), std::move(codes));
}

std::string_view kind_name(query::ChangeKind kind) {
  switch (kind) {
  case query::ChangeKind::changed:
    return "changed";
  case query::ChangeKind::added:
    return "new";
  case query::ChangeKind::ended:
    return "ended";
  }
  return "changed";
}

std::string change_text(const query::LineChange& change) {
  switch (change.kind) {
  case query::ChangeKind::changed:
    return fmt::format("{} → {}", change.old_rate->to_string(), change.new_rate->to_string());
  case query::ChangeKind::added:
    return fmt::format("new {}", change.new_rate->to_string());
  case query::ChangeKind::ended:
    return fmt::format("{} ended", change.old_rate->to_string());
  }
  return {};
}

// Points and factor, for moves between two pure percentages.
std::pair<Cell, Cell> step_cells(const query::LineChange& change) {
  const Rate old_rate = change.old_rate.value_or(Rate::free());
  const Rate new_rate = change.new_rate.value_or(Rate::free());
  if (!old_rate.is_pure_ad_valorem() || !new_rate.is_pure_ad_valorem()) {
    return {Cell::of(""), Cell::of("")};
  }
  const RateStep step = describe_step(*old_rate.ad_valorem_milli(), *new_rate.ad_valorem_milli());
  const std::string points = (step.points_milli > 0 ? "+" : "") + format_milli(step.points_milli);
  std::string factor = step.factor.value_or("");
  if (step.word) {
    factor += (factor.empty() ? "" : " ") + *step.word;
  }
  nlohmann::ordered_json factor_json = nlohmann::ordered_json::object();
  factor_json["factor"] =
      step.factor ? nlohmann::ordered_json(step.factor->substr(std::string("×").size())) : nlohmann::ordered_json();
  factor_json["word"] = step.word ? nlohmann::ordered_json(*step.word) : nlohmann::ordered_json();
  return {Cell::with_json(points + " pts", static_cast<double>(step.points_milli) / 1000.0),
          Cell::with_json(factor, std::move(factor_json))};
}

Table tariff_table(const std::vector<query::LineChange>& changes, const ActLookup& find_act, Field& summary) {
  std::size_t changed = 0;
  std::size_t added = 0;
  std::size_t ended = 0;
  std::size_t codes = 0;
  Table table{"tariff_changes",
              "Tariffs",
              {{"imposer", "imposer"},
               {"origin", "origin"},
               {"authority", "authority"},
               {"effective", "effective"},
               {"measure", "measure"},
               {"products", "products", Align::left, false, true},
               {"change", "change"},
               {"old_rate", "old", Align::right, true},
               {"new_rate", "new", Align::right, true},
               {"points", "points", Align::right},
               {"factor", "factor"},
               {"heading", "heading"},
               {"citation", "citation"}},
              {},
              3};
  for (const auto& change : changes) {
    (change.kind == query::ChangeKind::changed ? changed : change.kind == query::ChangeKind::added ? added : ended)++;
    codes += change.codes.size();
    auto [points, factor] = step_cells(change);
    table.rows.push_back(
        {Cell::of(std::string(change.measure.imposer.code())), Cell::of(std::string(change.origin.code())),
         Cell::of(change.measure.authority), Cell::of(change.effective.to_string()), Cell::of(change.measure.id),
         products_cell(change.codes, change.measure.imposer),
         Cell::with_json(change_text(change), std::string(kind_name(change.kind))), optional_rate_cell(change.old_rate),
         optional_rate_cell(change.new_rate), std::move(points), std::move(factor), text_cell(change.heading),
         Cell::of(act_reference(change.act_id, find_act))});
  }
  nlohmann::ordered_json counts = {{"changed", changed}, {"new", added}, {"ended", ended}, {"product_codes", codes}};
  summary = {"summary", "tariffs",
             Cell::with_json(fmt::format("{} changed, {} new, {} ended, on {} product code{}", changed, added, ended,
                                         codes, codes == 1 ? "" : "s"),
                             std::move(counts))};
  return table;
}

std::string_view listing_change_name(const query::ListingChange& change) {
  switch (change.kind) {
  case query::ChangeKind::changed:
    return "modified";
  case query::ChangeKind::added:
    return change.relisted ? "re-listed" : "listed";
  case query::ChangeKind::ended:
    return "delisted";
  }
  return "modified";
}

// What a modification changed: "name: A → B; policy: C → D".
std::string modification(const Listing& before, const Listing& after) {
  std::string text;
  auto compare = [&](const char* field, const auto& a, const auto& b) {
    if (a != b) {
      text += fmt::format("{}{}: {} → {}", text.empty() ? "" : "; ", field, a, b);
    }
  };
  auto country = [](const Listing& l) { return l.country ? std::string(l.country->code()) : std::string("none"); };
  auto joined = [](const std::vector<std::string>& items) { return list_cell(items).text; };
  compare("name", before.name, after.name);
  compare("aliases", joined(before.aliases), joined(after.aliases));
  compare("country", country(before), country(after));
  compare("type", to_string(before.type), to_string(after.type));
  compare("addresses", joined(before.addresses), joined(after.addresses));
  compare("licence requirement", before.license_requirement.value_or(""), after.license_requirement.value_or(""));
  compare("policy", before.license_policy.value_or(""), after.license_policy.value_or(""));
  compare("source key", before.source_key.value_or(""), after.source_key.value_or(""));
  compare("list", before.list, after.list);
  return text;
}

Table listing_changes_table(const std::vector<query::ListingChange>& changes, const ActLookup& find_act) {
  Table table{"listing_changes",
              "Listings",
              {{"imposer", "imposer"},
               {"list", "list"},
               {"effective", "effective"},
               {"change", "change"},
               {"id", "id", Align::left, true},
               {"name", "name", Align::left, false, true},
               {"country", "country"},
               {"details", "details", Align::left, false, true},
               {"citation", "citation"}},
              {},
              2,
              true};
  for (const auto& change : changes) {
    const Listing& entry = change.after ? *change.after : *change.before;
    table.rows.push_back(
        {Cell::of(std::string(change.measure.imposer.code())), Cell::of(entry.list),
         Cell::of(change.effective.to_string()), Cell::of(std::string(listing_change_name(change))),
         Cell::of(change.measure.id), Cell::of(entry.name),
         Cell::of(entry.country ? std::string(entry.country->code()) : std::string()),
         Cell::of(change.before && change.after ? modification(*change.before, *change.after) : std::string()),
         Cell::of(act_reference(change.act_id, find_act))});
  }
  return table;
}

// Listings, re-listings and delistings counted by list, date, change and country, beside the
// count the act behind them declares (when one act is behind all of them).
Table listing_counts_table(const std::vector<query::ListingChange>& changes, const ActLookup& find_act) {
  struct Count {
    std::int64_t recorded = 0;
    std::set<std::string> acts;
  };
  using Key = std::tuple<std::string, std::string, Date, std::string, std::string>; // imposer, list, day, change, CC
  std::map<Key, Count> counts;
  for (const auto& change : changes) {
    if (change.kind == query::ChangeKind::changed) {
      continue;
    }
    const Listing& entry = change.after ? *change.after : *change.before;
    Count& count = counts[{std::string(change.measure.imposer.code()), entry.list, change.effective,
                           std::string(listing_change_name(change)),
                           entry.country ? std::string(entry.country->code()) : std::string()}];
    ++count.recorded;
    count.acts.insert(change.act_id.value_or(""));
  }
  Table table{"listing_counts",
              "Listings counted by country",
              {{"imposer", "imposer"},
               {"list", "list"},
               {"effective", "effective"},
               {"change", "change"},
               {"country", "country"},
               {"recorded", "recorded", Align::right},
               {"declared", "declared", Align::right},
               {"citation", "citation"}},
              {},
              2,
              true};
  for (const auto& [key, count] : counts) {
    const auto& [imposer, list, day, change, country] = key;
    Cell declared = Cell::of("");
    std::string citation;
    if (count.acts.size() == 1 && !count.acts.begin()->empty()) {
      const std::string& act_id = *count.acts.begin();
      citation = act_reference(act_id, find_act);
      const auto act = change == "re-listed" ? std::nullopt : find_act(act_id);
      if (act) {
        for (const auto& declared_count : change == "listed" ? act->added : act->removed) {
          if (declared_count.country.code() == country) {
            declared = Cell::number(declared_count.count);
          }
        }
      }
    }
    table.rows.push_back({Cell::of(imposer), Cell::of(list), Cell::of(day.to_string()), Cell::of(change),
                          Cell::of(country), Cell::number(count.recorded), std::move(declared), Cell::of(citation)});
  }
  return table;
}

std::string control_change_text(const query::ControlChange& change) {
  switch (change.kind) {
  case query::ChangeKind::changed:
    return fmt::format("{} → {}", control_terms(*change.before), control_terms(*change.after));
  case query::ChangeKind::added:
    return fmt::format("new: {}", control_terms(*change.after));
  case query::ChangeKind::ended:
    return fmt::format("ended: {}", control_terms(*change.before));
  }
  return {};
}

Table control_changes_table(const std::vector<query::ControlChange>& changes, const ActLookup& find_act) {
  Table table{"control_changes",
              "Controls and other measures",
              {{"imposer", "imposer"},
               {"partner", "partner"},
               {"authority", "authority"},
               {"effective", "effective"},
               {"measure", "measure"},
               {"kind", "kind"},
               {"products", "products", Align::left, false, true},
               {"change", "change", Align::left, false, true},
               {"citation", "citation"}},
              {},
              3,
              true};
  for (const auto& change : changes) {
    table.rows.push_back(
        {Cell::of(std::string(change.measure.imposer.code())), Cell::of(std::string(change.partner.code())),
         Cell::of(change.measure.authority), Cell::of(change.effective.to_string()), Cell::of(change.measure.id),
         Cell::of(std::string(to_string(change.measure.kind))), products_cell(change.codes, change.measure.imposer),
         Cell::with_json(control_change_text(change), std::string(kind_name(change.kind))),
         Cell::of(act_reference(change.act_id, find_act))});
  }
  return table;
}

double percent(const Rate& rate) { return static_cast<double>(rate.ad_valorem_milli().value_or(0)) / 1000.0; }

// Old and new rates side by side, one pair of bars per tariff change (the first
// `k_charted_changes`); a rate absent before or after is drawn as nothing.
constexpr std::size_t k_charted_changes = 30;

Chart rate_chart(const std::vector<query::LineChange>& changes) {
  Chart chart{changes.size() > k_charted_changes ? fmt::format("Tariff changes, old and new rate (the first {} of {})",
                                                               k_charted_changes, changes.size())
                                                 : "Tariff changes, old and new rate",
              ChartKind::bars,
              "% ad valorem",
              {{"old", {}}, {"new", {}}}};
  for (std::size_t i = 0; i < changes.size() && i < k_charted_changes; ++i) {
    const auto& change = changes[i];
    const std::string label = fmt::format("{} {}", change.measure.id, change.effective.to_string());
    auto point = [&](const std::optional<Rate>& rate) {
      return ChartPoint{static_cast<double>(i), rate ? percent(*rate) : 0, label, rate ? rate->to_string() : "none"};
    };
    chart.series[0].points.push_back(point(change.old_rate));
    chart.series[1].points.push_back(point(change.new_rate));
  }
  return chart;
}

ChartPoint count_point(std::string label, std::size_t count) {
  return {0, static_cast<double>(count), std::move(label), std::to_string(count)};
}

std::string_view basis_name(ChangeBasis basis) {
  switch (basis) {
  case ChangeBasis::effective:
    return "effective";
  case ChangeBasis::announced:
    return "announced";
  case ChangeBasis::recorded:
    return "recorded";
  }
  return "effective";
}

std::string_view title_words(ChangeBasis basis) {
  switch (basis) {
  case ChangeBasis::effective:
    return "Changes in force";
  case ChangeBasis::announced:
    return "Changes announced";
  case ChangeBasis::recorded:
    return "Changes in force recorded";
  }
  return "Changes in force";
}

// The tables of the changes the store no longer holds, keyed and titled as retracted.
void add_retracted(Report& report, const FoundChanges& retracted, const ActLookup& find_act) {
  std::vector<Table> tables;
  std::size_t count = 0;
  if (retracted.tariffs) {
    Field unused;
    tables.push_back(tariff_table(*retracted.tariffs, find_act, unused));
    count += retracted.tariffs->size();
  }
  if (retracted.listings) {
    tables.push_back(listing_changes_table(*retracted.listings, find_act));
    count += retracted.listings->size();
  }
  if (retracted.controls) {
    tables.push_back(control_changes_table(*retracted.controls, find_act));
    count += retracted.controls->size();
  }
  for (auto& table : tables) {
    table.key = "retracted_" + table.key;
    table.title = "Retracted: " + table.title;
    table.hide_when_empty = true;
    report.tables.push_back(std::move(table));
  }
  report.fields.push_back(
      {"retracted", "retracted",
       Cell::with_json(fmt::format("{} change{} the store no longer holds", count, count == 1 ? "" : "s"), count)});
}

} // namespace

Report changes_report(const ChangesQuestion& question, const FoundChanges& changes, const ActLookup& find_act,
                      const FoundChanges* retracted) {
  Report report;
  report.title =
      fmt::format("{} from {} to {}", title_words(question.by), question.from.to_string(), question.to.to_string());
  report.fields = {{"from", "from", Cell::of(question.from.to_string())},
                   {"to", "to", Cell::of(question.to.to_string())},
                   // Shown in text where it is not the default; the title says it too.
                   {"by", "by",
                    Cell::with_json(question.by == ChangeBasis::effective ? "" : std::string(basis_name(question.by)),
                                    std::string(basis_name(question.by)))}};
  report.fields.insert(report.fields.end(), question.filters.begin(), question.filters.end());
  Chart count_chart{"Changes counted", ChartKind::bars, "count", {{"changes", {}}}};
  if (changes.tariffs) {
    for (const auto kind : {query::ChangeKind::changed, query::ChangeKind::added, query::ChangeKind::ended}) {
      count_chart.series[0].points.push_back(
          count_point(fmt::format("tariffs {}", kind_name(kind)),
                      static_cast<std::size_t>(std::ranges::count(*changes.tariffs, kind, &query::LineChange::kind))));
    }
    if (!changes.tariffs->empty()) {
      report.charts.push_back(rate_chart(*changes.tariffs));
    }
    Field summary;
    report.tables.push_back(tariff_table(*changes.tariffs, find_act, summary));
    report.fields.push_back(std::move(summary));
  }
  if (changes.listings) {
    std::map<std::string, std::size_t> by_change;
    for (const auto& change : *changes.listings) {
      ++by_change[std::string(listing_change_name(change))];
    }
    nlohmann::ordered_json counts = {{"listed", by_change["listed"]},
                                     {"re_listed", by_change["re-listed"]},
                                     {"modified", by_change["modified"]},
                                     {"delisted", by_change["delisted"]}};
    for (const auto* change : {"listed", "re-listed", "modified", "delisted"}) {
      count_chart.series[0].points.push_back(count_point(fmt::format("listings {}", change), by_change[change]));
    }
    report.fields.push_back(
        {"listings_summary", "listings",
         Cell::with_json(fmt::format("{} listed, {} re-listed, {} modified, {} delisted", by_change["listed"],
                                     by_change["re-listed"], by_change["modified"], by_change["delisted"]),
                         std::move(counts))});
    report.tables.push_back(listing_changes_table(*changes.listings, find_act));
    report.tables.push_back(listing_counts_table(*changes.listings, find_act));
  }
  if (changes.controls) {
    report.fields.push_back(
        {"controls_summary", "controls",
         Cell::with_json(fmt::format("{} change{}", changes.controls->size(), changes.controls->size() == 1 ? "" : "s"),
                         changes.controls->size())});
    report.tables.push_back(control_changes_table(*changes.controls, find_act));
    count_chart.series[0].points.push_back(count_point("controls and other", changes.controls->size()));
  }
  if (!count_chart.series[0].points.empty()) {
    report.charts.insert(report.charts.begin(), std::move(count_chart));
  }
  if (retracted != nullptr) {
    add_retracted(report, *retracted, find_act);
  }
  return report;
}

} // namespace tw::report
