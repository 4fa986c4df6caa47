// The store's listings and control lines, lines on all products, exclusive groups on
// measures, declared entity counts on acts, and corrected measures and acts.

#include "core/versioning.hpp"
#include "store/acts.hpp"
#include "store/control_lines.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"
#include "store/summary.hpp"
#include "store/tariff_lines.hpp"
#include "store_fixture.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using tw::ControlLine;
using tw::Listing;
using tw::MeasureKind;
using tw::store::ControlFilter;
using tw::store::LineFilter;
using tw::store::ListingFilter;
using tw::store::RecordPoint;
using tw::store::Statement;
using tw::store::Store;

using tw::test::code;
using tw::test::count_rows;
using tw::test::day;
using tw::test::jurisdiction;
using tw::test::rate;
using tw::test::TempDir;
using tw::test::write;

namespace {

tw::Measure measure(const std::string& id, MeasureKind kind, const std::string& imposer, const std::string& authority) {
  tw::Measure result;
  result.id = id;
  result.kind = kind;
  result.imposer = jurisdiction(imposer);
  result.authority = authority;
  return result;
}

tw::Act act(const std::string& id, const std::string& citation) {
  tw::Act result;
  result.id = id;
  result.imposer = jurisdiction("US");
  result.title = "Entity List additions";
  result.citation = citation;
  return result;
}

Listing listing(const std::string& measure_id, const std::string& list, const std::string& name,
                const std::optional<std::string>& country, const std::string& from) {
  Listing result;
  result.measure_id = measure_id;
  result.list = list;
  result.name = name;
  if (country) {
    result.country = jurisdiction(*country);
  }
  result.valid.from = day(from);
  return result;
}

ControlLine control_line(const std::string& measure_id, const std::string& partner, const std::string& hs,
                         const std::string& from) {
  ControlLine result;
  result.measure_id = measure_id;
  result.key.partner = jurisdiction(partner);
  result.key.hs = code(hs);
  result.valid.from = day(from);
  return result;
}

std::string text_of(const Store& store, const std::string& sql) {
  Statement statement(store.db(), sql);
  REQUIRE(statement.step());
  return statement.is_null(0) ? "NULL" : statement.text(0);
}

// "measure name from to", one per listing version.
std::vector<std::string> describe(const std::vector<tw::store::MeasureListing>& found) {
  std::vector<std::string> result;
  for (const auto& [line, owner] : found) {
    CHECK(line.measure_id == owner.id);
    result.push_back(owner.id + " " + line.name + " " + line.valid.from.to_string() + " " +
                     (line.valid.to ? line.valid.to->to_string() : "-"));
  }
  return result;
}

// "measure partner hs from", one per control line version.
std::vector<std::string> describe(const std::vector<tw::store::MeasureControl>& found) {
  std::vector<std::string> result;
  for (const auto& [line, owner] : found) {
    CHECK(line.measure_id == owner.id);
    result.push_back(owner.id + " " + std::string(line.key.partner.code()) + " " + line.key.hs.key() + " " +
                     line.valid.from.to_string());
  }
  return result;
}

// "measure origin hs rate", one per tariff line version.
std::vector<std::string> describe(const std::vector<tw::store::MeasureLine>& found) {
  std::vector<std::string> result;
  for (const auto& [line, owner] : found) {
    result.push_back(owner.id + " " + std::string(line.key.origin.code()) + " " + line.key.hs.key() + " " +
                     line.rate.to_string());
  }
  return result;
}

} // namespace

