#include "cli/options.hpp"

#include <fmt/format.h>

#include <charconv>

namespace tw::cli {

void FilterOptions::add_to(CLI::App& command, bool with_kind, bool with_on) {
  if (with_kind) {
    command.add_option("--kind", kind, "tariff, listing, control or other");
  }
  command.add_option("--imposer", imposer, "who imposes it (ISO country code, EU)");
  command.add_option("--origin", origin,
                     "goods from, trade with, or (listings) entities in this country; * lines included");
  command.add_option("--hs", hs, "product code: lines on it, under it or covering it");
  command.add_option("--authority", authority, "legal layer: MFN, Section 301, EAR 744, …");
  command.add_option("--list", list, "listings on this list: Entity List, SDN, …");
  command.add_option("--country", country, "listings of entities in this country");
  command.add_option("--text", text, "listings whose name or alias, or controls whose text, holds this");
  if (with_on) {
    command.add_option("--on", on, "in force on this date (YYYY-MM-DD)");
  }
  add_as_known_on(command, as_known_on);
}

query::MeasureFilter FilterOptions::measure_filter() const {
  query::MeasureFilter filter;
  if (kind) {
    filter.kind = parse_choice("--kind", *kind, parse_measure_kind, "tariff, listing, control, other");
  }
  filter.imposer = parse_option<Jurisdiction>("--imposer", imposer);
  filter.origin = parse_option<Jurisdiction>("--origin", origin);
  filter.hs = parse_option<ProductCode>("--hs", hs);
  filter.authority = authority;
  filter.list = list;
  filter.country = parse_option<Jurisdiction>("--country", country);
  filter.text = text;
  filter.on = parse_option<Date>("--on", on);
  return filter;
}

bool FilterOptions::wants(MeasureKind wanted) const { return measure_filter().wants(wanted); }

store::LineFilter FilterOptions::line_filter() const { return measure_filter().line_filter(); }

store::ListingFilter FilterOptions::listing_filter() const { return measure_filter().listing_filter(); }

store::ControlFilter FilterOptions::control_filter() const { return measure_filter().control_filter(); }

std::vector<report::Field> FilterOptions::fields() const {
  std::vector<report::Field> result;
  auto add = [&](const char* key, const char* label, const std::optional<std::string>& value) {
    if (value) {
      result.push_back({key, label, report::Cell::of(*value)});
    }
  };
  add("kind", "kind", kind);
  add("imposer", "imposer", imposer);
  add("origin", "origin", origin);
  add("hs", "product", hs);
  add("authority", "authority", authority);
  add("list", "list", list);
  add("country", "country", country);
  add("text", "text", text);
  add("on", "on", on);
  add("as_known_on", "as known on", as_known_on);
  return result;
}

void LineFieldOptions::add_to(CLI::App& command) {
  command.add_option("--act", act, "the act behind the new terms");
  command.add_option("--note", note, "a note on the version");
  command.add_option("--rate", rate, "tariff: the rate (25%, Free, 1.5¢/kg)");
  command.add_option("--heading", heading, "tariff: the tariff heading it is charged under");
  command.add_option("--name", name, "listing: the entity's name");
  command.add_option("--alias", aliases, "listing: an alias (repeatable; replaces the aliases)");
  command.add_option("--type", type, "listing: entity, individual, vessel or aircraft");
  command.add_option("--country", country, "listing: the entity's country");
  command.add_option("--address", addresses, "listing: an address (repeatable; replaces the addresses)");
  command.add_option("--license-requirement", license_requirement, "listing: the licence requirement");
  command.add_option("--license-policy", license_policy, "listing: the licence review policy");
  command.add_option("--source-key", source_key, "listing: the source's own key");
  command.add_option("--direction", direction, "control: export or import");
  command.add_option("--requirement", requirement, "control: licence, ban or quota");
  command.add_option("--quota", quota, "control: the quota, as the act states it");
  command.add_option("--text", text, "control or other: what the measure says");
}

LineUpdate LineFieldOptions::update() const {
  LineUpdate update;
  update.act_id = act;
  update.note = note;
  update.rate = parse_option<Rate>("--rate", rate);
  update.heading = heading;
  update.name = name;
  if (!aliases.empty()) {
    update.aliases = aliases;
  }
  if (type) {
    update.type = parse_choice("--type", *type, parse_entity_type, "entity, individual, vessel, aircraft");
  }
  update.country = parse_country("--country", country);
  if (!addresses.empty()) {
    update.addresses = addresses;
  }
  update.license_requirement = license_requirement;
  update.license_policy = license_policy;
  update.source_key = source_key;
  if (direction) {
    update.direction = parse_choice("--direction", *direction, parse_direction, "export, import");
  }
  if (requirement) {
    update.requirement = parse_choice("--requirement", *requirement, parse_requirement, "licence, ban, quota");
  }
  update.quota = quota;
  update.description = text;
  return update;
}

Jurisdiction parse_country(std::string_view option, const std::string& value) {
  const auto country = parse_option<Jurisdiction>(option, value);
  if (country.is_all() || country.code() == "EU") {
    throw Error(ExitCode::usage, fmt::format("{} \"{}\": not a country", option, value),
                "an entity is in one country: give its ISO code, e.g. CN");
  }
  return country;
}

std::optional<Jurisdiction> parse_country(std::string_view option, const std::optional<std::string>& value) {
  return value ? std::optional(parse_country(option, *value)) : std::nullopt;
}

std::int64_t parse_positive(std::string_view option, const std::string& value, std::string_view hint) {
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || number < 1) {
    throw Error(ExitCode::usage, fmt::format("{} \"{}\": not a whole number of 1 or more", option, value),
                std::string(hint));
  }
  return number;
}

Validity parse_validity(const std::string& from, const std::optional<std::string>& to) {
  const Validity valid{parse_option<Date>("--from", from), parse_option<Date>("--to", to)};
  if (valid.to && *valid.to <= valid.from) {
    throw Error(ExitCode::usage, fmt::format("--to {} is not after --from {}", *to, from),
                "validity is [from, to): the measure stops applying on the --to date");
  }
  return valid;
}

void add_as_known_on(CLI::App& command, std::optional<std::string>& as_known_on) {
  command.add_option("--as-known-on", as_known_on,
                     "what the store said at that time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC)");
}

store::RecordPoint record_point(const store::Store& store, const std::optional<std::string>& as_known_on) {
  if (!as_known_on) {
    return {};
  }
  const std::string& text = *as_known_on;
  const bool is_date = text.size() == 10 && Date::parse(text).has_value();
  const bool is_time = text.size() == 20 && Date::parse(text.substr(0, 10)).has_value() && text[10] == 'T' &&
                       text[19] == 'Z' && text[13] == ':' && text[16] == ':';
  if (!is_date && !is_time) {
    throw Error(ExitCode::usage, fmt::format("--as-known-on \"{}\": not a date or UTC time", text),
                "write 2024-10-01 (the end of that day) or 2024-10-01T12:00:00Z");
  }
  return store.record_point_at(text);
}

} // namespace tw::cli
