#include "cli/commands.hpp"
#include "cli/found_changes.hpp"
#include "cli/options.hpp"
#include "report/changes_report.hpp"
#include "store/acts.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
std::optional<report::ChangeBasis> parse_basis(std::string_view text) {
  if (text == "effective") {
    return report::ChangeBasis::effective;
  }
  if (text == "announced") {
    return report::ChangeBasis::announced;
  }
  if (text == "recorded") {
    return report::ChangeBasis::recorded;
  }
  return std::nullopt;
}

struct ChangesOptions {
  std::string from;
  std::string to;
  std::string by = "effective";
  FilterOptions filters;
};
} // namespace

void add_report_changes_command(CLI::App& report, Context& context) {
  CLI::App* command = report.add_subcommand("changes", "what changed in force between two dates");
  auto options = std::make_shared<ChangesOptions>();
  command->add_option("--from", options->from, "first day (inclusive)")->required();
  command->add_option("--to", options->to, "last day (inclusive)")->required();
  command->add_option("--by", options->by,
                      "effective: what came into force between the dates (default); announced: what acts announced "
                      "between them made; recorded: what the store learned between them");
  options->filters.add_to(*command, true, false);
  command->callback([&context, options] {
    const FilterOptions& filters = options->filters;
    const report::ChangesQuestion question{
        parse_option<Date>("--from", options->from), parse_option<Date>("--to", options->to), filters.fields(),
        parse_choice("--by", options->by, parse_basis, "effective, announced, recorded")};
    if (question.to < question.from) {
      throw Error(ExitCode::usage, fmt::format("--to {} is before --from {}", options->to, options->from));
    }
    if (question.by == report::ChangeBasis::recorded && filters.as_known_on) {
      throw Error(ExitCode::usage, "--by recorded compares two record times of its own; --as-known-on cannot be given",
                  "leave out --as-known-on, or use --by effective or announced");
    }
    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, filters.as_known_on);
    const auto find_act = [&](const std::string& id) { return store::find_act(store, id, point); };
    switch (question.by) {
    case report::ChangeBasis::effective:
      context.print(report::changes_report(
          question, find_changes_in_force(store, filters, question.from, question.to, point), find_act));
      break;
    case report::ChangeBasis::announced: {
      std::size_t undated = 0;
      report::Report announced = report::changes_report(
          question, find_changes_announced(store, filters, question.from, question.to, point, undated), find_act);
      if (undated > 0) {
        announced.notes.push_back(fmt::format("{} change{} with no act, or an act with no announced or published date, "
                                              "{} left out.",
                                              undated, undated == 1 ? "" : "s", undated == 1 ? "is" : "are"));
      }
      context.print(announced);
      break;
    }
    case report::ChangeBasis::recorded: {
      const RecordedChanges recorded = find_changes_recorded(store, filters, question.from, question.to);
      context.print(report::changes_report(question, recorded.learned, find_act, &recorded.retracted));
      break;
    }
    }
  });
}

} // namespace tw::cli