TEST_CASE("A listing is recorded and read back with every field", "[store][listings]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  Listing recorded = listing("el-origin", "Entity List", "本源量子计算科技(合肥)股份有限公司", "CN", "2024-05-09");
  recorded.aliases = {"Origin Quantum", "本源量子", "Hefei \"Origin\" Quantum Computing", "back\\slash",
                      "O'Brien & Co"};
  recorded.type = tw::EntityType::individual;
  recorded.addresses = {"No. 77 Wangjiang West Road, Hefei, Anhui 230088", "Room 2, \"Tower\" B"};
  recorded.license_requirement = "For all items subject to the EAR. (See §744.11 of the EAR)";
  recorded.license_policy = "Presumption of denial";
  recorded.source_key = "Entity List (EL) - 7b2c";
  recorded.act_id = "el-2024";
  recorded.end_act_id = "el-2025";
  recorded.note = "quantum computing";
  recorded.valid.to = day("2025-03-25");
  const auto changeset = write(store, "2024-05-09T12:00:00Z", [&](auto id) {
    tw::store::insert_act(store, act("el-2024", "89 FR 41886"), id);
    tw::store::insert_act(store, act("el-2025", "90 FR 13688"), id);
    tw::store::insert_measure(store, measure("el-origin", MeasureKind::listing, "US", "EAR 744"), id);
    tw::store::insert_listing(store, recorded, id);
  });

  const auto versions = tw::store::listing_versions(store, "el-origin");
  REQUIRE(versions.size() == 1);
  Listing expected = recorded;
  expected.row_id = 1;
  expected.recorded_in = changeset;
  CHECK(versions[0] == expected);

  // Aliases and addresses are JSON arrays of UTF-8 text in the table.
  CHECK(text_of(store, "SELECT aliases FROM listings") ==
        R"(["Origin Quantum","本源量子","Hefei \"Origin\" Quantum Computing","back\\slash","O'Brien & Co"])");
  CHECK(text_of(store, "SELECT addresses FROM listings") ==
        R"(["No. 77 Wangjiang West Road, Hefei, Anhui 230088","Room 2, \"Tower\" B"])");
  CHECK(text_of(store, "SELECT entity_type FROM listings") == "individual");
  CHECK(text_of(store, "SELECT name FROM v_listings") == "本源量子计算科技(合肥)股份有限公司");
  CHECK(text_of(store, "SELECT aliases FROM v_listings") ==
        "Origin Quantum; 本源量子; Hefei \"Origin\" Quantum Computing; back\\slash; O'Brien & Co");
  CHECK(text_of(store, "SELECT citation FROM v_listings") == "89 FR 41886");
  CHECK(text_of(store, "SELECT end_act FROM v_listings") == "el-2025");
}

TEST_CASE("A listing with only the required fields reads back with the others empty", "[store][listings]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  write(store, "2024-05-09T12:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, measure("sdn-1", MeasureKind::listing, "US", "SDN"), id);
    tw::store::insert_listing(store, listing("sdn-1", "SDN", "Ivan Petrov", std::nullopt, "2022-02-24"), id);
  });
  const auto versions = tw::store::listing_versions(store, "sdn-1");
  REQUIRE(versions.size() == 1);
  const Listing& found = versions[0];
  CHECK(found.list == "SDN");
  CHECK(found.name == "Ivan Petrov");
  CHECK(found.aliases.empty());
  CHECK(found.addresses.empty());
  CHECK(found.type == tw::EntityType::entity);
  CHECK_FALSE(found.country.has_value());
  CHECK_FALSE(found.license_requirement.has_value());
  CHECK_FALSE(found.license_policy.has_value());
  CHECK_FALSE(found.source_key.has_value());
  CHECK_FALSE(found.act_id.has_value());
  CHECK_FALSE(found.end_act_id.has_value());
  CHECK_FALSE(found.note.has_value());
  CHECK(found.valid == tw::Validity{day("2022-02-24"), std::nullopt});
  CHECK_FALSE(found.superseded_in.has_value());
  CHECK(text_of(store, "SELECT aliases || addresses FROM listings") == "[][]");
  CHECK(text_of(store, "SELECT country FROM listings") == "NULL");
  CHECK(tw::store::listing_versions(store, "no-such-listing").empty());
}

namespace {

// Five listings over four changesets: Huawei listed (1), the others (2), Huawei delisted on
// 2023-01-01 (3) and re-listed on 2024-01-01 (4).
void record_sample_listings(Store& store) {
  write(store, "2024-01-01T00:00:00Z", [&](auto id) {
    tw::store::insert_act(store, act("el-2019", "84 FR 22961"), id);
    tw::store::insert_act(store, act("el-2023", "88 FR 2821"), id);
    tw::store::insert_act(store, act("el-2024", "89 FR 41886"), id);
    tw::store::insert_measure(store, measure("el-huawei", MeasureKind::listing, "US", "EAR 744"), id);
    Listing huawei = listing("el-huawei", "Entity List", "Huawei Technologies Co., Ltd.", "CN", "2019-05-16");
    huawei.aliases = {"Huawei", "华为技术有限公司"};
    huawei.act_id = "el-2019";
    tw::store::insert_listing(store, huawei, id);
  });
  write(store, "2024-02-01T00:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, measure("el-origin", MeasureKind::listing, "US", "EAR 744"), id);
    Listing origin = listing("el-origin", "Entity List", "本源量子计算科技(合肥)股份有限公司", "CN", "2024-05-09");
    origin.aliases = {"Origin Quantum"};
    origin.act_id = "el-2024";
    origin.source_key = "EL-42";
    tw::store::insert_listing(store, origin, id);

    tw::store::insert_measure(store, measure("el-star", MeasureKind::listing, "US", "EAR 744"), id);
    tw::store::insert_listing(store, listing("el-star", "Entity List", "Star_Tech 100%", std::nullopt, "2024-01-01"),
                              id);

    tw::store::insert_measure(store, measure("sdn-rosneft", MeasureKind::listing, "US", "IEEPA"), id);
    Listing rosneft = listing("sdn-rosneft", "SDN", "ROSNEFT OIL COMPANY", "RU", "2022-02-24");
    rosneft.aliases = {"Rosneft"};
    rosneft.source_key = "SDN-123";
    tw::store::insert_listing(store, rosneft, id);

    tw::store::insert_measure(store, measure("uk-uebersee", MeasureKind::listing, "GB", "SAMLA"), id);
    Listing uebersee = listing("uk-uebersee", "UK Sanctions List", "Übersee Handels GmbH", "DE", "2023-01-01");
    uebersee.aliases = {"UEBERSEE"};
    tw::store::insert_listing(store, uebersee, id);
  });
  write(store, "2024-03-01T00:00:00Z", [&](auto id) {
    const auto versions = tw::store::listing_versions(store, "el-huawei");
    const auto plan = tw::plan_end(versions, day("2023-01-01"), std::string("el-2023"));
    REQUIRE(plan.has_value());
    tw::store::apply_plan(store, *plan, id);
  });
  write(store, "2024-04-01T00:00:00Z", [&](auto id) {
    const auto versions = tw::store::listing_versions(store, "el-huawei");
    tw::LineUpdate relisting;
    relisting.act_id = "el-2024";
    const auto plan = tw::plan_amend(versions, day("2024-01-01"), relisting);
    REQUIRE(plan.has_value());
    tw::store::apply_plan(store, *plan, id);
  });
}

