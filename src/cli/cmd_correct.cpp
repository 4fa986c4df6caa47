#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/version_change.hpp"
#include "store/acts.hpp"
#include "store/measures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace tw::cli {

namespace {
struct CorrectOptions {
  std::string id;
  // Acts and measures.
  std::optional<std::string> title;
  std::optional<std::string> announced;
  // Acts.
  std::optional<std::string> imposer;
  std::optional<std::string> citation;
  std::optional<std::string> document_number;
  std::optional<std::string> url;
  std::optional<std::string> published;
  std::vector<std::string> added;
  std::vector<std::string> removed;
  // Measures.
  std::optional<std::string> authority;
  std::optional<std::string> measure_act;
  std::vector<std::string> exclusive_groups;
  bool no_exclusive = false;
  // Their lines.
  LineFieldOptions fields;
  std::optional<std::string> valid_from;
  std::optional<std::string> valid_to;
  std::optional<std::string> on;
  std::vector<std::string> codes;
};

constexpr std::array k_act_and_measure_options{"--title", "--announced"};
constexpr std::array k_act_only_options{"--imposer",   "--citation", "--document-number", "--url",
                                        "--published", "--added",    "--removed"};
constexpr std::array k_tariff_only_options{"--exclusive", "--no-exclusive"};

// The options given on the command line, by name.
std::vector<std::string> given_options(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    if (option->nonpositional() && option->count() > 0) {
      names.push_back(option->get_name());
    }
  }
  return names;
}

// Fails (exit 64) naming the options of `given` that `allowed` refuses, which do not apply to `what`.
template <typename Allowed>
void check_options_apply(const std::vector<std::string>& given, Allowed allowed, std::string_view what) {
  std::vector<std::string> refused;
  std::ranges::copy_if(given, std::back_inserter(refused), [&](const std::string& name) { return !allowed(name); });
  if (refused.empty()) {
    return;
  }
  std::string names;
  for (const auto& name : refused) {
    names += fmt::format("{}{}", names.empty() ? "" : ", ", name);
  }
  throw Error(ExitCode::usage, fmt::format("{} {} not apply to {}", names, refused.size() == 1 ? "does" : "do", what),
              "'tradewatch correct --help' says which options apply to which kind");
}

template <std::size_t N> bool among(const std::array<const char*, N>& names, const std::string& name) {
  return std::ranges::find(names, name) != names.end();
}

EntityCounts parse_counts(std::string_view option, const std::vector<std::string>& values) {
  EntityCounts counts;
  for (const auto& value : values) {
    counts.push_back(parse_option_with(option, value, parse_entity_count));
  }
  std::ranges::sort(counts);
  return counts;
}

[[noreturn]] void changes_nothing(const std::string& id, std::string_view what) {
  throw Error(ExitCode::data_error,
              fmt::format("correct {}: the correction changes nothing: the {} already says this", id, what));
}

std::string correct_act(store::Store& store, Act act, const CorrectOptions& options,
                        const std::vector<std::string>& given, const Context& context) {
  check_options_apply(
      given,
      [](const std::string& name) { return among(k_act_and_measure_options, name) || among(k_act_only_options, name); },
      "an act");
  const Act recorded = act;
  act.title = options.title.value_or(act.title);
  if (options.imposer) {
    act.imposer = parse_option<Jurisdiction>("--imposer", *options.imposer);
  }
  act.citation = options.citation ? options.citation : act.citation;
  act.document_number = options.document_number ? options.document_number : act.document_number;
  act.url = options.url ? options.url : act.url;
  if (options.announced) {
    act.announced = parse_option<Date>("--announced", *options.announced);
  }
  if (options.published) {
    act.published = parse_option<Date>("--published", *options.published);
  }
  if (!options.added.empty()) {
    act.added = parse_counts("--added", options.added);
  }
  if (!options.removed.empty()) {
    act.removed = parse_counts("--removed", options.removed);
  }
  if (act == recorded) {
    changes_nothing(act.id, "act");
  }
  const ChangesetId changeset = store.record_changeset(context.new_changeset());
  store::replace_act(store, act, changeset);
  return fmt::format("corrected act {} (changeset {})", act.id, changeset);
}

