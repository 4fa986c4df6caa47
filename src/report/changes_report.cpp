#include "report/changes_report.hpp"

#include <fmt/format.h>

namespace tw::report {

namespace {

Cell products_cell(const query::LineChange& change) {
  nlohmann::ordered_json codes = nlohmann::ordered_json::array();
  for (const auto& code : change.codes) {
    codes.push_back(code.format(change.measure.imposer));
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

} // namespace

Report changes_report(const ChangesQuestion& question, const std::vector<query::LineChange>& changes,
                      const ActLookup& find_act) {
  Report report;
  report.title =
      fmt::format("Tariff changes in force from {} to {}", question.from.to_string(), question.to.to_string());
  std::size_t changed = 0;
  std::size_t added = 0;
  std::size_t ended = 0;
  std::size_t codes = 0;
  Table table{"tariff_changes",
              "",
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
         products_cell(change), Cell::with_json(change_text(change), std::string(kind_name(change.kind))),
         optional_rate_cell(change.old_rate), optional_rate_cell(change.new_rate), std::move(points), std::move(factor),
         text_cell(change.heading), Cell::of(act_reference(change.act_id, find_act))});
  }
  report.fields = {{"from", "from", Cell::of(question.from.to_string())},
                   {"to", "to", Cell::of(question.to.to_string())}};
  report.fields.insert(report.fields.end(), question.filters.begin(), question.filters.end());
  nlohmann::ordered_json summary = {{"changed", changed}, {"new", added}, {"ended", ended}, {"product_codes", codes}};
  report.fields.push_back({"summary", "summary",
                           Cell::with_json(fmt::format("{} changed, {} new, {} ended, on {} product code{}", changed,
                                                       added, ended, codes, codes == 1 ? "" : "s"),
                                           std::move(summary))});
  report.tables.push_back(std::move(table));
  return report;
}

} // namespace tw::report