const std::string k_huawei_listed = "el-huawei Huawei Technologies Co., Ltd. 2019-05-16 -";
const std::string k_huawei_delisted = "el-huawei Huawei Technologies Co., Ltd. 2019-05-16 2023-01-01";
const std::string k_huawei_relisted = "el-huawei Huawei Technologies Co., Ltd. 2024-01-01 -";
const std::string k_origin = "el-origin 本源量子计算科技(合肥)股份有限公司 2024-05-09 -";
const std::string k_star = "el-star Star_Tech 100% 2024-01-01 -";
const std::string k_rosneft = "sdn-rosneft ROSNEFT OIL COMPANY 2022-02-24 -";
const std::string k_uebersee = "uk-uebersee Übersee Handels GmbH 2023-01-01 -";

std::vector<std::string> listings_with(const Store& store, const std::string& text) {
  ListingFilter filter;
  filter.text = text;
  return describe(tw::store::find_listings(store, filter));
}

} // namespace

TEST_CASE("find_listings filters on each field it is given", "[store][listings]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  record_sample_listings(store);
  using Found = std::vector<std::string>;

  SECTION("no filter: every current version, by imposer, list, country and name") {
    CHECK(describe(tw::store::find_listings(store, ListingFilter{})) ==
          Found{k_uebersee, k_star, k_huawei_delisted, k_huawei_relisted, k_origin, k_rosneft});
  }

  SECTION("imposer") {
    ListingFilter filter;
    filter.imposer = jurisdiction("GB");
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_uebersee});
  }

  SECTION("list, in any case") {
    ListingFilter filter;
    filter.list = "entity LIST";
    CHECK(describe(tw::store::find_listings(store, filter)) ==
          Found{k_star, k_huawei_delisted, k_huawei_relisted, k_origin});
    filter.list = "sdn";
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_rosneft});
    filter.list = "Entity";
    CHECK(tw::store::find_listings(store, filter).empty());
  }

  SECTION("country") {
    ListingFilter filter;
    filter.country = jurisdiction("CN");
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_huawei_delisted, k_huawei_relisted, k_origin});
    filter.country = jurisdiction("US");
    CHECK(tw::store::find_listings(store, filter).empty());
  }

  SECTION("text in the name, in any case") {
    CHECK(listings_with(store, "huawei technologies") == Found{k_huawei_delisted, k_huawei_relisted});
    CHECK(listings_with(store, "Rosneft Oil") == Found{k_rosneft});
    CHECK(listings_with(store, "(合肥)") == Found{k_origin});
    CHECK(listings_with(store, "übersee") == Found{k_uebersee});
    CHECK(listings_with(store, "ÜBERSEE HANDELS") == Found{k_uebersee});
  }

  SECTION("text in an alias, in any case") {
    CHECK(listings_with(store, "华为") == Found{k_huawei_delisted, k_huawei_relisted});
    CHECK(listings_with(store, "origin quantum") == Found{k_origin});
    CHECK(listings_with(store, "uebersee") == Found{k_uebersee});
  }

  SECTION("text is matched as it is, wildcards included") {
    CHECK(listings_with(store, "_") == Found{k_star});
    CHECK(listings_with(store, "%") == Found{k_star});
    CHECK(listings_with(store, "r_t") == Found{k_star});
    CHECK(listings_with(store, "H%wei").empty());
    CHECK(listings_with(store, "nobody").empty());
  }

  SECTION("authority, in any case") {
    ListingFilter filter;
    filter.authority = "ieepa";
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_rosneft});
  }

  SECTION("the act that listed or delisted it") {
    ListingFilter filter;
    filter.act_id = "el-2023";
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_huawei_delisted});
    filter.act_id = "el-2024";
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_huawei_relisted, k_origin});
    // The re-listing cites the act that re-listed it.
    filter.act_id = "el-2019";
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_huawei_delisted});
  }

  SECTION("source key") {
    ListingFilter filter;
    filter.source_key = "EL-42";
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_origin});
    filter.source_key = "el-42";
    CHECK(tw::store::find_listings(store, filter).empty());
  }

  SECTION("in force on a day") {
    ListingFilter filter;
    filter.on = day("2022-12-31");
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_huawei_delisted, k_rosneft});
    filter.on = day("2023-01-01");
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_uebersee, k_rosneft});
    filter.on = day("2024-06-01");
    filter.country = jurisdiction("CN");
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_huawei_relisted, k_origin});
  }

  SECTION("starting or ending between two days") {
    ListingFilter filter;
    filter.changing_between = std::pair{day("2023-01-01"), day("2023-01-01")};
    CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_uebersee, k_huawei_delisted});
  }
}

