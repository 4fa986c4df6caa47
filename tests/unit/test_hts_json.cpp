#include "io/hts_json.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using tw::Error;
using tw::ExitCode;
using tw::io::HtsLine;
using tw::io::HtsReadResult;
using tw::test::code;
using tw::test::rate;

namespace {

struct Read {
  std::vector<HtsLine> lines;
  HtsReadResult result;
};

Read read_stream(std::istream& in, const std::string& file_name) {
  Read read;
  read.result = tw::io::read_hts_json(in, file_name, [&](HtsLine&& line) { read.lines.push_back(std::move(line)); });
  return read;
}

Read read_text(const std::string& text) {
  std::istringstream in(text);
  return read_stream(in, "hts.json");
}

// One row as the export writes it; `extra` is more JSON members, with a leading comma.
std::string row(const std::string& htsno, int indent, const std::string& general, const std::string& extra = "") {
  return "{\"htsno\": \"" + htsno + "\", \"indent\": \"" + std::to_string(indent) +
         "\", \"description\": \"d\", \"superior\": null, \"units\": [], \"general\": \"" + general +
         "\", \"special\": \"\", \"other\": \"\", \"footnotes\": [], \"quotaQuantity\": null, "
         "\"additionalDuties\": null" +
         extra + "}";
}

std::string rows(const std::vector<std::string>& each) {
  std::string text = "[";
  for (std::size_t i = 0; i < each.size(); ++i) {
    text += (i == 0 ? "\n" : ",\n") + each[i];
  }
  return text + "\n]";
}

std::string describe(const HtsLine& line) {
  return line.hs.digits() + " " + line.rate.to_string() + (line.inherited ? " inherited" : "") +
         (line.note ? " [" + *line.note + "]" : "");
}

std::vector<std::string> described(const Read& read) {
  std::vector<std::string> lines;
  for (const auto& line : read.lines) {
    lines.push_back(describe(line));
  }
  return lines;
}

std::string error_of(const std::string& text) {
  return tw::test::data_error_of([&] { read_text(text); });
}

} // namespace

TEST_CASE("parse_hts_rate reads the HTS's rate texts", "[hts]") {
  auto text_of = [](std::string_view text) {
    const auto parsed = tw::io::parse_hts_rate(text);
    return parsed ? parsed->to_string() : "error: " + parsed.error().message;
  };
  CHECK(text_of("Free") == "Free");
  CHECK(text_of("6.8%") == "6.8%");
  CHECK(text_of("2.4¢/kg + 5%") == "2.4¢/kg + 5%");
  CHECK(text_of("$1.035/kg") == "$1.035/kg");
  CHECK(text_of("4.4¢/kg + 6%") == "4.4¢/kg + 6%");
  CHECK(text_of("$1.05/doz. prs. + 3%") == "$1.05/doz. prs. + 3%");
  CHECK(text_of("19.8¢/liter") == "19.8¢/liter");
  // Normalised: no-break and repeated spaces, a trailing footnote marker.
  CHECK(text_of("2.4\xC2\xA0¢/kg  +\t5%") == "2.4¢/kg + 5%");
  CHECK(text_of(" 6.8% 1/") == "6.8%");
  CHECK(text_of("Free1/") == "Free");
  // What the structured rate cannot hold is an error, not a guess.
  CHECK(text_of("33.87¢/kg less 0.5161¢/kg for each degree under 100 degrees").starts_with("error: "));
  CHECK(text_of("The duty provided in the applicable subheading + 7.5%").starts_with("error: "));
  CHECK(text_of("1/").starts_with("error: "));
}

TEST_CASE("read_hts_json loads general rates and lets statistical suffixes inherit them", "[hts]") {
  const std::string see_9903_88_15 =
      R"(, "footnotes": [{"columns": ["general"], "marker": "1", "value": "See 9903.88.15.", "type": "endnote"}])";
  const Read read = read_text(rows({
      row("0603", 0, ""),
      row("", 1, ""),
      row("0603.11.00", 2, "6.8%"),
      row("0603.11.00.10", 3, ""),                 // covered by its parent's line
      row("0603.11.00.30", 3, "", see_9903_88_15), // its own chapter 99 footnote: a line of its own
      row("0603.11.00.60", 3, "Free"),             // its own rate
      row("0603.12", 1, ""),
  }));
  CHECK(described(read) ==
        std::vector<std::string>{"06031100 6.8%", "0603110030 6.8% inherited [See 9903.88.15.]", "0603110060 Free"});
  CHECK(read.lines[1].chapter == "06");
  CHECK(read.lines[1].at.to_string() == "hts.json:6");
  CHECK(read.result.rows == 7);
  CHECK(read.result.unread.empty());
}

TEST_CASE("read_hts_json takes a rate given on a row of text down to the numbered rows under it", "[hts]") {
  // No parent line covers these codes, so each inheriting row is a line.
  const Read read = read_text(rows({row("2009", 0, ""), row("", 1, "Free"), row("2009.11.00", 2, ""),
                                    row("2009.12.00", 2, ""), row("2010", 0, ""), row("2010.10.00", 1, "")}));
  CHECK(described(read) == std::vector<std::string>{"20091100 Free inherited", "20091200 Free inherited"});
}

