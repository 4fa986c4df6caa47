#include "report/screening_report.hpp"

#include "report/cells.hpp"

#include <fmt/format.h>

namespace tw::report {

Report screening_report(const std::vector<ScreenedName>& screened, std::vector<Field> fields) {
  std::size_t with_matches = 0;
  Table table{"matches",
              "Matches",
              {{"input", "input"},
               {"score", "score", Align::right},
               {"id", "id"},
               {"name", "name", Align::left, false, true},
               {"matched_name", "matched name", Align::left, true},
               {"list", "list"},
               {"country", "country"},
               {"type", "type", Align::left, true},
               {"listed", "listed"},
               {"delisted", "delisted"},
               {"explanation", "explanation", Align::left, true}},
              {},
              1,
              false};
  std::vector<std::string> notes;
  for (const auto& name : screened) {
    with_matches += name.matches.empty() ? 0 : 1;
    for (const auto& match : name.matches) {
      const Listing& listing = match.listing;
      const std::string explanation = match.score.explanation();
      table.rows.push_back({Cell::of(name.input), Cell::number(match.score.value), Cell::of(listing.measure_id),
                            Cell::of(listing.name), Cell::of(match.matched_name), Cell::of(listing.list),
                            Cell::of(listing.country ? std::string(listing.country->code()) : std::string()),
                            Cell::of(std::string(to_string(listing.type))), date_cell(listing.valid.from),
                            date_cell(listing.valid.to), Cell::of(explanation)});
      const std::string alias =
          match.matched_name == listing.name ? std::string() : fmt::format(" (alias \"{}\")", match.matched_name);
      notes.push_back(fmt::format("{} → {}, score {}{}: {}", name.input, listing.measure_id, match.score.value, alias,
                                  explanation));
    }
  }
  fields.push_back({"names", "names", Cell::number(static_cast<std::int64_t>(screened.size()))});
  fields.push_back({"names_matched", "names matched", Cell::number(static_cast<std::int64_t>(with_matches))});
  return Report{"Screening", std::move(fields), {}, {std::move(table)}, std::move(notes)};
}

} // namespace tw::report
