#include "io/fr_json.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using tw::Error;
using tw::ExitCode;
using tw::io::FrDocument;
using tw::test::day;
using tw::test::jurisdiction;

namespace {

std::vector<FrDocument> read_text(const std::string& text) {
  std::istringstream in(text);
  std::vector<FrDocument> documents;
  const std::size_t count =
      tw::io::read_fr_json(in, "fr.json", [&](FrDocument&& d) { documents.push_back(std::move(d)); });
  CHECK(count == documents.size());
  return documents;
}

std::vector<FrDocument> read_fixture(const std::string& name) {
  std::ifstream in(std::string(TW_TEST_DATA_DIR) + "/fr/" + name, std::ios::binary);
  REQUIRE(in);
  std::vector<FrDocument> documents;
  tw::io::read_fr_json(in, name, [&](FrDocument&& d) { documents.push_back(std::move(d)); });
  return documents;
}

std::string error_of(const std::string& text) {
  return tw::test::data_error_of([&] { read_text(text); });
}

} // namespace

TEST_CASE("A Federal Register document becomes an act", "[fr]") {
  const auto documents = read_fixture("2024-09990.json");
  REQUIRE(documents.size() == 1);
  const tw::Act& act = documents[0].act;
  CHECK(act.id == "fr-2024-09990");
  CHECK(act.imposer == jurisdiction("US"));
  CHECK(act.title ==
        "Additions to the Entity List (Rule; Commerce Department, Industry and Security Bureau; effective 2024-05-09)");
  CHECK(act.citation == "89 FR 41886");
  CHECK(act.document_number == "2024-09990");
  CHECK(act.url == "https://www.federalregister.gov/documents/2024/05/09/2024-09990/additions-to-the-entity-list");
  CHECK(act.published == day("2024-05-09"));
  CHECK_FALSE(act.announced.has_value());
  CHECK(act.added.empty());
  CHECK(documents[0].effective_on == day("2024-05-09"));
  CHECK(documents[0].at.to_string() == "2024-09990.json:1");
}

TEST_CASE("Search results give one act per result, with the fields they carry", "[fr]") {
  const auto documents = read_fixture("search-results.json");
  REQUIRE(documents.size() == 2);
  const tw::Act& notice = documents[0].act;
  CHECK(notice.id == "fr-2024-21217");
  CHECK(notice.title.starts_with("Notice of Modification: China's Acts, Policies, and Practices"));
  CHECK(notice.title.ends_with("(Notice; Trade Representative, Office of United States)"));
  CHECK_FALSE(notice.citation.has_value()); // search results carry no volume and page by default
  CHECK(notice.published == day("2024-09-18"));
  CHECK(documents[0].at.to_string() == "search-results.json:6");
  const tw::Act& proclamation = documents[1].act;
  CHECK(proclamation.citation == "90 FR 9817"); // the citation field, when volume and page are not given
  CHECK(proclamation.announced == day("2025-02-10"));
  CHECK(proclamation.title ==
        "Adjusting Imports of Steel Into the United States (Presidential Document; Executive Office of the President)");
}

TEST_CASE("A document's volume and page make its citation; text numbers are read too", "[fr]") {
  const auto documents = read_text(R"({"document_number": "2018-17709", "title": "Notice of Action",
      "volume": "83", "start_page": 40823, "citation": "83 FR 99999", "agencies": [{"raw_name": "USTR"}]})");
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].act.citation == "83 FR 40823");
  CHECK(documents[0].act.title == "Notice of Action (USTR)");
}

TEST_CASE("Malformed Federal Register documents are refused at their line", "[fr]") {
  CHECK(error_of(R"({"title": "No number"})") == "fr.json:1: a document without a document_number");
  CHECK(error_of(R"({"document_number": "2024-1", "title": " "})") == "fr.json:1: a document without a title");
  CHECK(error_of(R"({"document_number": "2024 1", "title": "T"})") ==
        "fr.json:1: document_number \"2024 1\" is not a document number");
  CHECK(error_of("{\"results\": [{\"document_number\": \"2024-1\", \"title\": \"T\"},\n"
                 "{\"document_number\": \"2024-2\", \"title\": \"T\", \"publication_date\": \"09/18/2024\"}]}") ==
        "fr.json:2: publication_date \"09/18/2024\": not a date");
  CHECK(error_of(R"({"document_number": "2024-1", "title": "T", "volume": -89, "start_page": 1})") ==
        "fr.json:1: volume is number, where a positive whole number is expected");
  CHECK(error_of(R"({"document_number": "2024-1", "title": "T", "agencies": "USTR"})") ==
        "fr.json:1: agencies is string, where an array is expected");
  CHECK(error_of(R"({"document_number": 2024, "title": "T"})") ==
        "fr.json:1: document_number is number, where text is expected");
  CHECK(error_of(R"({"results": [7]})") == "fr.json:1: a record is number, not an object");
}
