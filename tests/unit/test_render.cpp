#include "report/render.hpp"
#include "report/text_width.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace tw::report;

namespace {

Report names_report() {
  Report report;
  report.title = "Entities";
  Table table{"entities", "", {{"name", "name"}, {"country", "country"}}, {}, 0};
  table.rows.push_back({Cell::of("本源量子计算科技"), Cell::of("CN")});
  table.rows.push_back({Cell::of("Zürich \"AG\", | Co"), Cell::of("CH")});
  table.rows.push_back({Cell::of("line\nbreak"), Cell::of("")});
  report.tables.push_back(std::move(table));
  return report;
}

std::string rendered(const Report& report, Format format, std::size_t width = 0) {
  std::ostringstream out;
  render(report, format, RenderOptions{width, false}, out);
  return out.str();
}

} // namespace

TEST_CASE("display_width counts wide characters twice and marks not at all") {
  CHECK(display_width("GEOVIS") == 6);
  CHECK(display_width("本源量子") == 8);
  CHECK(display_width("Zu\xCC\x88rich") == 6); // u + combining diaeresis
  CHECK(truncate_to_width("本源量子计算", 7) == "本源量…");
  CHECK(truncate_to_width("GEOVIS", 6) == "GEOVIS");
}

TEST_CASE("text tables align Chinese names by display width and keep a row on one line") {
  CHECK(rendered(names_report(), Format::text) == "Entities\n"
                                                  "\n"
                                                  "name               country\n"
                                                  "本源量子计算科技   CN\n"
                                                  "Zürich \"AG\", | Co  CH\n"
                                                  "line break\n");
}

TEST_CASE("CSV quotes commas, quotes and line breaks") {
  CHECK(rendered(names_report(), Format::csv) == "name,country\r\n"
                                                 "本源量子计算科技,CN\r\n"
                                                 "\"Zürich \"\"AG\"\", | Co\",CH\r\n"
                                                 "\"line\nbreak\",\r\n");
}

TEST_CASE("Markdown escapes pipes and line breaks") {
  CHECK(rendered(names_report(), Format::md) == "## Entities\n\n"
                                                "| name | country |\n"
                                                "|---|---|\n"
                                                "| 本源量子计算科技 | CN |\n"
                                                "| Zürich \"AG\", \\| Co | CH |\n"
                                                "| line<br>break |  |\n\n");
}

TEST_CASE("JSON gives absent values as null") {
  CHECK(rendered(names_report(), Format::json) == "{\n"
                                                  "  \"entities\": [\n"
                                                  "    {\n"
                                                  "      \"name\": \"本源量子计算科技\",\n"
                                                  "      \"country\": \"CN\"\n"
                                                  "    },\n"
                                                  "    {\n"
                                                  "      \"name\": \"Zürich \\\"AG\\\", | Co\",\n"
                                                  "      \"country\": \"CH\"\n"
                                                  "    },\n"
                                                  "    {\n"
                                                  "      \"name\": \"line\\nbreak\",\n"
                                                  "      \"country\": null\n"
                                                  "    }\n"
                                                  "  ]\n"
                                                  "}\n");
}

TEST_CASE("text output shortens only elastic columns to the width") {
  Report report;
  Table table{"t", "", {{"id", "id"}, {"note", "note", Align::left, false, true}}, {}, 0};
  table.rows.push_back({Cell::of("us-301-cn-ev"), Cell::of("a long note that does not fit")});
  report.tables.push_back(std::move(table));
  CHECK(rendered(report, Format::text, 30) == "id            note\n"
                                              "us-301-cn-ev  a long note tha\xE2\x80\xA6\n");
}