TEST_CASE("find_listings answers as the store knew it at a record point", "[store][listings]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  record_sample_listings(store);
  using Found = std::vector<std::string>;
  ListingFilter filter;
  filter.country = jurisdiction("CN");

  CHECK(describe(tw::store::find_listings(store, filter, RecordPoint{0})).empty());
  CHECK(describe(tw::store::find_listings(store, filter, RecordPoint{1})) == Found{k_huawei_listed});
  CHECK(describe(tw::store::find_listings(store, filter, RecordPoint{2})) == Found{k_huawei_listed, k_origin});
  CHECK(describe(tw::store::find_listings(store, filter, RecordPoint{3})) == Found{k_huawei_delisted, k_origin});
  CHECK(describe(tw::store::find_listings(store, filter, RecordPoint{4})) ==
        Found{k_huawei_delisted, k_huawei_relisted, k_origin});
  CHECK(describe(tw::store::find_listings(store, filter, RecordPoint::all_versions())) ==
        Found{k_huawei_listed, k_huawei_delisted, k_huawei_relisted, k_origin});

  filter.on = day("2024-06-01");
  CHECK(describe(tw::store::find_listings(store, filter, RecordPoint{2})) == Found{k_huawei_listed, k_origin});
  CHECK(describe(tw::store::find_listings(store, filter, RecordPoint{3})) == Found{k_origin});
  CHECK(describe(tw::store::find_listings(store, filter)) == Found{k_huawei_relisted, k_origin});

  const auto history = tw::store::listing_versions(store, "el-huawei", RecordPoint::all_versions());
  REQUIRE(history.size() == 3);
  CHECK(history[0].superseded_in == 3);
  CHECK(history[1].recorded_in == 3);
  CHECK(history[1].end_act_id == "el-2023");
  CHECK_FALSE(history[1].superseded_in.has_value());
  CHECK(history[2].recorded_in == 4);
  CHECK(history[2].act_id == "el-2024");
  CHECK(tw::store::listing_versions(store, "el-huawei", RecordPoint{2}).size() == 1);
  CHECK(count_rows(store, "v_listings") == 6);
  CHECK(count_rows(store, "v_listing_versions") == 7);
}

