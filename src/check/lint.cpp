#include "check/lint.hpp"

#include "store/acts.hpp"
#include "store/control_lines.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <type_traits>
#include <utility>

namespace tw::check {

namespace {

template <typename Item> std::map<std::string, const Item*> by_id(const std::vector<Item>& items) {
  std::map<std::string, const Item*> index;
  for (const auto& item : items) {
    index.emplace(item.id, &item);
  }
  return index;
}

std::string plural(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

// A validity as the design writes it: [from, to), with … for until further notice.
std::string interval(const Validity& valid) {
  return fmt::format("[{}, {})", valid.from.to_string(), valid.to ? valid.to->to_string() : "…");
}

// Which line of its measure a version belongs to, as `show` and `rate` name it.
std::string describe(const TariffLine& line, const Measure& measure) {
  std::string text = fmt::format("{} {}", line.key.hs.format(measure.imposer), line.key.origin.code());
  return line.key.company.empty() ? text : fmt::format("{} {}", text, line.key.company);
}

std::string describe(const Listing& listing, const Measure&) {
  return fmt::format("{} entry {}", listing.list, listing.name);
}

std::string describe(const ControlLine& line, const Measure& measure) {
  return fmt::format("{} {}", line.key.hs.format(measure.imposer), line.key.partner.code());
}

// Calls `visit(line, measure)` for every current line version of every kind whose measure
// is known.
template <typename Visit> void for_each_line(const LintInput& input, Visit visit) {
  const auto measures = by_id(input.measures);
  auto visit_all = [&](const auto& lines) {
    for (const auto& line : lines) {
      if (const auto measure = measures.find(line.measure_id); measure != measures.end()) {
        visit(line, *measure->second);
      }
    }
  };
  visit_all(input.tariffs);
  visit_all(input.listings);
  visit_all(input.controls);
}

// The act a line version rests on: its own, else its measure's.
const std::optional<std::string>& act_of(const auto& line, const Measure& measure) {
  return line.act_id ? line.act_id : measure.act_id;
}

template <typename Line>
void add_overlaps(const std::vector<Line>& lines, const std::map<std::string, const Measure*>& measures,
                  std::vector<Finding>& findings) {
  using Key = std::remove_cvref_t<decltype(std::declval<const Line&>().version_key())>;
  std::map<std::pair<std::string, Key>, std::vector<const Line*>> versions_by_line;
  for (const auto& line : lines) {
    versions_by_line[{line.measure_id, line.version_key()}].push_back(&line);
  }
  for (auto& [key, versions] : versions_by_line) {
    const auto measure = measures.find(key.first);
    if (measure == measures.end()) {
      continue;
    }
    std::ranges::sort(versions, {}, [](const Line* line) { return std::make_pair(line->valid.from, line->row_id); });
    // The earlier version that reaches furthest: a later one that starts before its end overlaps it.
    const Line* reaching = nullptr;
    for (const Line* version : versions) {
      if (reaching != nullptr && (!reaching->valid.to || version->valid.from < *reaching->valid.to)) {
        findings.push_back(
            {measure->first, "overlap",
             fmt::format("{}: version {} {} overlaps version {} {}", describe(*version, *measure->second),
                         reaching->row_id, interval(reaching->valid), version->row_id, interval(version->valid))});
      }
      if (reaching == nullptr ||
          (reaching->valid.to && (!version->valid.to || *reaching->valid.to < *version->valid.to))) {
        reaching = version;
      }
    }
  }
}

// An act's first public date, and whether that was its announcement or its publication.
std::optional<std::pair<Date, std::string_view>> first_public(const Act& act) {
  if (act.announced && (!act.published || *act.announced <= *act.published)) {
    return std::pair{*act.announced, std::string_view("announced")};
  }
  if (act.published) {
    return std::pair{*act.published, std::string_view("published")};
  }
  return std::nullopt;
}

// Line versions of one measure that one check found, counted, with the earliest of them.
struct Offenders {
  std::size_t count = 0;
  Date earliest;
  std::string first_line;

  void add(Date from, std::string line) {
    if (count == 0 || from < earliest) {
      earliest = from;
      first_line = std::move(line);
    }
    ++count;
  }
};

std::string listed(const std::set<std::string>& ids) {
  constexpr std::size_t k_shown = 3;
  std::string text;
  std::size_t shown = 0;
  for (const auto& id : ids) {
    if (shown == k_shown) {
      return text + ", …";
    }
    text += (shown++ == 0 ? "" : ", ") + id;
  }
  return text;
}

constexpr std::array<LintRule, 6> k_rules = {{
    {"overlap", "two current versions of one line whose validity overlaps", check_overlap},
    {"missing-citation", "line versions with no act, or whose act has no citation and no URL", check_missing_citation},
    {"end-before-start", "acts published before they were announced; validity that ends before it starts",
     check_end_before_start},
    {"listing-without-country", "listings that name no country", check_listing_without_country},
    {"act-dates", "line versions in force before their act was made public; measures announced after they start",
     check_act_dates},
    {"unknown-exclusive-group-partner", "exclusive groups with one member, which exclude nothing",
     check_exclusive_group_partner},
}};

} // namespace

LintInput read_lint_input(const store::Store& store, store::RecordPoint point) {
  LintInput input;
  input.measures = store::measures_at(store, point);
  input.acts = store::acts_at(store, point);
  for (auto& [line, measure] : store::find_lines(store, {}, point)) {
    input.tariffs.push_back(std::move(line));
  }
  for (auto& [listing, measure] : store::find_listings(store, {}, point)) {
    input.listings.push_back(std::move(listing));
  }
  for (auto& [line, measure] : store::find_control_lines(store, {}, point)) {
    input.controls.push_back(std::move(line));
  }
  return input;
}

std::span<const LintRule> lint_rules() { return k_rules; }

const LintRule* find_lint_rule(std::string_view name) {
  const auto found = std::ranges::find(k_rules, name, &LintRule::name);
  return found == k_rules.end() ? nullptr : &*found;
}

std::string lint_rule_names() {
  std::string names;
  for (const auto& rule : k_rules) {
    names += fmt::format("{}{}", names.empty() ? "" : ", ", rule.name);
  }
  return names;
}

std::vector<Finding> lint(const LintInput& input, std::span<const LintRule* const> rules) {
  std::vector<Finding> findings;
  for (const LintRule* rule : rules) {
    std::ranges::move(rule->check(input), std::back_inserter(findings));
  }
  std::ranges::sort(findings);
  return findings;
}

std::vector<Finding> check_overlap(const LintInput& input) {
  const auto measures = by_id(input.measures);
  std::vector<Finding> findings;
  add_overlaps(input.tariffs, measures, findings);
  add_overlaps(input.listings, measures, findings);
  add_overlaps(input.controls, measures, findings);
  return findings;
}

std::vector<Finding> check_missing_citation(const LintInput& input) {
  const auto acts = by_id(input.acts);
  std::map<std::string, Offenders> without_act;           // by measure
  std::map<std::string, std::set<std::string>> bare_acts; // act id → measures citing it
  for_each_line(input, [&](const auto& line, const Measure& measure) {
    const auto& act_id = act_of(line, measure);
    if (!act_id) {
      without_act[measure.id].add(line.valid.from, describe(line, measure));
    } else if (const auto act = acts.find(*act_id); act != acts.end() && !act->second->citation && !act->second->url) {
      bare_acts[*act_id].insert(measure.id);
    }
  });
  std::vector<Finding> findings;
  for (const auto& [measure_id, offenders] : without_act) {
    findings.push_back({measure_id, "missing-citation",
                        fmt::format("{} {} no act, nor does the measure (the first: {} from {})",
                                    plural(offenders.count, "line version"), offenders.count == 1 ? "cites" : "cite",
                                    offenders.first_line, offenders.earliest.to_string())});
  }
  for (const auto& [act_id, measure_ids] : bare_acts) {
    findings.push_back({act_id, "missing-citation",
                        fmt::format("has no citation and no URL, and line versions of {} rest on it ({})",
                                    plural(measure_ids.size(), "measure"), listed(measure_ids))});
  }
  return findings;
}

std::vector<Finding> check_end_before_start(const LintInput& input) {
  std::vector<Finding> findings;
  for (const auto& act : input.acts) {
    if (act.announced && act.published && *act.published < *act.announced) {
      findings.push_back({act.id, "end-before-start",
                          fmt::format("published on {}, before it was announced on {}", act.published->to_string(),
                                      act.announced->to_string())});
    }
  }
  // The schema's CHECK (valid_to > valid_from) keeps these out of the store today; data
  // loaded around it one day would not be, and the check costs nothing.
  for_each_line(input, [&](const auto& line, const Measure& measure) {
    if (line.valid.to && *line.valid.to <= line.valid.from) {
      findings.push_back({measure.id, "end-before-start",
                          fmt::format("{}: version {} ends on {}, not after it starts on {}", describe(line, measure),
                                      line.row_id, line.valid.to->to_string(), line.valid.from.to_string())});
    }
  });
  return findings;
}

std::vector<Finding> check_listing_without_country(const LintInput& input) {
  // The latest current version of each listing that names no country.
  std::map<std::string, const Listing*> without_country;
  for (const auto& listing : input.listings) {
    auto& latest = without_country[listing.measure_id];
    if (!listing.country && (latest == nullptr || latest->valid.from < listing.valid.from)) {
      latest = &listing;
    }
  }
  std::vector<Finding> findings;
  for (const auto& [measure_id, listing] : without_country) {
    if (listing != nullptr) {
      findings.push_back({measure_id, "listing-without-country",
                          fmt::format("{} entry {} names no country", listing->list, listing->name)});
    }
  }
  return findings;
}

std::vector<Finding> check_act_dates(const LintInput& input) {
  const auto acts = by_id(input.acts);
  std::map<std::pair<std::string, std::string>, Offenders> before_act; // by measure and act
  std::map<std::string, Date> earliest_start;                          // by measure
  for_each_line(input, [&](const auto& line, const Measure& measure) {
    const auto start = earliest_start.try_emplace(measure.id, line.valid.from).first;
    start->second = std::min(start->second, line.valid.from);
    const auto& act_id = act_of(line, measure);
    const auto act = act_id ? acts.find(*act_id) : acts.end();
    if (act == acts.end()) {
      return;
    }
    if (const auto made_public = first_public(*act->second); made_public && line.valid.from < made_public->first) {
      before_act[{measure.id, *act_id}].add(line.valid.from, describe(line, measure));
    }
  });
  std::vector<Finding> findings;
  for (const auto& [key, offenders] : before_act) {
    const auto made_public = first_public(*acts.at(key.second));
    findings.push_back({key.first, "act-dates",
                        fmt::format("{} in force from {}, before act {} was {} on {} (the first: {})",
                                    plural(offenders.count, "line version"), offenders.earliest.to_string(), key.second,
                                    made_public->second, made_public->first.to_string(), offenders.first_line)});
  }
  for (const auto& measure : input.measures) {
    const auto start = earliest_start.find(measure.id);
    if (measure.announced && start != earliest_start.end() && start->second < *measure.announced) {
      findings.push_back({measure.id, "act-dates",
                          fmt::format("announced on {}, after its earliest line version starts on {}",
                                      measure.announced->to_string(), start->second.to_string())});
    }
  }
  return findings;
}

std::vector<Finding> check_exclusive_group_partner(const LintInput& input) {
  std::map<std::string, std::vector<std::string>> members; // group → measure ids
  for (const auto& measure : input.measures) {
    for (const auto& group : measure.exclusive_groups) {
      members[group.name].push_back(measure.id);
    }
  }
  std::vector<Finding> findings;
  for (const auto& [group, measure_ids] : members) {
    if (measure_ids.size() == 1) {
      findings.push_back({measure_ids.front(), "unknown-exclusive-group-partner",
                          fmt::format("exclusive group {} has no other member, so it excludes nothing "
                                      "(is its name mistyped?)",
                                      group)});
    }
  }
  return findings;
}

} // namespace tw::check
