#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/acts.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tw::cli {

namespace {
struct AddActOptions {
  std::string id;
  std::string imposer;
  std::string title;
  std::optional<std::string> citation;
  std::optional<std::string> document_number;
  std::optional<std::string> url;
  std::optional<std::string> announced;
  std::optional<std::string> published;
  std::vector<std::string> added;
  std::vector<std::string> removed;
};

// One count per country: the store and JSON hold the counts by country.
EntityCounts parse_counts(std::string_view option, const std::vector<std::string>& values) {
  EntityCounts counts;
  for (const auto& value : values) {
    const EntityCount count = parse_option_with(option, value, parse_entity_count);
    if (count.country.is_all() || count.country.code() == "EU") {
      throw Error(ExitCode::usage, fmt::format("{} \"{}\": {} is not a country", option, value, count.country.code()),
                  "count the entities by the ISO code of their country, e.g. CN=37");
    }
    if (std::ranges::find(counts, count.country, &EntityCount::country) != counts.end()) {
      throw Error(ExitCode::usage, fmt::format("{} \"{}\": {} is counted twice", option, value, count.country.code()),
                  fmt::format("give one {} per country, with the count the act gives for it", option));
    }
    counts.push_back(count);
  }
  return counts;
}
} // namespace

void add_add_act_command(CLI::App& add, Context& context) {
  CLI::App* command = add.add_subcommand("act", "record an act: a notice, regulation, order or announcement");
  auto options = std::make_shared<AddActOptions>();
  command->add_option("--id", options->id, "a readable id, e.g. ustr-301-review-2024")->required();
  command->add_option("--imposer", options->imposer, "who issued it (ISO country code, EU)")->required();
  command->add_option("--title", options->title, "its title")->required();
  command->add_option("--citation", options->citation, "e.g. 89 FR 76581");
  command->add_option("--document-number", options->document_number, "e.g. 2024-21217");
  command->add_option("--url", options->url, "where to read it");
  command->add_option("--announced", options->announced, "date announced");
  command->add_option("--published", options->published, "date published");
  command->add_option("--added", options->added,
                      "entities it adds to a list, by country, as it counts them: CN=37 (repeatable)");
  command->add_option("--removed", options->removed, "entities it removes from a list, by country (repeatable)");
  command->callback([&context, options] {
    const Act act{options->id,
                  parse_option<Jurisdiction>("--imposer", options->imposer),
                  options->title,
                  options->citation,
                  options->document_number,
                  options->url,
                  parse_option<Date>("--announced", options->announced),
                  parse_option<Date>("--published", options->published),
                  parse_counts("--added", options->added),
                  parse_counts("--removed", options->removed)};
    auto store = context.open_store(store::Store::Access::read_write);
    store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
    const ChangesetId changeset = store.record_changeset(context.new_changeset());
    store::insert_act(store, act, changeset);
    transaction.commit();
    context.say(fmt::format("recorded act {} (changeset {})", act.id, changeset));
  });
}

} // namespace tw::cli
