#include "io/csv.hpp"
#include "io/json_objects.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using tw::Error;
using tw::ExitCode;
using tw::io::CsvReader;
using tw::io::CsvRecord;
using tw::io::CsvTable;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in, "t.csv");
  std::vector<std::vector<std::string>> records;
  CsvRecord record;
  while (reader.next(record)) {
    records.push_back(record.fields);
  }
  return records;
}

} // namespace

TEST_CASE("CsvReader reads RFC 4180 records", "[io]") {
  using Records = std::vector<std::vector<std::string>>;
  CHECK(read_all("a,b\n1,2\n") == Records{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b\r\n1,2\r\n") == Records{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b\n1,2") == Records{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("\"x, y\",\"say \"\"hi\"\"\"\n") == Records{{"x, y", "say \"hi\""}});
  CHECK(read_all("\"two\nlines\",z\n") == Records{{"two\nlines", "z"}});
  CHECK(read_all("a,,\n") == Records{{"a", "", ""}});
  CHECK(read_all("\n\na\n\n") == Records{{"a"}});
  CHECK(read_all("\xEF\xBB\xBFname\nGEOVIS\n") == Records{{"name"}, {"GEOVIS"}});
  CHECK(read_all("本源量子,x\n") == Records{{"本源量子", "x"}});
}

TEST_CASE("CsvReader says where each record and field starts", "[io]") {
  std::istringstream in("a,bb\n\"multi\nline\",c\nd,e\n");
  CsvReader reader(in, "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.position(1).to_string() == "t.csv:1:3");
  REQUIRE(reader.next(record));
  CHECK(record.line == 2);
  CHECK(record.position(1).to_string() == "t.csv:3:7");
  REQUIRE(reader.next(record));
  CHECK(record.line == 4);
}

TEST_CASE("CsvReader refuses malformed quoting at its line and column", "[io]") {
  CHECK(tw::test::data_error_of([] { read_all("a,b\nx,y\"z\n"); }) == "t.csv:2:4: a quote inside an unquoted field");
  CHECK(tw::test::data_error_of([] { read_all("a\n\"ab\"c\n"); }) ==
        "t.csv:2:5: text after the closing quote of a field");
  CHECK(tw::test::data_error_of([] { read_all("a\nx,\"open\n"); }) ==
        "t.csv:2:3: a quoted field is not closed before the end of the file");
}

TEST_CASE("CsvTable maps columns by name and checks every row's width", "[io]") {
  std::istringstream in("measure,hs\nev,8703.80\nbad\n");
  CsvTable table(in, "t.csv");
  CHECK(table.column("hs") == 1);
  CHECK_FALSE(table.column("rate").has_value());
  CsvRecord record;
  REQUIRE(table.next(record));
  CHECK(record.fields[1] == "8703.80");
  CHECK(tw::test::data_error_of([&] { table.next(record); }) == "t.csv:3: 1 fields where the header names 2");

  std::istringstream twice("a,b,a\n");
  CHECK(tw::test::data_error_of([&] { CsvTable repeated(twice, "t.csv"); }) == "t.csv:1:5: column \"a\" appears twice");
  std::istringstream empty("");
  CHECK(tw::test::data_error_of([&] { CsvTable none(empty, "t.csv"); }) ==
        "t.csv:1: the file is empty; the first line must name the columns");
}

TEST_CASE("write_csv_record quotes only what needs it", "[io]") {
  std::ostringstream out;
  tw::io::write_csv_record(out, {"plain", "a,b", "say \"hi\"", " edge", "two\nlines", ""});
  CHECK(out.str() == "plain,\"a,b\",\"say \"\"hi\"\"\",\" edge\",\"two\nlines\",\r\n");
  // What is written reads back the same.
  CHECK(read_all(out.str()) ==
        std::vector<std::vector<std::string>>{{"plain", "a,b", "say \"hi\"", " edge", "two\nlines", ""}});
}

namespace {

std::vector<std::string> objects_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> seen;
  tw::io::read_json_objects(in, "t.json", [&](const nlohmann::json& object, const tw::io::SourcePosition& at) {
    seen.push_back(std::to_string(at.line) + " " + object.dump());
  });
  return seen;
}

} // namespace

TEST_CASE("read_json_objects reads arrays of objects and NDJSON, one object at a time", "[io]") {
  using Seen = std::vector<std::string>;
  CHECK(objects_of("[{\"a\":1},\n {\"b\":[1,{\"c\":null}]}]") == Seen{"1 {\"a\":1}", "2 {\"b\":[1,{\"c\":null}]}"});
  CHECK(objects_of("[]").empty());
  CHECK(objects_of("\n{\"a\":\"x\"}\n\n{\"b\":true}\n") == Seen{"2 {\"a\":\"x\"}", "4 {\"b\":true}"});
  CHECK(objects_of("\xEF\xBB\xBF[{\"name\":\"本源量子\"}]") == Seen{"1 {\"name\":\"本源量子\"}"});
}

TEST_CASE("read_json_objects refuses what is not an array of objects, at its line", "[io]") {
  CHECK(tw::test::data_error_of([] { objects_of("[{\"a\":1},\n2]"); }) ==
        "t.json:2: an array element is number, not an object");
  CHECK(tw::test::data_error_of([] { objects_of("{\"a\":1}\n[1]\n"); }) ==
        "t.json:2:1: the line holds array, not an object");
  CHECK(tw::test::data_error_of([] { objects_of("{\"a\":1}\n{\"a\":\n"); }).starts_with("t.json:2:"));
  CHECK(tw::test::data_error_of([] { objects_of("[{\"a\":1},\n{\"a\" 1}]"); }).starts_with("t.json:2: invalid JSON:"));
  CHECK(tw::test::data_error_of([] { objects_of("name,hs\n"); }) ==
        "t.json:1:1: not JSON: the file starts with neither [ nor {");
}