TEST_CASE("Control and other lines are recorded and read back with every field", "[store][controls]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  ControlLine chips = control_line("us-ai-chips", "CN", "8542.31", "2022-10-07");
  chips.direction = tw::Direction::exports;
  chips.requirement = tw::Requirement::quota;
  chips.quota = "50,000 \"advanced\" chips a year";
  chips.description = "advanced computing items — 先进计算";
  chips.act_id = "bis-2022";
  chips.end_act_id = "bis-2025";
  chips.note = "see §744.23";
  chips.valid.to = day("2025-05-13");
  ControlLine everything = control_line("us-ai-chips", "*", "*", "2023-10-17");
  everything.requirement = tw::Requirement::licence;
  ControlLine suspension = control_line("eu-gsp", "RU", "*", "2022-03-15");
  suspension.description = "GSP preferences suspended";
  tw::ChangesetId changeset = 0;
  write(store, "2024-01-01T00:00:00Z", [&](auto id) {
    changeset = id;
    tw::store::insert_act(store, act("bis-2022", "87 FR 62186"), id);
    tw::store::insert_act(store, act("bis-2025", "90 FR 20001"), id);
    tw::store::insert_measure(store, measure("us-ai-chips", MeasureKind::control, "US", "EAR 744"), id);
    tw::store::insert_measure(store, measure("eu-gsp", MeasureKind::other, "EU", "GSP"), id);
    tw::store::insert_control_line(store, chips, id);
    tw::store::insert_control_line(store, everything, id);
    tw::store::insert_control_line(store, suspension, id);
  });

  // By partner then code: * before CN.
  const auto lines = tw::store::control_lines_of_measure(store, "us-ai-chips");
  REQUIRE(lines.size() == 2);
  everything.row_id = 2;
  everything.recorded_in = changeset;
  CHECK(lines[0] == everything);
  CHECK(lines[0].key.hs.is_all());
  chips.row_id = 1;
  chips.recorded_in = changeset;
  CHECK(lines[1] == chips);

  const auto other = tw::store::control_lines_of_measure(store, "eu-gsp");
  REQUIRE(other.size() == 1);
  CHECK_FALSE(other[0].direction.has_value());
  CHECK_FALSE(other[0].requirement.has_value());
  CHECK_FALSE(other[0].quota.has_value());
  CHECK(other[0].description == "GSP preferences suspended");
  CHECK(other[0].key.hs.is_all());

  CHECK(text_of(store, "SELECT group_concat(hs || ' ' || ifnull(requirement, '-'), ', ') FROM control_lines") ==
        "854231 quota, * licence, * -");
  CHECK(text_of(store, "SELECT kind FROM v_control_lines WHERE measure = 'eu-gsp'") == "other");
  CHECK(text_of(store, "SELECT citation FROM v_control_lines WHERE hs = '854231'") == "87 FR 62186");
}

namespace {

void record_sample_controls(Store& store) {
  write(store, "2024-12-03T00:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, measure("us-ai-chips", MeasureKind::control, "US", "EAR 744"), id);
    ControlLine chips = control_line("us-ai-chips", "CN", "8542.31", "2022-10-07");
    chips.requirement = tw::Requirement::licence;
    chips.description = "Advanced computing items";
    tw::store::insert_control_line(store, chips, id);
    ControlLine computers = control_line("us-ai-chips", "*", "8471.50", "2023-10-17");
    computers.requirement = tw::Requirement::licence;
    tw::store::insert_control_line(store, computers, id);

    tw::store::insert_measure(store, measure("cn-gallium", MeasureKind::control, "CN", "Export Control Law"), id);
    ControlLine gallium = control_line("cn-gallium", "*", "8112.92", "2023-08-01");
    gallium.requirement = tw::Requirement::licence;
    gallium.description = "GALLIUM and germanium items";
    tw::store::insert_control_line(store, gallium, id);

    tw::store::insert_measure(store, measure("cn-dual-use-us", MeasureKind::control, "CN", "Export Control Law"), id);
    ControlLine ban = control_line("cn-dual-use-us", "US", "*", "2024-12-03");
    ban.requirement = tw::Requirement::ban;
    tw::store::insert_control_line(store, ban, id);

    tw::Measure gsp = measure("eu-gsp", MeasureKind::other, "EU", "GSP");
    gsp.title = "Suspension of tariff preferences";
    tw::store::insert_measure(store, gsp, id);
    ControlLine suspension = control_line("eu-gsp", "RU", "*", "2022-03-15");
    suspension.description = "GSP suspended";
    suspension.note = "Regulation (EU) 2022/355";
    tw::store::insert_control_line(store, suspension, id);
  });
}

} // namespace

TEST_CASE("find_control_lines filters on each field it is given", "[store][controls]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  record_sample_controls(store);
  using Found = std::vector<std::string>;
  const std::string chips = "us-ai-chips CN 854231 2022-10-07";
  const std::string computers = "us-ai-chips * 847150 2023-10-17";
  const std::string gallium = "cn-gallium * 811292 2023-08-01";
  const std::string ban = "cn-dual-use-us US * 2024-12-03";
  const std::string gsp = "eu-gsp RU * 2022-03-15";

  SECTION("no filter: by imposer, partner, authority, measure, code") {
    CHECK(describe(tw::store::find_control_lines(store, ControlFilter{})) ==
          Found{gallium, ban, gsp, computers, chips});
  }

  SECTION("kind") {
    ControlFilter filter;
    filter.kind = MeasureKind::other;
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gsp});
    filter.kind = MeasureKind::control;
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gallium, ban, computers, chips});
  }

  SECTION("partner: that partner or *") {
    ControlFilter filter;
    filter.partner = jurisdiction("CN");
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gallium, computers, chips});
    filter.partner = jurisdiction("US");
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gallium, ban, computers});
    filter.partner = tw::Jurisdiction::all();
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gallium, computers});
  }

  SECTION("code: lines covering it, under it, and on all products") {
    ControlFilter filter;
    filter.hs = code("8542.31.00");
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{ban, gsp, chips});
    filter.hs = code("84");
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{ban, gsp, computers});
    filter.partner = jurisdiction("CN");
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{computers});
  }

  SECTION("text in the description, title or note, in any case") {
    ControlFilter filter;
    filter.text = "gallium";
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gallium});
    filter.text = "TARIFF PREFERENCES";
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gsp});
    filter.text = "2022/355";
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gsp});
    filter.text = "%";
    CHECK(tw::store::find_control_lines(store, filter).empty());
  }

  SECTION("imposer and authority") {
    ControlFilter filter;
    filter.imposer = jurisdiction("CN");
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gallium, ban});
    filter = ControlFilter{};
    filter.authority = "ear 744";
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{computers, chips});
  }

  SECTION("in force on a day") {
    ControlFilter filter;
    filter.on = day("2023-09-01");
    CHECK(describe(tw::store::find_control_lines(store, filter)) == Found{gallium, gsp, chips});
  }
}

