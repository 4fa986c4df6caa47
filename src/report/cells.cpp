#include "report/cells.hpp"

#include <fmt/format.h>

namespace tw::report {

Cell rate_cell(const Rate& rate) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["text"] = rate.to_string();
  json["ad_valorem_pct"] = rate.ad_valorem_milli()
                               ? nlohmann::ordered_json(static_cast<double>(*rate.ad_valorem_milli()) / 1000.0)
                               : nlohmann::ordered_json();
  nlohmann::ordered_json specific = nlohmann::ordered_json::array();
  for (const auto& duty : rate.specific()) {
    specific.push_back({{"amount", format_decimal(duty.micros, 6)},
                        {"currency", duty.currency},
                        {"per", duty.per},
                        {"unit", duty.unit}});
  }
  json["specific"] = std::move(specific);
  return Cell::with_json(rate.to_string(), std::move(json));
}

Cell optional_rate_cell(const std::optional<Rate>& rate) { return rate ? rate_cell(*rate) : Cell::of(""); }

Cell date_cell(const std::optional<Date>& date) { return Cell::of(date ? date->to_string() : std::string()); }

Cell text_cell(const std::optional<std::string>& text) { return Cell::of(text.value_or("")); }

std::string citation_of(const std::optional<std::string>& act_id, const ActLookup& find_act) {
  const auto act = act_id ? find_act(*act_id) : std::nullopt;
  return act && act->citation ? *act->citation : std::string();
}

std::string act_reference(const std::optional<std::string>& act_id, const ActLookup& find_act) {
  const std::string citation = citation_of(act_id, find_act);
  return citation.empty() ? act_id.value_or("") : citation;
}

Cell list_cell(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    text += (text.empty() ? "" : "; ") + item;
  }
  return Cell::with_json(text, nlohmann::ordered_json(items));
}

std::vector<Field> measure_fields(const Measure& measure, const ActLookup& find_act) {
  std::vector<Field> fields = {
      {"id", "id", Cell::of(measure.id)},
      {"kind", "kind", Cell::of(std::string(to_string(measure.kind)))},
      {"imposer", "imposer", Cell::of(std::string(measure.imposer.code()))},
      {"authority", "authority", Cell::of(measure.authority)},
      {"title", "title", text_cell(measure.title)},
      {"announced", "announced", date_cell(measure.announced)},
      {"act", "act", text_cell(measure.act_id)},
      {"citation", "citation", Cell::of(citation_of(measure.act_id, find_act))},
      {"note", "note", text_cell(measure.note)},
  };
  std::vector<std::string> groups;
  for (const auto& group : measure.exclusive_groups) {
    groups.push_back(fmt::format("{}:{}", group.name, group.priority));
  }
  fields.push_back({"exclusive_groups", "exclusive", list_cell(groups)});
  return fields;
}

} // namespace tw::report
