#include "report/measure_report.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace tw::report {

namespace {

std::string joined(const std::set<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    text += (text.empty() ? "" : ", ") + item;
  }
  return text;
}

nlohmann::ordered_json json_array(const std::set<std::string>& items) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& item : items) {
    array.push_back(item);
  }
  return array;
}

// Declared entity counts: "37 (CN 37)"; in JSON {"CN": 37}.
Cell counts_cell(const EntityCounts& counts) {
  if (counts.empty()) {
    return Cell::of("");
  }
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  std::string by_country;
  for (const auto& [country, count] : counts) {
    json[std::string(country.code())] = count;
    by_country += fmt::format("{}{} {}", by_country.empty() ? "" : ", ", country.code(), count);
  }
  return Cell::with_json(fmt::format("{} ({})", total(counts), by_country), std::move(json));
}

} // namespace

namespace {

Table tariff_table(const std::vector<store::MeasureLine>& lines, const ActLookup& find_act) {
  struct Summary {
    const Measure* measure = nullptr;
    std::set<std::string> origins;
    std::set<std::string> codes;
    std::map<LineKey, const TariffLine*> latest; // the latest version of each line
    Date from;
    std::optional<Date> to;
    bool open = false;
  };
  std::map<std::string, Summary> measures;
  for (const auto& [line, measure] : lines) {
    auto [it, added] = measures.try_emplace(measure.id);
    Summary& summary = it->second;
    if (added) {
      summary.measure = &measure;
      summary.from = line.valid.from;
    }
    summary.origins.insert(std::string(line.key.origin.code()));
    summary.codes.insert(line.key.hs.format(measure.imposer));
    auto& latest = summary.latest[line.key];
    if (latest == nullptr || latest->valid.from < line.valid.from) {
      latest = &line;
    }
    summary.from = std::min(summary.from, line.valid.from);
    summary.open = summary.open || !line.valid.to;
    if (line.valid.to && (!summary.to || *summary.to < *line.valid.to)) {
      summary.to = line.valid.to;
    }
  }
  Table table{"measures",
              "",
              {{"id", "id"},
               {"kind", "kind"},
               {"imposer", "imposer"},
               {"authority", "authority"},
               {"origins", "origins"},
               {"products", "products"},
               {"rates", "rate", Align::right},
               {"from", "from"},
               {"to", "to"},
               {"citation", "citation"}},
              {},
              0};
  for (const auto& [id, summary] : measures) {
    std::set<std::string> rates;
    std::optional<std::string> act_id = summary.measure->act_id;
    for (const auto& [key, line] : summary.latest) {
      rates.insert(line->rate.to_string());
      act_id = line->act_id ? line->act_id : act_id;
    }
    const std::string products =
        summary.codes.size() == 1 ? *summary.codes.begin() : fmt::format("{} codes", summary.codes.size());
    table.rows.push_back({Cell::of(id), Cell::of(std::string(to_string(summary.measure->kind))),
                          Cell::of(std::string(summary.measure->imposer.code())), Cell::of(summary.measure->authority),
                          Cell::with_json(joined(summary.origins), json_array(summary.origins)),
                          Cell::with_json(products, json_array(summary.codes)),
                          Cell::with_json(joined(rates), json_array(rates)), date_cell(summary.from),
                          date_cell(summary.open ? std::nullopt : summary.to),
                          Cell::of(act_reference(act_id, find_act))});
  }
  return table;
}

} // namespace

Report measure_list_report(const MeasureSelection& selection, const std::vector<Field>& filters,
                           const ActLookup& find_act) {
  Report report;
  report.fields = filters;
  const int kinds = static_cast<int>(selection.tariffs.has_value()) + static_cast<int>(selection.listings.has_value()) +
                    static_cast<int>(selection.controls.has_value());
  std::size_t count = 0;
  auto add = [&](Table table) {
    count += table.rows.size();
    table.hide_when_empty = kinds > 1;
    report.tables.push_back(std::move(table));
  };
  if (selection.tariffs) {
    add(tariff_table(*selection.tariffs, find_act));
  }
  if (selection.listings) {
    add(listing_table(*selection.listings, find_act));
  }
  if (selection.controls) {
    add(control_table(*selection.controls, find_act));
  }
  report.fields.push_back({"count", "measures", Cell::number(static_cast<std::int64_t>(count))});
  return report;
}

Report measure_report(const Measure& measure, const std::vector<TariffLine>& lines, const ActLookup& find_act) {
  Report report;
  report.title = fmt::format("Measure {}", measure.id);
  report.fields = measure_fields(measure, find_act);
  Table table{"lines",
              "Lines",
              {{"origin", "origin"},
               {"hs", "product"},
               {"company", "exporter"},
               {"rate", "rate", Align::right},
               {"heading", "heading"},
               {"from", "from"},
               {"to", "to"},
               {"act", "act", Align::left, false, true},
               {"citation", "citation"},
               {"note", "note", Align::left, false, true}},
              {},
              0};
  for (const auto& line : lines) {
    table.rows.push_back({Cell::of(std::string(line.key.origin.code())), Cell::of(line.key.hs.format(measure.imposer)),
                          Cell::of(line.key.company), rate_cell(line.rate), text_cell(line.heading),
                          date_cell(line.valid.from), date_cell(line.valid.to), text_cell(line.act_id),
                          Cell::of(citation_of(line.act_id, find_act)), text_cell(line.note)});
  }
  report.tables.push_back(std::move(table));
  return report;
}

Report act_report(const Act& act, const std::vector<std::string>& measure_ids) {
  Report report;
  report.title = fmt::format("Act {}", act.id);
  report.fields = {
      {"id", "id", Cell::of(act.id)},
      {"imposer", "imposer", Cell::of(std::string(act.imposer.code()))},
      {"title", "title", Cell::of(act.title)},
      {"citation", "citation", text_cell(act.citation)},
      {"document_number", "document number", text_cell(act.document_number)},
      {"url", "url", text_cell(act.url)},
      {"announced", "announced", date_cell(act.announced)},
      {"published", "published", date_cell(act.published)},
      {"added", "entities added", counts_cell(act.added)},
      {"removed", "entities removed", counts_cell(act.removed)},
  };
  Table table{"measures", "Measures citing it", {{"id", "measure"}}, {}, 0};
  for (const auto& id : measure_ids) {
    table.rows.push_back({Cell::of(id)});
  }
  report.tables.push_back(std::move(table));
  return report;
}

} // namespace tw::report
