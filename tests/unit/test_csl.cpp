#include "io/csl.hpp"
#include "io/csv.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using tw::EntityType;
using tw::Error;
using tw::ExitCode;
using tw::io::AddressCountry;
using tw::io::CslEntry;
using tw::io::CslReadResult;
using tw::test::day;
using tw::test::jurisdiction;

namespace {

const char* const k_header = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
                             "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
                             "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
                             "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
                             "source_information_url,ids\n";

struct Read {
  std::vector<CslEntry> entries;
  CslReadResult result;
};

tw::io::CslFormat format_of(const std::string& file_name) {
  return file_name.ends_with(".json") ? tw::io::CslFormat::json : tw::io::CslFormat::csv;
}

Read read_text(const std::string& text, const std::string& file_name = "csl.csv") {
  std::istringstream in(text);
  Read read;
  read.result = tw::io::read_csl(in, file_name, format_of(file_name), day("2026-01-01"),
                                 [&](CslEntry&& entry) { read.entries.push_back(std::move(entry)); });
  return read;
}

Read read_fixture(const std::string& name) {
  std::ifstream in(std::string(TW_TEST_DATA_DIR) + "/csl/" + name, std::ios::binary);
  REQUIRE(in);
  Read read;
  read.result = tw::io::read_csl(in, name, format_of(name), day("2026-01-01"),
                                 [&](CslEntry&& entry) { read.entries.push_back(std::move(entry)); });
  return read;
}

// One CSV row of the 29 columns: the named ones set, the others empty.
std::string row(const std::vector<std::pair<std::string, std::string>>& set) {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> names;
    std::string header = k_header;
    header.pop_back();
    std::size_t start = 0;
    while (true) {
      const auto comma = header.find(',', start);
      names.push_back(header.substr(start, comma - start));
      if (comma == std::string::npos) {
        return names;
      }
      start = comma + 1;
    }
  }();
  std::vector<std::string> fields(columns.size());
  for (const auto& [name, value] : set) {
    const auto at = std::ranges::find(columns, name);
    REQUIRE(at != columns.end());
    fields[static_cast<std::size_t>(at - columns.begin())] = value;
  }
  std::ostringstream out;
  tw::io::write_csv_record(out, fields);
  return out.str();
}

const std::string k_el = "Entity List (EL) - Bureau of Industry and Security";

std::string error_of(const std::string& text, const std::string& file_name = "csl.csv") {
  try {
    read_text(text, file_name);
  } catch (const Error& error) {
    CHECK(error.code() == ExitCode::data_error);
    return std::string(error.what()) + (error.hint().empty() ? "" : " | hint: " + error.hint());
  }
  FAIL("no error");
  return {};
}

const CslEntry& by_key(const Read& read, const std::string& key) {
  const auto found = std::ranges::find_if(read.entries, [&](const CslEntry& e) { return e.listing.source_key == key; });
  REQUIRE(found != read.entries.end());
  return *found;
}

} // namespace

TEST_CASE("find_csl_source names each CSL source list's tradewatch list", "[csl]") {
  auto list_of = [](std::string_view text) {
    const auto source = tw::io::find_csl_source(text);
    return source ? std::string(source->code) + " " + std::string(source->list) : std::string("none");
  };
  CHECK(list_of("Entity List (EL) - Bureau of Industry and Security") == "EL Entity List");
  CHECK(list_of("Specially Designated Nationals (SDN) - Treasury Department") == "SDN SDN");
  CHECK(list_of("Denied Persons List (DPL) - Bureau of Industry and Security") == "DPL Denied Persons List");
  CHECK(list_of("Unverified List (UVL) - Bureau of Industry and Security") == "UVL Unverified List");
  CHECK(list_of("Military End User (MEU) List - Bureau of Industry and Security") == "MEU Military End User List");
  CHECK(list_of("Nonproliferation Sanctions (ISN) - State Department") == "ISN Nonproliferation Sanctions");
  CHECK(list_of("ITAR Debarred (DTC) - State Department") == "DTC ITAR Debarred");
  CHECK(list_of("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department") ==
        "MBS Menu-Based Sanctions List");
  // Older wordings, the code alone, and the list's own name.
  CHECK(list_of("Sectoral Sanctions Identifications (SSI) - Treasury Department") ==
        "SSI Sectoral Sanctions Identifications List");
  CHECK(list_of("Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC) - Treasury Department") ==
        "CMIC Chinese Military-Industrial Complex Companies List");
  CHECK(list_of("CAPTA (Correspondent Account or Payable-Through Account) - Treasury Department") == "CAP CAPTA List");
  CHECK(list_of(" el ") == "EL Entity List");
  CHECK(list_of("Denied Persons List") == "DPL Denied Persons List");
  CHECK(list_of("Brand-New List (BNL) - Somewhere") == "none");
  CHECK(list_of("") == "none");
}