TEST_CASE("Tariff lines on all products", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  write(store, "2025-04-05T00:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, measure("us-ieepa-cn", MeasureKind::tariff, "US", "IEEPA"), id);
    tw::store::insert_measure(store, measure("us-mfn", MeasureKind::tariff, "US", "MFN"), id);
    tw::store::insert_measure(store, measure("us-301", MeasureKind::tariff, "US", "Section 301"), id);
    tw::TariffLine all;
    all.measure_id = "us-ieepa-cn";
    all.key.origin = jurisdiction("CN");
    all.rate = rate("20%");
    all.valid.from = day("2025-03-04");
    tw::store::insert_line(store, all, id);
    tw::TariffLine mfn = all;
    mfn.measure_id = "us-mfn";
    mfn.key = {tw::Jurisdiction::all(), code("8703.80.00"), ""};
    mfn.rate = rate("2.5%");
    tw::store::insert_line(store, mfn, id);
    tw::TariffLine section_301 = all;
    section_301.measure_id = "us-301";
    section_301.key.hs = code("8703");
    section_301.rate = rate("25%");
    tw::store::insert_line(store, section_301, id);
  });
  using Found = std::vector<std::string>;
  const auto us = jurisdiction("US");
  const auto cn = jurisdiction("CN");
  const auto on = day("2025-05-01");

  SECTION("are stored as * and read back as all products") {
    CHECK(text_of(store, "SELECT hs FROM tariff_lines WHERE measure_id = 'us-ieepa-cn'") == "*");
    const auto lines = tw::store::lines_of_measure(store, "us-ieepa-cn");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].key.hs.is_all());
    CHECK(lines[0].key.hs == tw::ProductCode::all());
  }

  SECTION("cover every code") {
    CHECK(describe(tw::store::lines_applying(store, us, cn, code("8703.80.00"), on)) ==
          Found{"us-mfn * 87038000 2.5%", "us-ieepa-cn CN * 20%", "us-301 CN 8703 25%"});
    CHECK(describe(tw::store::lines_applying(store, us, cn, code("0101"), on)) == Found{"us-ieepa-cn CN * 20%"});
    CHECK(tw::store::lines_applying(store, us, jurisdiction("DE"), code("0101"), on).empty());
  }

  SECTION("are related to every code") {
    LineFilter filter;
    filter.hs = code("87");
    CHECK(describe(tw::store::find_lines(store, filter)) ==
          Found{"us-mfn * 87038000 2.5%", "us-ieepa-cn CN * 20%", "us-301 CN 8703 25%"});
    filter.hs = code("0101");
    CHECK(describe(tw::store::find_lines(store, filter)) == Found{"us-ieepa-cn CN * 20%"});
  }

  SECTION("asked for with *: covering, only them; related, every line") {
    LineFilter filter;
    filter.hs = tw::ProductCode::all();
    filter.hs_match = tw::store::CodeMatch::covering;
    CHECK(describe(tw::store::find_lines(store, filter)) == Found{"us-ieepa-cn CN * 20%"});
    filter.hs_match = tw::store::CodeMatch::related;
    CHECK(tw::store::find_lines(store, filter).size() == 3);
  }
}

TEST_CASE("Exclusive groups of a measure are stored sorted and read back", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  tw::Measure autos = measure("us-232-autos", MeasureKind::tariff, "US", "Section 232");
  autos.exclusive_groups = {{"eo-14289", 2}, {"eo-14257", 1}};
  write(store, "2025-04-03T00:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, autos, id);
    tw::store::insert_measure(store, measure("us-301", MeasureKind::tariff, "US", "Section 301"), id);
  });
  const auto found = tw::store::find_measure(store, "us-232-autos");
  REQUIRE(found.has_value());
  CHECK(found->exclusive_groups == std::vector<tw::ExclusiveGroup>{{"eo-14257", 1}, {"eo-14289", 2}});
  CHECK(text_of(store, "SELECT exclusive_groups FROM v_measures WHERE id = 'us-232-autos'") == "eo-14257:1 eo-14289:2");
  CHECK(tw::store::require_measure(store, "us-301").exclusive_groups.empty());
  CHECK(text_of(store, "SELECT exclusive_groups FROM v_measures WHERE id = 'us-301'") == "NULL");
}

