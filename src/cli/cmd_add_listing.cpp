#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/acts.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct AddListingOptions {
  std::optional<std::string> id;
  std::string imposer;
  std::string list;
  std::string name;
  std::vector<std::string> aliases;
  std::string type = "entity";
  std::optional<std::string> country;
  std::vector<std::string> addresses;
  std::string from;
  std::optional<std::string> to;
  std::optional<std::string> license_requirement;
  std::optional<std::string> license_policy;
  std::optional<std::string> act;
  std::optional<std::string> authority;
  std::optional<std::string> source_key;
  std::optional<std::string> title;
  std::optional<std::string> announced;
  std::optional<std::string> note;
};
} // namespace

void add_add_listing_command(CLI::App& add, Context& context) {
  CLI::App* command =
      add.add_subcommand("listing", "record a restricted-party listing: an entry on an entity or sanctions list");
  auto options = std::make_shared<AddListingOptions>();
  command->add_option("--id", options->id, "a readable id (default: generated and printed)");
  command->add_option("--imposer", options->imposer, "who keeps the list (ISO country code, EU)")->required();
  command->add_option("--list", options->list, "the list: Entity List, SDN, …")->required();
  command->add_option("--name", options->name, "the listed entity's name")->required();
  command->add_option("--alias", options->aliases, "another name it goes by (repeatable)");
  command->add_option("--type", options->type, "entity (default), individual, vessel or aircraft");
  command->add_option("--country", options->country, "its country (ISO code)");
  command->add_option("--address", options->addresses, "an address (repeatable)");
  command->add_option("--from", options->from, "listed from this date")->required();
  command->add_option("--to", options->to, "delisted from this date");
  command->add_option("--license-requirement", options->license_requirement,
                      "what needs a licence, e.g. \"all items subject to the EAR\"");
  command->add_option("--license-policy", options->license_policy,
                      "how licence applications are reviewed, e.g. \"presumption of denial\"");
  command->add_option("--act", options->act, "the act that listed it (an id from 'add act')");
  command->add_option("--authority", options->authority, "legal basis, e.g. EAR 744 (default: the list name)");
  command->add_option("--source-key", options->source_key, "the source's own key for the entry");
  command->add_option("--title", options->title, "a title for the measure");
  command->add_option("--announced", options->announced, "date announced");
  command->add_option("--note", options->note, "a note");
  command->callback([&context, options] {
    Measure measure{options->id.value_or(""),
                    MeasureKind::listing,
                    parse_option<Jurisdiction>("--imposer", options->imposer),
                    options->authority.value_or(options->list),
                    options->act,
                    options->title,
                    parse_option<Date>("--announced", options->announced),
                    std::nullopt,
                    {}};
    Listing listing;
    listing.list = options->list;
    listing.name = options->name;
    listing.aliases = options->aliases;
    listing.type = parse_choice("--type", options->type, parse_entity_type, "entity, individual, vessel, aircraft");
    listing.country = parse_country("--country", options->country);
    listing.addresses = options->addresses;
    listing.license_requirement = options->license_requirement;
    listing.license_policy = options->license_policy;
    listing.source_key = options->source_key;
    listing.act_id = options->act;
    listing.note = options->note;
    listing.valid = parse_validity(options->from, options->to);

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
    listing.measure_id = measure.id;
    store::insert_listing(store, listing, changeset);
    transaction.commit();
    context.say(fmt::format("recorded listing {}: {} on the {} (changeset {})", measure.id, listing.name, listing.list,
                            changeset));
  });
}

} // namespace tw::cli