TEST_CASE("read_address_country reads ISO codes and the names the lists write", "[csl]") {
  auto country_of = [](std::string_view text) {
    const AddressCountry country = tw::io::read_address_country(text);
    switch (country.kind) {
    case AddressCountry::Kind::none:
      return std::string("none");
    case AddressCountry::Kind::unmapped:
      return std::string("unmapped");
    case AddressCountry::Kind::mapped:
      return std::string(country.country->code());
    }
    return std::string();
  };
  CHECK(country_of("CN") == "CN");
  CHECK(country_of(" ru ") == "RU");
  CHECK(country_of("China") == "CN");
  CHECK(country_of("Russia") == "RU");
  CHECK(country_of("Russian Federation") == "RU");
  CHECK(country_of("Burma") == "MM");
  CHECK(country_of("Korea, North") == "KP");
  CHECK(country_of("Türkiye") == "TR");
  CHECK(country_of("Turkey") == "TR");
  CHECK(country_of("UAE") == "AE");
  CHECK(country_of("62701") == "none");    // a postal code: the address gives no country
  CHECK(country_of("SW1A 1AA") == "none"); // nor here
  CHECK(country_of("") == "none");
  CHECK(country_of("Crimea (occupied)") == "unmapped");
  CHECK(country_of("XK") == "unmapped");
  CHECK(country_of("Atlantis") == "unmapped");
}

TEST_CASE("fr_citations normalises the CSL's Federal Register notices", "[csl]") {
  using Citations = std::vector<std::string>;
  CHECK(tw::io::fr_citations("89 FR 41886 5/9/24") == Citations{"89 FR 41886"});
  CHECK(tw::io::fr_citations("82 F.R. 48792 10/01/2017") == Citations{"82 FR 48792"});
  CHECK(tw::io::fr_citations("83 FR 54519, 10/30/18; 84 FR 40241, 8/14/19. 83 FR 54519") ==
        Citations{"83 FR 54519", "84 FR 40241"});
  CHECK(tw::io::fr_citations("FR NOTICE ADDED").empty());
  CHECK(tw::io::fr_citations("").empty());
}

TEST_CASE("read_csl maps a CSV record of the Entity List to a listing", "[csl]") {
  const Read read =
      read_text(std::string(k_header) +
                row({{"_id", "a1f3"},
                     {"source", k_el},
                     {"name", " Zhongguancun Quantum Instruments Co., Ltd. "},
                     {"addresses", "No. 8 Haidian Street, Beijing, 100080, CN; 2 Kexue Road, Hefei, China"},
                     {"federal_register_notice", "89 FR 41886 5/9/24"},
                     {"start_date", "2024-05-09"},
                     {"license_requirement", "For all items subject to the EAR."},
                     {"license_policy", "Presumption of denial."},
                     {"alt_names", "ZGC Quantum; 中关村量子仪器有限公司;; ZGC Quantum"}}));
  REQUIRE(read.entries.size() == 1);
  const CslEntry& entry = read.entries[0];
  const tw::Listing& listing = entry.listing;
  CHECK(entry.source.code == "EL");
  CHECK(entry.at.to_string() == "csl.csv:2:1");
  CHECK(listing.list == "Entity List");
  CHECK(listing.name == "Zhongguancun Quantum Instruments Co., Ltd.");
  CHECK(listing.aliases == std::vector<std::string>{"ZGC Quantum", "中关村量子仪器有限公司"});
  CHECK(listing.type == EntityType::entity);
  CHECK(listing.country == jurisdiction("CN"));
  CHECK(listing.addresses ==
        std::vector<std::string>{"No. 8 Haidian Street, Beijing, 100080, CN", "2 Kexue Road, Hefei, CN"});
  CHECK(listing.source_key == "EL:a1f3");
  CHECK(entry.start_given);
  CHECK(listing.valid == tw::Validity{day("2024-05-09"), std::nullopt});
  CHECK(listing.license_requirement == "For all items subject to the EAR.");
  CHECK(listing.license_policy == "Presumption of denial.");
  CHECK(entry.citations == std::vector<std::string>{"89 FR 41886"});
  CHECK(listing.note == "FR notice: 89 FR 41886 5/9/24");
  CHECK(listing.measure_id.empty());
  CHECK(read.result.records == 1);
  CHECK(read.result.unmapped_countries.empty());
}