// The measure with the measure-level corrections applied.
Measure corrected_measure(const store::Store& store, Measure measure, const CorrectOptions& options) {
  measure.title = options.title ? options.title : measure.title;
  measure.authority = options.authority.value_or(measure.authority);
  if (options.announced) {
    measure.announced = parse_option<Date>("--announced", *options.announced);
  }
  if (options.measure_act) {
    store::require_act(store, *options.measure_act, "--measure-act");
    measure.act_id = options.measure_act;
  }
  if (options.no_exclusive) {
    measure.exclusive_groups.clear();
  } else if (!options.exclusive_groups.empty()) {
    measure.exclusive_groups.clear();
    for (const auto& group : options.exclusive_groups) {
      measure.exclusive_groups.push_back(parse_option_with("--exclusive", group, parse_exclusive_group));
    }
    std::ranges::sort(measure.exclusive_groups);
  }
  return measure;
}

// What --valid-to says: a date, or open (until further notice).
std::optional<Date> parse_valid_to(const std::string& value) {
  if (value == "open") {
    return std::nullopt;
  }
  return parse_option_with("--valid-to", value, [](std::string_view text) {
    auto date = Date::parse(text);
    if (!date) {
      date.error().hint += "; or open: until further notice";
    }
    return date;
  });
}

// The correction of line versions the options ask for; fails (exit 64) unless --valid-to is
// after --valid-from.
Correction line_correction(const CorrectOptions& options) {
  Correction correction{options.fields.update(), parse_option<Date>("--valid-from", options.valid_from), {}};
  if (options.valid_to) {
    correction.valid_to = parse_valid_to(*options.valid_to);
  }
  if (correction.valid_from && correction.valid_to && *correction.valid_to &&
      **correction.valid_to <= *correction.valid_from) {
    throw Error(ExitCode::usage,
                fmt::format("--valid-to {} is not after --valid-from {}", *options.valid_to, *options.valid_from),
                "validity is [from, to): the version stops applying on the --valid-to date");
  }
  return correction;
}

std::string correct_measure(store::Store& store, const Measure& measure, const CorrectOptions& options,
                            const std::vector<std::string>& given, const Context& context) {
  check_options_apply(
      given, [](const std::string& name) { return !among(k_act_only_options, name); }, "a measure");
  if (measure.kind != MeasureKind::tariff) {
    check_options_apply(
        given, [](const std::string& name) { return !among(k_tariff_only_options, name); },
        fmt::format("a {} measure", to_string(measure.kind)));
  }
  if (options.no_exclusive && !options.exclusive_groups.empty()) {
    throw Error(ExitCode::usage, "--exclusive and --no-exclusive contradict each other",
                "give the groups the measure belongs to with --exclusive, or --no-exclusive for none");
  }
  const Correction correction = line_correction(options);
  const std::vector<ProductCode> codes = parse_codes(options.codes);
  const bool lines_change = !correction.update.empty() || correction.valid_from || correction.valid_to;
  if (!lines_change && (options.on || !codes.empty())) {
    throw Error(ExitCode::usage, "--on and --hs choose the lines to correct, but no line terms or dates are given",
                "give what is wrong in them: --rate, --name, --text, …, --valid-from, --valid-to");
  }
  const std::optional<Date> on = parse_option<Date>("--on", options.on);
  check_fields_apply(correction.update, measure.kind, "correct");
  if (correction.update.act_id) {
    store::require_act(store, *correction.update.act_id, "--act");
  }
  const Measure corrected = corrected_measure(store, measure, options);
  const bool measure_changes = corrected != measure;
  if (!measure_changes && !lines_change) {
    changes_nothing(measure.id, "measure");
  }

  const ChangesetId changeset = store.record_changeset(context.new_changeset());
  std::vector<std::string> changed;
  if (measure_changes) {
    store::replace_measure(store, corrected, changeset);
    changed.emplace_back("the measure");
  }
  if (lines_change) {
    const LineChange change = change_lines(
        store, measure, codes, "correct", [&](auto lines) { return plan_correct(lines, on, correction); }, changeset);
    changed.push_back(fmt::format("{} line version{}", change.inserted, change.inserted == 1 ? "" : "s"));
  }
  return fmt::format("corrected {}: {} (changeset {})", measure.id, fmt::join(changed, " and "), changeset);
}

} // namespace

