// `add control` and `add other`: measures whose lines are on partners and product codes
// without a rate. One file, as they differ only in what a line says.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/acts.hpp"
#include "store/control_lines.hpp"
#include "store/measures.hpp"

#include <fmt/format.h>

#include <set>

namespace tw::cli {

namespace {

struct AddControlOptions {
  std::optional<std::string> id;
  std::string imposer;
  std::vector<std::string> partners;
  std::vector<std::string> codes;
  std::string authority;
  std::optional<std::string> direction;
  std::optional<std::string> requirement;
  std::optional<std::string> quota;
  std::optional<std::string> text;
  std::string from;
  std::optional<std::string> to;
  std::optional<std::string> act;
  std::optional<std::string> title;
  std::optional<std::string> announced;
  std::optional<std::string> note;
};

void add_common_options(CLI::App& command, AddControlOptions& options) {
  command.add_option("--id", options.id, "a readable id (default: generated and printed)");
  command.add_option("--imposer", options.imposer, "who imposes it (ISO country code, EU)")->required();
  command.add_option("--authority", options.authority, "legal basis, e.g. EAR 744")->required();
  command.add_option("--from", options.from, "in force from this date")->required();
  command.add_option("--to", options.to, "no longer in force from this date");
  command.add_option("--act", options.act, "the act that imposed it (an id from 'add act')");
  command.add_option("--title", options.title, "a title for the measure");
  command.add_option("--announced", options.announced, "date announced");
  command.add_option("--note", options.note, "a note");
}

// Records the measure with one line per partner and code, each a copy of `terms`.
void record(Context& context, MeasureKind kind, const AddControlOptions& options, ControlLine terms) {
  Measure measure{options.id.value_or(""),
                  kind,
                  parse_option<Jurisdiction>("--imposer", options.imposer),
                  options.authority,
                  options.act,
                  options.title,
                  parse_option<Date>("--announced", options.announced),
                  std::nullopt,
                  {}};
  std::set<Jurisdiction> partners;
  for (const auto& partner : options.partners) {
    partners.insert(parse_option<Jurisdiction>("--partner", partner));
  }
  if (partners.empty()) {
    partners.insert(Jurisdiction::all());
  }
  std::set<ProductCode> codes;
  for (const auto& code : options.codes) {
    codes.insert(parse_option<ProductCode>("--hs", code));
  }
  if (codes.empty()) {
    codes.insert(ProductCode::all());
  }
  terms.act_id = options.act;
  terms.note = options.note;
  terms.valid = parse_validity(options.from, options.to);

  auto store = context.open_store(store::Store::Access::read_write);
  store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
  if (options.act) {
    store::require_act(store, *options.act, "--act");
  }
  const ChangesetId changeset = store.record_changeset(context.new_changeset());
  if (measure.id.empty()) {
    measure.id = store::next_measure_id(store, measure);
  }
  store::insert_measure(store, measure, changeset);
  for (const auto& partner : partners) {
    for (const auto& code : codes) {
      ControlLine line = terms;
      line.measure_id = measure.id;
      line.key = ControlKey{partner, code};
      store::insert_control_line(store, line, changeset);
    }
  }
  transaction.commit();
  const std::size_t count = partners.size() * codes.size();
  context.say(fmt::format("recorded {} measure {}: {} line{} (changeset {})", to_string(kind), measure.id, count,
                          count == 1 ? "" : "s", changeset));
}

} // namespace

void add_add_control_command(CLI::App& add, Context& context) {
  CLI::App* command =
      add.add_subcommand("control", "record a control: a licence requirement, ban or quota on trade in products");
  auto options = std::make_shared<AddControlOptions>();
  add_common_options(*command, *options);
  command->add_option("--partner", options->partners, "the trading partner, or * (repeatable; default *)");
  command->add_option("--hs", options->codes, "product code, or * for all products (repeatable)")->required();
  command->add_option("--requirement", options->requirement, "licence, ban or quota")->required();
  command->add_option("--direction", options->direction, "export or import")->required();
  command->add_option("--quota", options->quota, "the quota, as the act states it");
  command->add_option("--text", options->text, "what the control says, in a few words");
  command->callback([&context, options] {
    ControlLine terms;
    terms.requirement = parse_choice("--requirement", *options->requirement, parse_requirement, "licence, ban, quota");
    terms.direction = parse_choice("--direction", *options->direction, parse_direction, "export, import");
    terms.quota = options->quota;
    terms.description = options->text;
    if (terms.quota && terms.requirement != Requirement::quota) {
      throw Error(ExitCode::usage, "--quota needs --requirement quota", "leave --quota out, or make it a quota");
    }
    record(context, MeasureKind::control, *options, terms);
  });
}

void add_add_other_command(CLI::App& add, Context& context) {
  CLI::App* command = add.add_subcommand(
      "other", "record another measure (a suspension, a subsidy, a procedure) as free text with its validity");
  auto options = std::make_shared<AddControlOptions>();
  add_common_options(*command, *options);
  command->add_option("--partner", options->partners, "the trading partner it concerns, or * (repeatable; default *)");
  command->add_option("--hs", options->codes, "product code it concerns (repeatable; default all products)");
  command->add_option("--direction", options->direction, "export or import");
  command->add_option("--text", options->text, "what the measure says")->required();
  command->callback([&context, options] {
    ControlLine terms;
    if (options->direction) {
      terms.direction = parse_choice("--direction", *options->direction, parse_direction, "export, import");
    }
    terms.description = options->text;
    record(context, MeasureKind::other, *options, terms);
  });
}

} // namespace tw::cli