TEST_CASE("Declared entity counts of an act are stored sorted and read back", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  tw::Act additions = act("el-2024", "89 FR 41886");
  additions.added = {{jurisdiction("RU"), 3}, {jurisdiction("CN"), 37}};
  additions.removed = {{jurisdiction("AE"), 1}};
  write(store, "2024-05-09T00:00:00Z", [&](auto id) {
    tw::store::insert_act(store, additions, id);
    tw::store::insert_act(store, act("el-plain", "89 FR 1"), id);
  });
  const auto found = tw::store::find_act(store, "el-2024");
  REQUIRE(found.has_value());
  CHECK(found->added == tw::EntityCounts{{jurisdiction("CN"), 37}, {jurisdiction("RU"), 3}});
  CHECK(found->removed == tw::EntityCounts{{jurisdiction("AE"), 1}});
  CHECK(text_of(store, "SELECT added || ' / ' || removed FROM v_acts WHERE id = 'el-2024'") == "CN=37;RU=3 / AE=1");
  const auto plain = tw::store::find_act(store, "el-plain");
  REQUIRE(plain.has_value());
  CHECK(plain->added.empty());
  CHECK(plain->removed.empty());
  CHECK(text_of(store, "SELECT ifnull(added, 'NULL') || ifnull(removed, 'NULL') FROM v_acts WHERE id = 'el-plain'") ==
        "NULLNULL");
}

TEST_CASE("replace_measure keeps the old version visible at the older record point", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  tw::Measure first = measure("us-ieepa", MeasureKind::tariff, "US", "IEEPA");
  first.title = "Reciprocal tariff";
  write(store, "2025-04-05T00:00:00Z", [&](auto id) {
    tw::store::insert_measure(store, first, id);
    tw::TariffLine line;
    line.measure_id = "us-ieepa";
    line.key.origin = jurisdiction("CN");
    line.rate = rate("10%");
    line.valid.from = day("2025-04-05");
    tw::store::insert_line(store, line, id);
  });
  tw::Measure corrected = first;
  corrected.authority = "IEEPA reciprocal";
  corrected.exclusive_groups = {{"eo-14289", 1}};
  corrected.note = "authority corrected";
  write(store, "2025-04-06T00:00:00Z", [&](auto id) { tw::store::replace_measure(store, corrected, id); });

  CHECK(tw::store::require_measure(store, "us-ieepa") == corrected);
  CHECK(tw::store::require_measure(store, "us-ieepa", RecordPoint{1}) == first);
  CHECK_FALSE(tw::store::find_measure(store, "us-ieepa", RecordPoint{0}).has_value());
  CHECK(count_rows(store, "measure_versions") == 2);
  CHECK(count_rows(store, "v_measures") == 1);

  // Lines found at a record point carry the measure as it was then.
  LineFilter filter;
  filter.measure_id = "us-ieepa";
  const auto then = tw::store::find_lines(store, filter, RecordPoint{1});
  REQUIRE(then.size() == 1);
  CHECK(then[0].measure.authority == "IEEPA");
  const auto now = tw::store::find_lines(store, filter);
  REQUIRE(now.size() == 1);
  CHECK(now[0].measure.authority == "IEEPA reciprocal");
  CHECK(now[0].measure.exclusive_groups == std::vector<tw::ExclusiveGroup>{{"eo-14289", 1}});
}

TEST_CASE("replace_act keeps the old version visible at the older record point", "[store]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  tw::Act first = act("el-2024", "89 FR 41886");
  first.added = {{jurisdiction("CN"), 36}};
  write(store, "2024-05-09T00:00:00Z", [&](auto id) { tw::store::insert_act(store, first, id); });
  tw::Act corrected = first;
  corrected.added = {{jurisdiction("CN"), 37}};
  corrected.removed = {{jurisdiction("AE"), 1}};
  corrected.title = "Additions to the Entity List; revisions";
  write(store, "2024-05-10T00:00:00Z", [&](auto id) { tw::store::replace_act(store, corrected, id); });

  const auto now = tw::store::find_act(store, "el-2024");
  REQUIRE(now.has_value());
  CHECK(now->title == "Additions to the Entity List; revisions");
  CHECK(now->added == tw::EntityCounts{{jurisdiction("CN"), 37}});
  CHECK(now->removed == tw::EntityCounts{{jurisdiction("AE"), 1}});
  const auto then = tw::store::find_act(store, "el-2024", RecordPoint{1});
  REQUIRE(then.has_value());
  CHECK(then->title == "Entity List additions");
  CHECK(then->added == tw::EntityCounts{{jurisdiction("CN"), 36}});
  CHECK(then->removed.empty());
  CHECK(count_rows(store, "act_versions") == 2);
  CHECK(count_rows(store, "v_acts") == 1);
}

