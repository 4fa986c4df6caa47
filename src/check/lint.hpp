#pragma once

// Built-in data rules: what `lint` checks in the store as it stands at one record point.
// Each rule is a function from what the store holds to its findings; the table of rules
// names them for --rule.

#include "core/model.hpp"
#include "store/store.hpp"

#include <compare>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tw::check {

// One thing a rule found, about measure or act `id`.
struct Finding {
  std::string id;
  std::string rule;
  std::string message;

  auto operator<=>(const Finding&) const = default;
};

// What the rules read: the measures, acts and current line versions at one record point.
struct LintInput {
  std::vector<Measure> measures;
  std::vector<Act> acts;
  std::vector<TariffLine> tariffs;
  std::vector<Listing> listings;
  std::vector<ControlLine> controls; // of control and other measures
};

LintInput read_lint_input(const store::Store& store, store::RecordPoint point);

struct LintRule {
  std::string_view name;
  std::string_view summary;
  std::vector<Finding> (*check)(const LintInput& input);
};

// Every rule, in the order `lint --help` lists them.
std::span<const LintRule> lint_rules();
// The rule called `name`, or none.
const LintRule* find_lint_rule(std::string_view name);
// The names of every rule, joined by ", ", for messages.
std::string lint_rule_names();

// The findings of `rules` on `input`, sorted by id, rule and message.
std::vector<Finding> lint(const LintInput& input, std::span<const LintRule* const> rules);

// The rules, one function each.

// Two current versions of one line (same measure and line) whose validity overlaps.
std::vector<Finding> check_overlap(const LintInput& input);
// Line versions with no act on the line nor on the measure (one finding per measure), and
// acts cited by line versions that have neither a citation nor a URL (one per act).
std::vector<Finding> check_missing_citation(const LintInput& input);
// Acts published before they were announced; line versions whose validity ends on or before
// it starts (the schema refuses these, but data written around it would not be).
std::vector<Finding> check_end_before_start(const LintInput& input);
// Listings whose current version names no country.
std::vector<Finding> check_listing_without_country(const LintInput& input);
// Line versions in force before their act was first made public (announced or published,
// whichever came first): retroactive, or a wrong date; and measures announced after their
// earliest line version starts.
std::vector<Finding> check_act_dates(const LintInput& input);
// Exclusive stacking groups with a single member measure: they exclude nothing, so the group
// name is probably mistyped.
std::vector<Finding> check_exclusive_group_partner(const LintInput& input);

} // namespace tw::check
