#include "report/rate_report.hpp"

#include <fmt/format.h>

namespace tw::report {

namespace {

std::vector<Column> layer_columns() {
  return {{"authority", "authority"},
          {"rate", "rate", Align::right},
          {"measure", "measure"},
          {"line", "line"},
          {"heading", "heading"},
          {"from", "from"},
          {"to", "to"},
          {"citation", "citation", Align::left, false, true}};
}

std::vector<Cell> layer_row(const query::Layer& layer, const ActLookup& find_act) {
  const auto& [line, measure] = layer.source;
  return {Cell::of(measure.authority),
          rate_cell(line.rate),
          Cell::of(measure.id),
          Cell::with_json(fmt::format("{} {}{}", line.key.hs.format(measure.imposer), line.key.origin.code(),
                                      line.key.company.empty() ? "" : " " + line.key.company),
                          {{"hs", line.key.hs.format(measure.imposer)},
                           {"origin", line.key.origin.code()},
                           {"company", line.key.company.empty() ? nlohmann::ordered_json()
                                                                : nlohmann::ordered_json(line.key.company)}}),
          text_cell(line.heading),
          date_cell(line.valid.from),
          date_cell(line.valid.to),
          Cell::of(act_reference(line.act_id, find_act))};
}

} // namespace

Report rate_report(const RateQuestion& question, const query::StackedRate& stacked, const ActLookup& find_act) {
  Report report;
  const std::string code = question.hs.format(question.imposer);
  report.title = fmt::format("Duty charged by {} on {} from {} ({}) on {}", question.imposer.code(), code,
                             question.origin.name(), question.origin.code(), question.on.to_string());
  report.fields = {
      {"imposer", "imposer", Cell::of(std::string(question.imposer.code()))},
      {"origin", "origin", Cell::of(std::string(question.origin.code()))},
      {"hs", "product", Cell::of(code)},
      {"on", "on", Cell::of(question.on.to_string())},
  };
  if (!question.company.empty()) {
    report.fields.push_back({"company", "exporter", Cell::of(question.company)});
  }
  if (question.as_known_on) {
    report.fields.push_back({"as_known_on", "as known on", Cell::of(*question.as_known_on)});
  }
  report.fields.push_back({"total", "total", rate_cell(stacked.total)});

  Table applied{"layers", "Layers charged", layer_columns(), {}, 0};
  Table set_aside{"set_aside", "Set aside", layer_columns(), {}, 0, true};
  set_aside.columns.push_back({"because", "because", Align::left, false, true});
  for (const auto& layer : stacked.layers) {
    auto row = layer_row(layer, find_act);
    if (layer.applied) {
      applied.rows.push_back(std::move(row));
    } else {
      row.push_back(Cell::of(layer.set_aside_because));
      set_aside.rows.push_back(std::move(row));
    }
  }
  if (applied.rows.empty()) {
    report.notes.push_back("No duty line of this store covers these goods on that date.");
  }
  report.tables.push_back(std::move(applied));
  report.tables.push_back(std::move(set_aside));
  return report;
}

} // namespace tw::report