TEST_CASE("read_hts_json keeps only footnotes on the general column that name chapter 99", "[hts]") {
  const Read read =
      read_text(rows({row("8703.80.00", 1, "2.5%",
                          R"(, "footnotes": [{"columns": ["general"], "value": "See 9903.91.03.", "type": "endnote"},
                         {"columns": ["units"], "value": "See 9903.01.25.", "type": "endnote"},
                         {"columns": ["general"], "value": "See statistical note 2.", "type": "footnote"},
                         {"columns": ["general", "other"], "value": "See 9903.88.15.", "type": "endnote"}])")}));
  CHECK(described(read) == std::vector<std::string>{"87038000 2.5% [See 9903.91.03. See 9903.88.15.]"});
}

TEST_CASE("read_hts_json reports unreadable rates with their rows and skips chapter 99", "[hts]") {
  const Read read = read_text(rows({
      row("1701.91.48", 2, "33.87¢/kg less 0.5161¢/kg for each degree"),
      row("1701.91.48.00", 3, "",
          R"(, "footnotes": [{"columns": ["general"], "value": "See 9903.88.03.", "type": "endnote"}])"),
      row("1704.90.10", 1, "2.4¢/kg + 5%"),
      row("9903.88.15", 1, "The duty provided in the applicable subheading + 7.5%"),
      row("9903.88.16", 1, "25%"),
  }));
  CHECK(described(read) == std::vector<std::string>{"17049010 2.4¢/kg + 5%"});
  CHECK(read.result.chapter_99_rows == 2);
  REQUIRE(read.result.unread.size() == 2);
  CHECK(read.result.unread[0].hts == "1701.91.48");
  CHECK(read.result.unread[0].text == "33.87¢/kg less 0.5161¢/kg for each degree");
  CHECK(read.result.unread[0].reason == "unexpected character in a unit");
  CHECK(read.result.unread[0].at.to_string() == "hts.json:2");
  CHECK(read.result.unread[1].hts == "1701.91.48.00");
  CHECK(read.result.unread[1].reason == "inherited from a parent: unexpected character in a unit");
}

TEST_CASE("read_hts_json accepts indents as numbers and missing optional fields", "[hts]") {
  const Read read = read_text(R"([{"htsno": "0101.21.00", "indent": 2, "general": "Free"},
                                  {"htsno": "0101.29.00", "indent": "2", "general": null}])");
  CHECK(described(read) == std::vector<std::string>{"01012100 Free"});
}

TEST_CASE("read_hts_json refuses malformed rows at their line", "[hts]") {
  CHECK(error_of(rows({row("0101.21.00", 2, "Free"), row("0101.2X.00", 2, "Free")})) ==
        "hts.json:3: htsno \"0101.2X.00\": a product code holds only digits");
  CHECK(error_of(rows({row("01", 0, "")})) == "hts.json:2: htsno \"01\": an HTS number has at least 4 digits");
  CHECK(error_of(rows({row("0101.21.00", 2, "Free"), row("0101.21.00", 2, "Free")})) ==
        "hts.json:3: htsno 0101.21.00 appears twice");
  CHECK(error_of(R"([{"htsno": "0101.21.00", "general": "Free"}])") == "hts.json:1: a row without an indent");
  CHECK(error_of(R"([{"htsno": "0101.21.00", "indent": "two", "general": "Free"}])") ==
        "hts.json:1: indent \"two\" is not a level (0, 1, 2, …)");
  CHECK(error_of(R"([{"htsno": "0101.21.00", "indent": "1", "general": 5}])") ==
        "hts.json:1: general is number, where text is expected");
  CHECK(error_of(R"([{"htsno": "0101.21.00", "indent": "1", "general": "5%", "footnotes": "See 9903"}])") ==
        "hts.json:1: footnotes is string, where an array is expected");
  CHECK(error_of("[{\"htsno\": \"0101.21.00\", \"indent\": \"1\",\n \"general\": \"5%\"") ==
        "hts.json:2:17: invalid JSON: syntax error while parsing object - unexpected end of input; expected '}'");
}

TEST_CASE("The HTS fixture", "[hts]") {
  std::ifstream in(std::string(TW_TEST_DATA_DIR) + "/hts/schedule.json", std::ios::binary);
  REQUIRE(in);
  const Read read = read_stream(in, "schedule.json");
  CHECK(described(read) == std::vector<std::string>{
                               "04021005 3.3¢/kg",
                               "06031100 6.8% [See 9903.88.15.]",
                               "0603110030 6.8% inherited [See 9903.88.15.]",
                               "17049010 2.4¢/kg + 5%",
                               "22042120 19.8¢/liter",
                               "24021030 $1.035/kg + 5.7%",
                               "24022080 $1.05/kg + 2.3%",
                               "61161008 $1.05/doz. prs. + 3%",
                               "87038000 2.5% [See 9903.91.03.]",
                           });
  CHECK(read.result.rows == 26);
  CHECK(read.result.chapter_99_rows == 1);
  REQUIRE(read.result.unread.size() == 2);
  CHECK(read.result.unread[0].hts == "1701.91.48");
  CHECK(read.result.unread[1].hts == "1701.91.48.00");
  CHECK(read.lines[0].rate == rate("3.3¢/kg"));
  CHECK(read.lines[0].hs == code("0402.10.05"));
}
