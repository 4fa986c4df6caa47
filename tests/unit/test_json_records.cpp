#include "io/json_records.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using tw::Error;
using tw::ExitCode;

namespace {

std::vector<std::string> records_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> seen;
  tw::io::read_json_records(in, "t.json", "results",
                            [&](const nlohmann::json& record, const tw::io::SourcePosition& at) {
                              seen.push_back(std::to_string(at.line) + " " + record.dump());
                            });
  return seen;
}

std::string error_of(const std::string& text) {
  return tw::test::data_error_of([&] { records_of(text); });
}

} // namespace

TEST_CASE("read_json_records reads an array, an object holding the records, or one object", "[io]") {
  using Seen = std::vector<std::string>;
  CHECK(records_of("[{\"a\":1},\n {\"b\":[1,{\"c\":null}]}]") == Seen{"1 {\"a\":1}", "2 {\"b\":[1,{\"c\":null}]}"});
  CHECK(records_of("{\"count\": 2, \"sources\": [\"x\"],\n \"results\": [\n{\"a\":1},\n{\"b\":{\"c\":[]}}],\n"
                   " \"next\": null}") == Seen{"3 {\"a\":1}", "4 {\"b\":{\"c\":[]}}"});
  CHECK(records_of("\xEF\xBB\xBF\n{\"document_number\": \"2024-1\",\n \"agencies\": [{\"name\": \"USTR\"}]}") ==
        Seen{"2 {\"agencies\":[{\"name\":\"USTR\"}],\"document_number\":\"2024-1\"}"});
  CHECK(records_of("{\"results\": []}").empty());
  CHECK(records_of("[]").empty());
}

TEST_CASE("read_json_records refuses what holds no records", "[io]") {
  CHECK(error_of("[{\"a\":1},\n[2]]") == "t.json:2: a record is array, not an object");
  CHECK(error_of("{\"results\": [\"x\"]}") == "t.json:1: a record is string, not an object");
  CHECK(error_of("name,hs\n") == "t.json:1:1: not JSON: the file starts with neither [ nor {");
  CHECK(error_of("[{\"a\":1},\n{\"a\" 1}]").starts_with("t.json:2:6: invalid JSON: syntax error"));
  // NDJSON is not one of these shapes.
  CHECK(error_of("{\"a\":1}\n{\"a\":2}\n").starts_with("t.json:2:1: invalid JSON: syntax error"));
}