TEST_CASE("read_csl keys records on source and entity number, never the number alone", "[csl]") {
  const Read read = read_text(std::string(k_header) +
                              row({{"_id", "36123"},
                                   {"source", "Specially Designated Nationals (SDN) - Treasury Department"},
                                   {"entity_number", "36123"},
                                   {"type", "Individual"},
                                   {"programs", "SDGT; IRGC"},
                                   {"name", "HOSSEINI, Reza"},
                                   {"title", "Commander"},
                                   {"remarks", "DOB 12 Mar 1970."}}) +
                              row({{"_id", "f51c"},
                                   {"source", "Nonproliferation Sanctions (ISN) - State Department"},
                                   {"entity_number", "36123"},
                                   {"name", "Karaj Advanced Materials Company"},
                                   {"start_date", "2023-04-11"}}));
  REQUIRE(read.entries.size() == 2);
  const auto& sdn = read.entries[0].listing;
  CHECK(sdn.source_key == "SDN:36123");
  CHECK(sdn.list == "SDN");
  CHECK(sdn.type == EntityType::individual);
  CHECK(sdn.note == "programs: SDGT; IRGC | title: Commander | remarks: DOB 12 Mar 1970.");
  // The SDN gives no start date: listed from the date the reader was given.
  CHECK_FALSE(read.entries[0].start_given);
  CHECK(sdn.valid.from == day("2026-01-01"));
  CHECK(read.entries[1].listing.source_key == "ISN:36123");
  CHECK(read.entries[1].listing.list == "Nonproliferation Sanctions");
}

TEST_CASE("read_csl reads the columns by name, in any order, and tolerates missing optional ones", "[csl]") {
  const Read read = read_text("name,source,entity_number,type\n"
                              "OCEAN LARK,SDN,36124,vessel\n"
                              "\"AIR LARK, LTD\",SDN,36125,Aircraft\n");
  REQUIRE(read.entries.size() == 2);
  CHECK(read.entries[0].listing.type == EntityType::vessel);
  CHECK(read.entries[0].listing.source_key == "SDN:36124");
  CHECK(read.entries[1].listing.name == "AIR LARK, LTD");
  CHECK(read.entries[1].listing.type == EntityType::aircraft);
  CHECK(read.entries[1].listing.addresses.empty());
  CHECK_FALSE(read.entries[1].listing.country.has_value());
  CHECK_FALSE(read.entries[1].listing.note.has_value());
}

TEST_CASE("read_csl reports address countries it cannot map, and records the listing without them", "[csl]") {
  const Read read = read_text(
      std::string(k_header) +
      row({{"_id", "c9d8"},
           {"source", k_el},
           {"name", "Sevastopol Marine Systems"},
           {"addresses", "ul. Morskaya 3, Sevastopol, Crimea (occupied); Bay Road 1, Kerch, Crimea (occupied)"}}) +
      row({{"_id", "e7a0"},
           {"source", "DPL"},
           {"name", "PETERSON, Mark Alan"},
           {"addresses", "123 Main Street, Springfield, IL, 62701"}}) +
      row({{"_id", "b24e"},
           {"source", k_el},
           {"name", "Volga Precision Optics LLC"},
           {"addresses", "Kiosk 4, Simferopol, Crimea (occupied); ul. Lenina 5, Moscow, 101000, Russia"}}));
  REQUIRE(read.entries.size() == 3);
  CHECK_FALSE(read.entries[0].listing.country.has_value());
  CHECK_FALSE(read.entries[1].listing.country.has_value()); // a US address without a country
  CHECK(read.entries[2].listing.country == jurisdiction("RU"));
  REQUIRE(read.result.unmapped_countries.size() == 1);
  CHECK(read.result.unmapped_countries[0].text == "Crimea (occupied)");
  CHECK(read.result.unmapped_countries[0].count == 3);
  CHECK(read.result.unmapped_countries[0].first.to_string() == "csl.csv:2:87");
}

