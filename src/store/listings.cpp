#include "store/listings.hpp"

#include "store/tariff_lines.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tw::store {

namespace {

std::string to_json(const std::vector<std::string>& values) { return nlohmann::json(values).dump(); }

std::vector<std::string> from_json(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

} // namespace

const char* const k_listing_columns =
    "l.row_id, l.measure_id, l.list_name, l.name, l.aliases, l.entity_type, l.country, l.addresses, "
    "l.license_requirement, l.license_policy, l.source_key, l.act_id, l.end_act_id, l.note, l.valid_from, "
    "l.valid_to, l.recorded_in, l.superseded_in";

Listing read_listing(const Statement& row) {
  Listing listing;
  listing.row_id = row.integer(0);
  listing.measure_id = row.text(1);
  listing.list = row.text(2);
  listing.name = row.text(3);
  listing.aliases = from_json(row.text(4));
  listing.type = parse_entity_type(row.text(5)).value();
  if (auto country = row.optional_text(6)) {
    listing.country = Jurisdiction::parse(*country).value();
  }
  listing.addresses = from_json(row.text(7));
  listing.license_requirement = row.optional_text(8);
  listing.license_policy = row.optional_text(9);
  listing.source_key = row.optional_text(10);
  read_version_columns(listing, row, 11);
  return listing;
}

void insert_listing(Store& store, const Listing& listing, ChangesetId changeset) {
  Statement insert(store.db(), R"(
    INSERT INTO listings (measure_id, list_name, name, aliases, entity_type, country, addresses, license_requirement,
                          license_policy, source_key, act_id, end_act_id, note, valid_from, valid_to, recorded_in)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16))");
  insert.bind(1, listing.measure_id)
      .bind(2, listing.list)
      .bind(3, listing.name)
      .bind(4, to_json(listing.aliases))
      .bind(5, to_string(listing.type))
      .bind(6, listing.country ? std::optional(std::string(listing.country->code())) : std::nullopt)
      .bind(7, to_json(listing.addresses))
      .bind(8, listing.license_requirement)
      .bind(9, listing.license_policy)
      .bind(10, listing.source_key)
      .bind(11, listing.act_id)
      .bind(12, listing.end_act_id)
      .bind(13, listing.note)
      .bind(14, listing.valid.from.to_string())
      .bind(15, date_text(listing.valid.to))
      .bind(16, changeset);
  insert.run();
}

void apply_plan(Store& store, const VersionPlan<Listing>& plan, ChangesetId changeset) {
  supersede_rows(store, "listings", plan.superseded, changeset);
  for (const auto& listing : plan.inserted) {
    insert_listing(store, listing, changeset);
  }
}

std::vector<Listing> listing_versions(const Store& store, const std::string& measure_id, RecordPoint point) {
  Statement select(store.db(), fmt::format("SELECT {} FROM listings l WHERE {} AND l.measure_id = ?2 "
                                           "ORDER BY l.valid_from, l.recorded_in",
                                           k_listing_columns, visible("l", point)));
  select.bind(1, point.at).bind(2, measure_id);
  std::vector<Listing> versions;
  while (select.step()) {
    versions.push_back(read_listing(select));
  }
  return versions;
}

Conditions listing_conditions(const ListingFilter& filter) {
  Conditions where;
  if (filter.imposer) {
    where.add("mv.imposer = {0}", filter.imposer->code());
  }
  if (filter.list) {
    where.add("l.list_name = {0} COLLATE NOCASE", *filter.list);
  }
  if (filter.country) {
    where.add("l.country = {0}", filter.country->code());
  }
  if (filter.text) {
    // instr, not LIKE: % and _ in the text are themselves.
    where.add("(instr(tw_fold(l.name), tw_fold({0})) > 0 OR EXISTS (SELECT 1 FROM json_each(l.aliases) "
              "WHERE instr(tw_fold(json_each.value), tw_fold({0})) > 0))",
              *filter.text);
  }
  if (filter.name) {
    where.add("(tw_fold(l.name) = tw_fold({0}) OR EXISTS (SELECT 1 FROM json_each(l.aliases) "
              "WHERE tw_fold(json_each.value) = tw_fold({0})))",
              *filter.name);
  }
  if (filter.authority) {
    where.add("mv.authority = {0} COLLATE NOCASE", *filter.authority);
  }
  if (filter.act_id) {
    where.add("(l.act_id = {0} OR l.end_act_id = {0})", *filter.act_id);
  }
  if (filter.source_key) {
    where.add("l.source_key = {0}", *filter.source_key);
  }
  add_validity_conditions(where, "l", filter.on, filter.changing_between);
  return where;
}

std::vector<MeasureListing> find_listings(const Store& store, const ListingFilter& filter, RecordPoint point) {
  const Conditions where = listing_conditions(filter);
  const RecordPoint measure_point = point.every_version ? RecordPoint{} : point;
  Statement select(
      store.db(), fmt::format("SELECT {} FROM listings l JOIN measure_versions mv ON mv.measure_id = l.measure_id "
                              "AND mv.recorded_in <= {} AND (mv.superseded_in IS NULL OR mv.superseded_in > {}) "
                              "WHERE {}{} ORDER BY mv.imposer, l.list_name, l.country, l.name, l.measure_id, "
                              "l.valid_from, l.recorded_in",
                              k_listing_columns, measure_point.at, measure_point.at, visible("l", point), where.sql()));
  where.bind(select, point);
  return read_with_measures<Listing>(store, select, point, read_listing);
}

std::size_t count_listings_in_force(const Store& store, std::string_view key_prefix, Date on) {
  // The keys with the prefix sort between it and the prefix with its last character raised
  // ("EL:" ≤ key < "EL;"), which the index on source_key finds.
  std::string past_prefix(key_prefix);
  ++past_prefix.back();
  Statement count(store.db(), R"(
    SELECT count(DISTINCT measure_id) FROM listings
    WHERE source_key >= ?1 AND source_key < ?2 AND superseded_in IS NULL AND (valid_to IS NULL OR valid_to > ?3))");
  count.bind(1, key_prefix).bind(2, past_prefix).bind(3, on.to_string());
  count.step();
  return static_cast<std::size_t>(count.integer(0));
}

} // namespace tw::store
