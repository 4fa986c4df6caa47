#include "report/listing_report.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace tw::report {

namespace {

Cell optional_code(const std::optional<Jurisdiction>& country) {
  return Cell::of(country ? std::string(country->code()) : std::string());
}

std::string joined(const std::set<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    text += (text.empty() ? "" : ", ") + item;
  }
  return text;
}

} // namespace

std::string control_terms(const ControlLine& line) {
  std::string terms;
  if (line.requirement) {
    terms = std::string(to_string(*line.requirement));
    if (line.direction) {
      terms += fmt::format(" on {}s", to_string(*line.direction));
    }
    if (line.quota) {
      terms += fmt::format(" ({})", *line.quota);
    }
  }
  if (line.description) {
    terms += (terms.empty() ? "" : ": ") + *line.description;
  }
  return terms;
}

Table listing_table(const std::vector<store::MeasureListing>& listings, const ActLookup& find_act) {
  // The latest matching version of each listing, in the order found (by list, country, name).
  std::vector<const store::MeasureListing*> latest;
  std::map<std::string, std::size_t> index;
  for (const auto& listing : listings) {
    auto [it, added] = index.try_emplace(listing.measure.id, latest.size());
    if (added) {
      latest.push_back(&listing);
    } else if (latest[it->second]->line.valid.from < listing.line.valid.from) {
      latest[it->second] = &listing;
    }
  }
  Table table{"listings",
              "Listings",
              {{"list", "list"},
               {"id", "id"},
               {"name", "name", Align::left, false, true},
               {"aliases", "aliases", Align::left, true},
               {"country", "country"},
               {"type", "type", Align::left, true},
               {"from", "from"},
               {"to", "to"},
               {"license_requirement", "licence requirement", Align::left, true},
               {"license_policy", "policy", Align::left, false, true},
               {"source_key", "source key", Align::left, true},
               {"citation", "citation"}},
              {},
              1,
              true};
  for (const auto* listing : latest) {
    const Listing& entry = listing->line;
    table.rows.push_back(
        {Cell::of(entry.list), Cell::of(listing->measure.id), Cell::of(entry.name), list_cell(entry.aliases),
         optional_code(entry.country), Cell::of(std::string(to_string(entry.type))), date_cell(entry.valid.from),
         date_cell(entry.valid.to), text_cell(entry.license_requirement), text_cell(entry.license_policy),
         text_cell(entry.source_key), Cell::of(act_reference(entry.act_id, find_act))});
  }
  return table;
}

Report listing_report(const Measure& measure, const std::vector<Listing>& versions, const ActLookup& find_act) {
  Report report;
  report.title = fmt::format("Listing {}", measure.id);
  report.fields = measure_fields(measure, find_act);
  if (!versions.empty()) {
    const Listing& latest = versions.back();
    report.fields.insert(report.fields.begin() + 4, {{"list", "list", Cell::of(latest.list)},
                                                     {"name", "name", Cell::of(latest.name)},
                                                     {"country", "country", optional_code(latest.country)}});
  }
  Table table{"versions",
              "Versions",
              {{"from", "from"},
               {"to", "to"},
               {"name", "name", Align::left, false, true},
               {"aliases", "aliases", Align::left, false, true},
               {"country", "country"},
               {"type", "type"},
               {"addresses", "addresses", Align::left, true},
               {"license_requirement", "licence requirement", Align::left, false, true},
               {"license_policy", "policy", Align::left, false, true},
               {"source_key", "source key", Align::left, true},
               {"act", "listed by"},
               {"citation", "citation"},
               {"end_act", "delisted by"},
               {"note", "note", Align::left, false, true}},
              {},
              0};
  for (const auto& version : versions) {
    table.rows.push_back(
        {date_cell(version.valid.from), date_cell(version.valid.to), Cell::of(version.name), list_cell(version.aliases),
         optional_code(version.country), Cell::of(std::string(to_string(version.type))), list_cell(version.addresses),
         text_cell(version.license_requirement), text_cell(version.license_policy), text_cell(version.source_key),
         text_cell(version.act_id), Cell::of(citation_of(version.act_id, find_act)), text_cell(version.end_act_id),
         text_cell(version.note)});
  }
  report.tables.push_back(std::move(table));
  return report;
}