void add_correct_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "correct", "fix a recording error in an act, a measure or its lines; the old version stays in record time");
  command->footer("An act takes --title --imposer --citation --document-number --url --announced --published\n"
                  "--added --removed. A measure takes --title --authority --announced --measure-act, and a tariff\n"
                  "measure --exclusive --no-exclusive; its lines take the line options and --valid-from --valid-to,\n"
                  "in the versions that --on and --hs choose.\n"
                  "Exit 64: nothing to correct, an option that does not apply, a bad value. Exit 65: no such\n"
                  "measure or act, or the correction changes nothing or would overlap another version.\n");
  auto options = std::make_shared<CorrectOptions>();
  command->add_option("id", options->id, "the measure or act to correct (the measure when both have this id)")
      ->required();
  command->add_option("--title", options->title, "act or measure: its title");
  command->add_option("--announced", options->announced, "act or measure: the date announced");
  command->add_option("--imposer", options->imposer, "act: who issued it");
  command->add_option("--citation", options->citation, "act: its citation, e.g. 89 FR 76581");
  command->add_option("--document-number", options->document_number, "act: its document number");
  command->add_option("--url", options->url, "act: where to read it");
  command->add_option("--published", options->published, "act: the date published");
  command->add_option("--added", options->added, "act: entities it adds to a list, CC=N (repeatable; replaces them)");
  command->add_option("--removed", options->removed,
                      "act: entities it removes from a list, CC=N (repeatable; replaces them)");
  command->add_option("--authority", options->authority, "measure: its legal layer");
  command->add_option("--measure-act", options->measure_act, "measure: the act that imposed it");
  command->add_option("--exclusive", options->exclusive_groups,
                      "tariff measure: GROUP:PRIORITY (repeatable; replaces its groups)");
  command->add_flag("--no-exclusive", options->no_exclusive, "tariff measure: it belongs to no exclusive group");
  options->fields.add_to(*command);
  command->add_option("--valid-from", options->valid_from, "line: the date the version really started");
  command->add_option("--valid-to", options->valid_to, "line: the date it really stopped applying, or open");
  command->add_option("--on", options->on, "correct the line versions in force on this date (default: every one)");
  command->add_option("--hs", options->codes, "correct only the lines on these product codes (repeatable)");
  command->callback([&context, options, command] {
    const std::vector<std::string> given = given_options(*command);
    if (given.empty()) {
      throw Error(ExitCode::usage, "correct needs something to change",
                  "give what is wrong: --citation, --title, … for an act; --authority, --rate, --name, "
                  "--valid-from, … for a measure and its lines");
    }
    auto store = context.open_store(store::Store::Access::read_write);
    store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
    std::string done;
    if (const auto measure = store::find_measure(store, options->id)) {
      done = correct_measure(store, *measure, *options, given, context);
    } else if (auto act = store::find_act(store, options->id)) {
      done = correct_act(store, std::move(*act), *options, given, context);
    } else {
      throw Error(ExitCode::data_error, fmt::format("no measure or act {}", options->id),
                  "'tradewatch list' shows the measures and their ids");
    }
    transaction.commit();
    context.say(done);
  });
}

} // namespace tw::cli