TEST_CASE("read_csl refuses malformed records at their position", "[csl]") {
  const std::string header = k_header;
  CHECK(error_of(header + row({{"_id", "1"}, {"source", "Brand-New List (BNL) - Somewhere"}, {"name", "X"}})) ==
        "csl.csv:2:3: unknown CSL source \"Brand-New List (BNL) - Somewhere\" | hint: the CSL's sources are EL, DPL, "
        "UVL, MEU, ISN, DTC, SDN, FSE, SSI, PLC, CAP, CMIC and MBS, named as in the CSL's source column");
  CHECK(error_of(header + row({{"_id", "1"}, {"name", "X"}})).starts_with("csl.csv:2:3: a record without a source"));
  CHECK(error_of(header + row({{"_id", "1"}, {"source", k_el}, {"name", "  "}})) ==
        "csl.csv:2:57: a record without a name | hint: every CSL record names the listed party");
  CHECK(error_of(header + row({{"source", k_el}, {"name", "X"}})) ==
        "csl.csv:2:1: a record with neither an entity_number nor an id | hint: a CSL record is known by its source "
        "list and its entity number, or its id");
  CHECK(
      error_of(header + row({{"_id", "1"}, {"source", k_el}, {"name", "X"}, {"type", "Company"}})) ==
      "csl.csv:2:55: unknown type \"Company\" | hint: a CSL type is Entity, Individual, Vessel or Aircraft, or empty");
  CHECK(error_of(header + row({{"_id", "1"}, {"source", k_el}, {"name", "X"}, {"start_date", "05/09/2024"}}))
            .starts_with("csl.csv:2:62: start_date \"05/09/2024\": not a date | hint: "));
  CHECK(error_of(header + row({{"_id", "1"},
                               {"source", k_el},
                               {"name", "X"},
                               {"start_date", "2024-05-09"},
                               {"end_date", "2024-02-30"}}))
            .starts_with("csl.csv:2:73: end_date \"2024-02-30\": 2024-02 has no day 30"));
  CHECK(error_of(header + row({{"_id", "1"},
                               {"source", k_el},
                               {"name", "X"},
                               {"start_date", "2024-05-09"},
                               {"end_date", "2024-05-09"}})) ==
        "csl.csv:2:73: end_date 2024-05-09 is not after the start 2024-05-09 | hint: a listing ends after it starts");
  CHECK(error_of(header + row({{"_id", "1"}, {"source", "SDN"}, {"entity_number", "7"}, {"name", "X"}}) +
                 row({{"_id", "2"}, {"source", "SDN"}, {"entity_number", "7"}, {"name", "Y"}})) ==
        "csl.csv:3:1: source key SDN:7 appears twice | hint: each record of a source has its own entity number (or "
        "id)");
  CHECK(error_of("_id,entity_number,name\n1,2,X\n").starts_with("csl.csv:1: the header has no column \"source\""));
  CHECK(error_of(header + "1,EL\n").starts_with("csl.csv:2: 2 fields where the header names 29"));
}

