#include "check/lint.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "report/cells.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {

std::string counted(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

struct LintOptions {
  std::vector<std::string> rules;
  std::optional<std::string> as_known_on;
};

// The rules --rule names, each once, in the order of the rule table; every rule when none
// is named.
std::vector<const check::LintRule*> chosen_rules(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    parse_choice(
        "--rule", name,
        [](const std::string& text) {
          const check::LintRule* rule = check::find_lint_rule(text);
          return rule != nullptr ? std::optional(rule) : std::nullopt;
        },
        check::lint_rule_names());
  }
  std::vector<const check::LintRule*> rules;
  for (const auto& rule : check::lint_rules()) {
    if (names.empty() || std::ranges::find(names, rule.name) != names.end()) {
      rules.push_back(&rule);
    }
  }
  return rules;
}

report::Report findings_report(const std::vector<check::Finding>& findings,
                               const std::vector<const check::LintRule*>& rules, std::size_t measures) {
  std::vector<std::string> names;
  for (const auto* rule : rules) {
    names.emplace_back(rule->name);
  }
  report::Report report;
  report.fields = {{"rules", "rules", report::list_cell(names)},
                   {"measures", "measures", report::Cell::number(static_cast<std::int64_t>(measures))},
                   {"count", "findings", report::Cell::number(static_cast<std::int64_t>(findings.size()))}};
  report::Table table{"findings", "Findings", {{"id", "id"}, {"rule", "rule"}, {"message", "message"}}, {}, 0};
  for (const auto& finding : findings) {
    table.rows.push_back(
        {report::Cell::of(finding.id), report::Cell::of(finding.rule), report::Cell::of(finding.message)});
  }
  report.tables.push_back(std::move(table));
  return report;
}

} // namespace

void add_lint_command(CLI::App& app, Context& context) {
  CLI::App* command =
      app.add_subcommand("lint", fmt::format("check the data against built-in rules; exit 1 on findings (rules: {})",
                                             check::lint_rule_names()));
  auto options = std::make_shared<LintOptions>();
  command->add_option("--rule", options->rules, "run only this rule (repeatable)");
  add_as_known_on(*command, options->as_known_on);
  command->callback([&context, options] {
    const std::vector<const check::LintRule*> rules = chosen_rules(options->rules);
    const auto store = context.open_store(store::Store::Access::read_only);
    const check::LintInput input = check::read_lint_input(store, record_point(store, options->as_known_on));
    const std::vector<check::Finding> findings = check::lint(input, rules);
    if (context.format == report::Format::text) {
      // Like a compiler's diagnostics, one finding a line, for grep and editors.
      std::ostream& out = context.out();
      for (const auto& finding : findings) {
        out << fmt::format("{}: {}: {}\n", finding.id, finding.rule, finding.message);
      }
      flush_output(context);
    } else {
      context.print(findings_report(findings, rules, input.measures.size()));
    }
    if (findings.empty()) {
      context.note(fmt::format("no findings ({} over {})", counted(rules.size(), "rule"),
                               counted(input.measures.size(), "measure")));
    } else {
      context.status = ExitCode::findings;
    }
  });
}

} // namespace tw::cli
