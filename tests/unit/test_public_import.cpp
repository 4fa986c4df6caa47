#include "io/public_import.hpp"
#include "store/acts.hpp"
#include "store/listings.hpp"
#include "store/tariff_lines.hpp"
#include "temp_store.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

using tw::Changeset;
using tw::io::ImportOptions;
using tw::io::ImportResult;
using tw::io::PublicFormat;
using tw::io::PublicImport;
using tw::io::ShrinkGuard;
using tw::store::Store;
using tw::test::day;
using tw::test::error_from;
using tw::test::select_integer;
using tw::test::TempStore;

namespace {

struct Imported {
  ImportResult result;
  std::vector<std::string> warnings;
};

// Imports fixture files of tests/data/`dir` in `format`, as of `as_of`.
Imported import_files(Store& store, PublicFormat format, const std::vector<std::string>& files,
                      const std::string& as_of, ShrinkGuard guard = {}) {
  ImportOptions options;
  options.mode = tw::io::reconcile_mode(format);
  options.as_of = day(as_of);
  tw::io::Importer importer(store, options);
  PublicImport reader(format, importer, guard);
  for (const auto& file : files) {
    std::ifstream in(std::string(TW_TEST_DATA_DIR) + "/" + file, std::ios::binary);
    REQUIRE(in);
    reader.read(in, file);
  }
  Imported imported;
  reader.check([&](const std::string& warning) { imported.warnings.push_back(warning); });
  imported.result =
      importer.finish(Changeset{0, "2026-01-01T00:00:00Z", "tester", "", "tradewatch import", std::nullopt});
  return imported;
}

// The listing with source key `key` as the store has it now, in force on `on`.
tw::Listing listing(const Store& store, const std::string& key) {
  tw::store::ListingFilter filter;
  filter.source_key = key;
  const auto found = tw::store::find_listings(store, filter);
  REQUIRE(!found.empty());
  return found.back().line;
}

std::size_t changesets(const Store& store) {
  return static_cast<std::size_t>(select_integer(store, "SELECT count(*) FROM changesets"));
}

} // namespace

TEST_CASE("A CSL import adds one listing per record, keyed on source and entity number", "[public-import]") {
  TempStore temp;
  const Imported week1 = import_files(temp.store(), PublicFormat::csl, {"csl/week1.csv"}, "2026-01-01");
  CHECK(week1.result.listings.added == 9);
  CHECK(week1.result.changeset == 1);
  CHECK(listing(temp.store(), "SDN:36123").name == "HOSSEINI, Reza");
  CHECK(listing(temp.store(), "ISN:36123").name == "Karaj Advanced Materials Company");
  // The SDN gives no start date: listed from the import's date.
  CHECK(listing(temp.store(), "SDN:36123").valid.from == day("2026-01-01"));
  CHECK(listing(temp.store(), "EL:a1f3c09e5b7d").valid.from == day("2024-05-09"));
  REQUIRE(week1.warnings.size() == 1);
  CHECK(week1.warnings[0] == "csl/week1.csv:4:95: 1 address names the country \"Crimea (occupied)\", which "
                             "tradewatch does not know; recorded without that country");
  // The JSON of the same list changes nothing.
  const Imported json = import_files(temp.store(), PublicFormat::csl, {"csl/week1.json"}, "2026-01-01");
  CHECK(json.result.changed() == 0);
  CHECK(json.result.listings.unchanged == 9);
}

TEST_CASE("A CSL re-import adds, modifies and delists as of its date", "[public-import]") {
  TempStore temp;
  import_files(temp.store(), PublicFormat::csl, {"csl/week1.csv"}, "2026-01-01");
  const Imported week2 = import_files(temp.store(), PublicFormat::csl, {"csl/week2.csv"}, "2026-01-08");
  CHECK(week2.result.listings.added == 1);
  CHECK(week2.result.listings.modified == 1);
  CHECK(week2.result.listings.deleted == 1);
  CHECK(week2.result.listings.unchanged == 7);
  CHECK(listing(temp.store(), "EL:c9d85a13e402").valid.to == day("2026-01-08"));
  const tw::Listing volga = listing(temp.store(), "EL:b24e71d0c8aa");
  CHECK(volga.license_policy == "Presumption of denial.");
  CHECK(volga.valid.from == day("2026-01-08"));
}

TEST_CASE("A CSL file leaves alone the sources it does not hold", "[public-import]") {
  TempStore temp;
  import_files(temp.store(), PublicFormat::csl, {"csl/week1.csv"}, "2026-01-01");
  const Imported sdn_only = import_files(temp.store(), PublicFormat::csl, {"csl/sdn-only.json"}, "2026-01-08");
  CHECK(sdn_only.result.listings.modified == 1);
  CHECK(sdn_only.result.listings.unchanged == 1);
  CHECK(sdn_only.result.listings.deleted == 0);
  CHECK(tw::store::count_listings_in_force(temp.store(), "EL:", day("2026-01-08")) == 4);
  CHECK(tw::store::count_listings_in_force(temp.store(), "SDN:", day("2026-01-08")) == 2);
}