TEST_CASE("read_csl reads the JSON form: results, arrays, address objects", "[csl]") {
  const std::string json = R"({"total": 2, "sources_used": [{"source": "x"}], "results": [
  {"id": "a1", "source": "Entity List (EL) - Bureau of Industry and Security", "entity_number": null,
   "type": null, "programs": [], "name": "Shenzhen Bright Harbor Electronics",
   "addresses": [{"address": "Room 1203, Tower B", "city": "Shenzhen", "state": "Guangdong",
                  "postal_code": "518000", "country": "CN"},
                 {"address": null, "city": "Hong Kong", "state": null, "postal_code": null, "country": "HK"}],
   "start_date": "2024-05-09", "alt_names": ["Bright Harbor", " Bright Harbor ", "深圳明港电子"]},
  {"id": "36124", "source": "SDN", "entity_number": 36124, "type": "Vessel", "programs": ["IRAN"],
   "name": "OCEAN LARK", "addresses": null, "alt_names": null}
]})";
  const Read read = read_text(json, "csl.json");
  REQUIRE(read.entries.size() == 2);
  const auto& el = read.entries[0];
  CHECK(el.at.to_string() == "csl.json:2");
  CHECK(el.listing.source_key == "EL:a1");
  CHECK(el.listing.addresses ==
        std::vector<std::string>{"Room 1203, Tower B, Shenzhen, Guangdong, 518000, CN", "Hong Kong, HK"});
  CHECK(el.listing.country == jurisdiction("CN"));
  CHECK(el.listing.aliases == std::vector<std::string>{"Bright Harbor", "深圳明港电子"});
  const auto& sdn = read.entries[1];
  CHECK(sdn.listing.source_key == "SDN:36124");
  CHECK(sdn.listing.type == EntityType::vessel);
  CHECK(sdn.listing.note == "programs: IRAN");
  CHECK(sdn.at.to_string() == "csl.json:8");
}

TEST_CASE("read_csl refuses JSON fields of the wrong type at the record's line", "[csl]") {
  CHECK(error_of(R"({"results": [{"id": "1", "source": "EL", "name": ["X"]}]})", "csl.json") ==
        "csl.json:1: name is array, where text is expected | hint: the CSL JSON has the columns of its CSV as "
        "fields; lists are arrays");
  CHECK(error_of("[{\"id\": \"1\", \"source\": \"EL\", \"name\": \"X\",\n \"alt_names\": [\"A\", 7]}]", "csl.json")
            .starts_with("csl.json:1: an element of alt_names is number, where text is expected"));
  CHECK(error_of(R"([{"id": "1", "source": "EL", "name": "X", "addresses": [["street"]]}])", "csl.json")
            .starts_with("csl.json:1: an element of addresses is array, where an object is expected"));
  CHECK(error_of("[{\"id\": \"1\", \"source\": \"EL\", \"name\": \"X\"},\n 7]", "csl.json")
            .starts_with("csl.json:2: a record is number, not an object"));
}

TEST_CASE("The CSL fixtures: CSV and JSON of one list give the same listings", "[csl]") {
  const Read csv = read_fixture("week1.csv");
  const Read json = read_fixture("week1.json");
  REQUIRE(csv.entries.size() == 9);
  REQUIRE(json.entries.size() == csv.entries.size());
  for (std::size_t i = 0; i < csv.entries.size(); ++i) {
    // The CSV writes some address countries by name where the JSON has the code; both are read as the code.
    CHECK(csv.entries[i].listing == json.entries[i].listing);
    CHECK(csv.entries[i].citations == json.entries[i].citations);
  }
  // An entity number that repeats across two sources is two entries.
  CHECK(by_key(csv, "SDN:36123").listing.name == "HOSSEINI, Reza");
  CHECK(by_key(csv, "ISN:36123").listing.name == "Karaj Advanced Materials Company");
  CHECK(by_key(csv, "EL:b24e71d0c8aa").listing.country == jurisdiction("RU"));
  CHECK(by_key(csv, "EL:b24e71d0c8aa").listing.addresses ==
        std::vector<std::string>{"ul. Lenina 5, Moscow, 101000, RU", "Nevsky pr. 10, Saint Petersburg, 191186, RU"});
  CHECK(by_key(csv, "EL:d03b6f2c7e19").listing.country == jurisdiction("CN"));
  CHECK(by_key(csv, "MEU:0a6d2f9b4c81").listing.aliases == std::vector<std::string>{"АО «Тобольские точные приборы»"});
  CHECK(by_key(csv, "DPL:e7a0429d1b65").listing.valid == tw::Validity{day("2020-01-15"), day("2030-01-15")});
  REQUIRE(csv.result.unmapped_countries.size() == 1);
  CHECK(csv.result.unmapped_countries[0].text == "Crimea (occupied)");
  CHECK(csv.result.unmapped_countries[0].first.to_string() == "week1.csv:4:95");
  REQUIRE(json.result.unmapped_countries.size() == 1);
  CHECK(json.result.unmapped_countries[0].first.to_string() == "week1.json:92");
}