Table control_table(const std::vector<store::MeasureControl>& lines, const ActLookup& find_act) {
  struct Summary {
    const Measure* measure = nullptr;
    std::set<std::string> partners;
    std::set<std::string> codes;
    std::set<std::string> terms;
    std::optional<std::string> act_id;
    Date from;
    std::optional<Date> to;
    bool open = false;
  };
  std::vector<std::string> order;
  std::map<std::string, Summary> measures;
  for (const auto& [line, measure] : lines) {
    auto [it, added] = measures.try_emplace(measure.id);
    Summary& summary = it->second;
    if (added) {
      order.push_back(measure.id);
      summary.measure = &measure;
      summary.from = line.valid.from;
      summary.act_id = measure.act_id;
    }
    summary.partners.insert(std::string(line.key.partner.code()));
    summary.codes.insert(line.key.hs.format(measure.imposer));
    summary.terms.insert(control_terms(line));
    summary.act_id = line.act_id ? line.act_id : summary.act_id;
    summary.from = std::min(summary.from, line.valid.from);
    summary.open = summary.open || !line.valid.to;
    if (line.valid.to && (!summary.to || *summary.to < *line.valid.to)) {
      summary.to = line.valid.to;
    }
  }
  Table table{"controls",
              "Controls and other measures",
              {{"id", "id"},
               {"kind", "kind"},
               {"imposer", "imposer"},
               {"authority", "authority"},
               {"partners", "partners"},
               {"products", "products"},
               {"terms", "terms", Align::left, false, true},
               {"from", "from"},
               {"to", "to"},
               {"citation", "citation"}},
              {},
              0,
              true};
  for (const auto& id : order) {
    const Summary& summary = measures.at(id);
    const std::string products =
        summary.codes.size() == 1 ? *summary.codes.begin() : fmt::format("{} codes", summary.codes.size());
    table.rows.push_back({Cell::of(id), Cell::of(std::string(to_string(summary.measure->kind))),
                          Cell::of(std::string(summary.measure->imposer.code())), Cell::of(summary.measure->authority),
                          Cell::of(joined(summary.partners)), Cell::of(products), Cell::of(joined(summary.terms)),
                          date_cell(summary.from), date_cell(summary.open ? std::nullopt : summary.to),
                          Cell::of(act_reference(summary.act_id, find_act))});
  }
  return table;
}

Report control_report(const Measure& measure, const std::vector<ControlLine>& lines, const ActLookup& find_act) {
  Report report;
  report.title = fmt::format("Measure {}", measure.id);
  report.fields = measure_fields(measure, find_act);
  Table table{"lines",
              "Lines",
              {{"partner", "partner"},
               {"hs", "product"},
               {"direction", "direction"},
               {"requirement", "requirement"},
               {"quota", "quota"},
               {"text", "text", Align::left, false, true},
               {"from", "from"},
               {"to", "to"},
               {"act", "act", Align::left, false, true},
               {"citation", "citation"},
               {"note", "note", Align::left, false, true}},
              {},
              0};
  for (const auto& line : lines) {
    table.rows.push_back({Cell::of(std::string(line.key.partner.code())), Cell::of(line.key.hs.format(measure.imposer)),
                          Cell::of(line.direction ? std::string(to_string(*line.direction)) : std::string()),
                          Cell::of(line.requirement ? std::string(to_string(*line.requirement)) : std::string()),
                          text_cell(line.quota), text_cell(line.description), date_cell(line.valid.from),
                          date_cell(line.valid.to), text_cell(line.act_id),
                          Cell::of(citation_of(line.act_id, find_act)), text_cell(line.note)});
  }
  report.tables.push_back(std::move(table));
  return report;
}

} // namespace tw::report