TEST_CASE("The shrink guard refuses a source that lost more than the set share", "[public-import]") {
  TempStore temp;
  import_files(temp.store(), PublicFormat::csl, {"csl/week1.csv"}, "2026-01-01");
  const tw::Error refused =
      error_from([&] { import_files(temp.store(), PublicFormat::csl, {"csl/shrunk.csv"}, "2026-01-08"); });
  CHECK(refused.code() == tw::ExitCode::data_error);
  CHECK(std::string(refused.what()) == "the EL source holds 1 row where the store lists 4 of it: it shrank by 75%, "
                                       "more than 20%; nothing was imported");
  CHECK(changesets(temp.store()) == 1);
  // A share of 80% lets it through.
  const Imported allowed =
      import_files(temp.store(), PublicFormat::csl, {"csl/shrunk.csv"}, "2026-01-08", ShrinkGuard{80, false});
  CHECK(allowed.result.listings.deleted == 3);
}

TEST_CASE("A CSL entry cites the act the store knows by its Federal Register citation", "[public-import]") {
  TempStore temp;
  const Imported acts = import_files(temp.store(), PublicFormat::fr_json, {"fr/2024-09990.json"}, "2026-01-01");
  CHECK(acts.result.acts.added == 1);
  import_files(temp.store(), PublicFormat::csl, {"csl/week1.csv"}, "2026-01-01");
  CHECK(listing(temp.store(), "EL:a1f3c09e5b7d").act_id == "fr-2024-09990");
  CHECK_FALSE(listing(temp.store(), "EL:b24e71d0c8aa").act_id.has_value());
}

TEST_CASE("Federal Register documents add acts and correct the acts the store knows by number", "[public-import]") {
  TempStore temp;
  {
    tw::store::Transaction transaction(temp.store().db(), tw::store::Transaction::Kind::immediate);
    const auto changeset =
        temp.store().record_changeset(Changeset{0, "2026-01-01T00:00:00Z", "tester", "", "add", std::nullopt});
    tw::Act review{"ustr-301-review-2024",
                   *tw::Jurisdiction::parse("US"),
                   "Section 301 four-year review",
                   "89 FR 76581",
                   "2024-21217",
                   std::nullopt,
                   day("2024-09-13"),
                   day("2024-09-18"),
                   {},
                   {}};
    review.added = {tw::EntityCount{*tw::Jurisdiction::parse("CN"), 3}};
    tw::store::insert_act(temp.store(), review, changeset);
    transaction.commit();
  }
  const Imported first = import_files(temp.store(), PublicFormat::fr_json, {"fr/search-results.json"}, "2026-01-01");
  CHECK(first.result.acts.added == 1);
  CHECK(first.result.acts.modified == 1);
  const auto review = tw::store::find_act(temp.store(), "ustr-301-review-2024");
  REQUIRE(review);
  CHECK(review->title.starts_with("Notice of Modification: China's Acts"));
  CHECK(review->citation == "89 FR 76581"); // the search result has none: kept
  CHECK(review->announced == day("2024-09-13"));
  CHECK(review->url ==
        "https://www.federalregister.gov/documents/2024/09/18/2024-21217/"
        "notice-of-modification-chinas-acts-policies-and-practices-related-to-technology-transfer-intellectual");
  CHECK(review->added.size() == 1);
  CHECK_FALSE(tw::store::find_act(temp.store(), "fr-2024-21217").has_value());
  const Imported again = import_files(temp.store(), PublicFormat::fr_json, {"fr/search-results.json"}, "2026-01-01");
  CHECK(again.result.changed() == 0);
}

TEST_CASE("An HTS import loads one MFN measure per chapter and a revision changes only its chapters",
          "[public-import]") {
  TempStore temp;
  const Imported schedule = import_files(temp.store(), PublicFormat::hts_json, {"hts/schedule.json"}, "2026-01-01");
  CHECK(schedule.result.tariff_measures.added == 7);
  CHECK(schedule.result.tariff_lines.added == 9);
  REQUIRE(schedule.warnings.size() == 2);
  CHECK(schedule.warnings[0].starts_with("hts/schedule.json:164: 1701.91.48 rate \"33.87¢/kg less"));
  CHECK(schedule.warnings[1].ends_with("(inherited from a parent: unexpected character in a unit); not loaded"));
  const auto lines = tw::store::lines_of_measure(temp.store(), "us-hts-mfn-87");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].key.origin.is_all());
  CHECK(lines[0].rate.to_string() == "2.5%");
  CHECK(lines[0].note == "See 9903.91.03.");

  const Imported next = import_files(temp.store(), PublicFormat::hts_json, {"hts/schedule-next.json"}, "2026-07-01");
  CHECK(next.result.tariff_lines.added == 1);    // 8703.90.01
  CHECK(next.result.tariff_lines.modified == 3); // roses and the suffix that inherits their rate; wine
  CHECK(next.result.tariff_lines.deleted == 1);  // 2402.10.30
  CHECK(next.result.tariff_lines.unchanged == 5);
}
