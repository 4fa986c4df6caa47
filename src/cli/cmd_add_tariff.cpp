#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/acts.hpp"
#include "store/measures.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace tw::cli {

namespace {
struct AddTariffOptions {
  std::optional<std::string> id;
  std::string imposer;
  std::vector<std::string> origins;
  std::vector<std::string> codes;
  std::string authority;
  std::string rate;
  std::string from;
  std::optional<std::string> to;
  std::optional<std::string> act;
  std::optional<std::string> title;
  std::optional<std::string> announced;
  std::optional<std::string> company;
  std::optional<std::string> heading;
  std::optional<std::string> note;
  std::vector<std::string> exclusive_groups;
};
} // namespace

void add_add_tariff_command(CLI::App& add, Context& context) {
  CLI::App* command = add.add_subcommand("tariff", "record a tariff measure: a rate on product codes and origins");
  auto options = std::make_shared<AddTariffOptions>();
  command->add_option("--id", options->id, "a readable id (default: generated and printed)");
  command->add_option("--imposer", options->imposer, "who charges it (ISO country code, EU)")->required();
  command->add_option("--origin", options->origins, "origin of the goods, or * (repeatable)")->required();
  command->add_option("--hs", options->codes, "product code, e.g. 8703.80, or * for all products (repeatable)")
      ->required();
  command->add_option("--authority", options->authority, "legal layer: MFN, Section 301, Section 232, IEEPA, …")
      ->required();
  command->add_option("--rate", options->rate, "25%, Free, 1.5¢/kg, 4.4¢/kg + 6%")->required();
  command->add_option("--from", options->from, "in force from this date")->required();
  command->add_option("--to", options->to, "no longer in force from this date");
  command->add_option("--act", options->act, "the act that imposed it (an id from 'add act')");
  command->add_option("--title", options->title, "a title for the measure");
  command->add_option("--announced", options->announced, "date announced");
  command->add_option("--company", options->company, "the exporter a company-specific rate is for");
  command->add_option("--heading", options->heading, "the tariff heading it is charged under, e.g. 9903.88.01");
  command->add_option("--note", options->note, "a note");
  command->add_option("--exclusive", options->exclusive_groups,
                      "GROUP:PRIORITY: of the measures of a group that apply, only the highest priority is "
                      "charged (repeatable)");
  command->callback([&context, options] {
    Measure measure{options->id.value_or(""),
                    MeasureKind::tariff,
                    parse_option<Jurisdiction>("--imposer", options->imposer),
                    options->authority,
                    options->act,
                    options->title,
                    parse_option<Date>("--announced", options->announced),
                    std::nullopt,
                    {}};
    for (const auto& value : options->exclusive_groups) {
      ExclusiveGroup group = parse_option_with("--exclusive", value, parse_exclusive_group);
      if (std::ranges::find(measure.exclusive_groups, group.name, &ExclusiveGroup::name) !=
          measure.exclusive_groups.end()) {
        throw Error(ExitCode::usage,
                    fmt::format("--exclusive \"{}\": the measure is in group {} twice", value, group.name),
                    "a measure has one priority in each group");
      }
      measure.exclusive_groups.push_back(std::move(group));
    }
    std::set<Jurisdiction> origins;
    for (const auto& origin : options->origins) {
      origins.insert(parse_option<Jurisdiction>("--origin", origin));
    }
    std::set<ProductCode> codes;
    for (const auto& code : options->codes) {
      codes.insert(parse_option<ProductCode>("--hs", code));
    }
    const Rate rate = parse_option<Rate>("--rate", options->rate);
    const Validity valid = parse_validity(options->from, options->to);

    auto store = context.open_store(store::Store::Access::read_write);
    store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
    if (options->act) {
      store::require_act(store, *options->act, "--act");
    }
    const ChangesetId changeset = store.record_changeset(context.new_changeset());
    if (measure.id.empty()) {
      measure.id = store::next_measure_id(store, measure);
    }
    store::insert_measure(store, measure, changeset);
    for (const auto& origin : origins) {
      for (const auto& code : codes) {
        TariffLine line;
        line.measure_id = measure.id;
        line.key = LineKey{origin, code, options->company.value_or("")};
        line.rate = rate;
        line.heading = options->heading;
        line.act_id = options->act;
        line.note = options->note;
        line.valid = valid;
        store::insert_line(store, line, changeset);
      }
    }
    transaction.commit();
    context.say(fmt::format("recorded measure {}: {} line{} (changeset {})", measure.id, origins.size() * codes.size(),
                            origins.size() * codes.size() == 1 ? "" : "s", changeset));
  });
}

} // namespace tw::cli