namespace {

tw::TariffLine tariff_line(const std::string& measure_id, const std::string& origin, const std::string& hs,
                           const std::string& from, const std::optional<std::string>& to = std::nullopt) {
  tw::TariffLine line;
  line.measure_id = measure_id;
  line.key.origin = jurisdiction(origin);
  line.key.hs = code(hs);
  line.rate = rate("25%");
  line.valid.from = day(from);
  if (to) {
    line.valid.to = day(*to);
  }
  return line;
}

std::vector<std::string> describe(const std::vector<tw::store::MeasureCount>& counts) {
  std::vector<std::string> result;
  for (const auto& c : counts) {
    result.push_back(c.imposer + " " + c.target + " " + c.kind + " " + c.authority + ": " + std::to_string(c.measures) +
                     " measures, " + std::to_string(c.lines) + " lines");
  }
  return result;
}

std::vector<std::string> describe(const std::vector<tw::store::ListingCount>& counts) {
  std::vector<std::string> result;
  for (const auto& c : counts) {
    result.push_back(c.imposer + " " + c.list + " " + c.country + ": " + std::to_string(c.entries));
  }
  return result;
}

} // namespace

TEST_CASE("The summary counts what is in force on a day, at a record point", "[store][summary]") {
  TempDir dir;
  Store store = Store::create(dir / "tw.db");
  const auto first = write(store, "2025-01-01T00:00:00Z", [&](tw::ChangesetId id) {
    tw::store::insert_measure(store, measure("us-301", MeasureKind::tariff, "US", "Section 301"), id);
    tw::store::insert_line(store, tariff_line("us-301", "CN", "8703", "2018-07-06"), id);
    tw::store::insert_line(store, tariff_line("us-301", "CN", "8704", "2018-07-06", "2019-01-01"), id);
    tw::store::insert_line(store, tariff_line("us-301", "CN", "8705", "2018-07-06"), id);
    tw::store::insert_measure(store, measure("us-mfn", MeasureKind::tariff, "US", "MFN"), id);
    tw::store::insert_line(store, tariff_line("us-mfn", "*", "8703", "2018-01-01"), id);
    tw::store::insert_measure(store, measure("el-a", MeasureKind::listing, "US", "EAR 744"), id);
    tw::store::insert_listing(store, listing("el-a", "Entity List", "A", "CN", "2018-01-01"), id);
    tw::store::insert_measure(store, measure("el-b", MeasureKind::listing, "US", "EAR 744"), id);
    tw::store::insert_listing(store, listing("el-b", "Entity List", "B", std::nullopt, "2018-01-01"), id);
  });
  write(store, "2025-02-01T00:00:00Z", [&](tw::ChangesetId id) {
    tw::store::insert_measure(store, measure("el-c", MeasureKind::listing, "US", "EAR 744"), id);
    tw::store::insert_listing(store, listing("el-c", "Entity List", "C", "CN", "2018-01-01"), id);
    tw::store::insert_measure(store, measure("eu-x", MeasureKind::tariff, "EU", "AD/CVD"), id);
    tw::store::insert_line(store, tariff_line("eu-x", "CN", "7318", "2018-01-01"), id);
  });

  CHECK(describe(tw::store::count_measures_in_force(store, day("2019-06-01"), std::nullopt)) ==
        std::vector<std::string>{"EU CN tariff AD/CVD: 1 measures, 1 lines", "US  listing EAR 744: 1 measures, 1 lines",
                                 "US * tariff MFN: 1 measures, 1 lines", "US CN listing EAR 744: 2 measures, 2 lines",
                                 "US CN tariff Section 301: 1 measures, 2 lines"});
  CHECK(
      describe(tw::store::count_measures_in_force(store, day("2018-08-01"), jurisdiction("US"), RecordPoint{first})) ==
      std::vector<std::string>{"US  listing EAR 744: 1 measures, 1 lines", "US * tariff MFN: 1 measures, 1 lines",
                               "US CN listing EAR 744: 1 measures, 1 lines",
                               "US CN tariff Section 301: 1 measures, 3 lines"});
  CHECK(describe(tw::store::count_listings_in_force(store, day("2019-06-01"), std::nullopt)) ==
        std::vector<std::string>{"US Entity List : 1", "US Entity List CN: 2"});
  CHECK(tw::store::count_measures_in_force(store, day("2017-01-01"), std::nullopt).empty());
}
