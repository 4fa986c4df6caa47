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

namespace {

Report html_report() {
  Report report;
  report.title = "Duties <US> & \"CN\"";
  report.fields = {{"hs", "product", Cell::of("8703.80")}, {"empty", "left out", Cell::of("")}};
  Table table{"lines", "Lines & layers", {{"name", "name"}, {"rate", "rate", Align::right}}, {}, 0};
  table.rows.push_back({Cell::of("本源量子 <Co>, 'Ltd'"), Cell::of("25%")});
  table.rows.push_back({Cell::of("line\nbreak & more"), Cell::of("")});
  report.tables.push_back(std::move(table));
  report.notes.push_back("a <note>");
  return report;
}

std::string body_of(const std::string& page) { return page.substr(page.find("<body>")); }

} // namespace

TEST_CASE("HTML escapes markup and quotes and keeps line breaks", "[html]") {
  const std::string page = rendered(html_report(), Format::html);
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
  CHECK(page.find("<title>Duties &lt;US&gt; &amp; &quot;CN&quot;</title>") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("http://") == page.find("http://www.w3.org")); // nothing fetched
  CHECK(body_of(page) == "<body>\n"
                         "<h1>Duties &lt;US&gt; &amp; &quot;CN&quot;</h1>\n"
                         "<dl class=\"fields\">\n"
                         "<dt>product</dt><dd>8703.80</dd>\n"
                         "</dl>\n"
                         "<section>\n"
                         "<h2>Lines &amp; layers</h2>\n"
                         "<table>\n"
                         "<thead><tr><th>name</th><th class=\"num\">rate</th></tr></thead>\n"
                         "<tbody>\n"
                         "<tr><td>本源量子 &lt;Co&gt;, &#39;Ltd&#39;</td><td class=\"num\">25%</td></tr>\n"
                         "<tr><td>line<br>break &amp; more</td><td class=\"num\"></td></tr>\n"
                         "</tbody>\n"
                         "</table>\n"
                         "</section>\n"
                         "<p class=\"note\">a &lt;note&gt;</p>\n"
                         "</body>\n"
                         "</html>\n");
}

namespace {

Report charted_report() {
  Report report = names_report();
  Chart chart{"Duty <total>", ChartKind::step, "% ad valorem", {}};
  chart.series.push_back(
      {"total", {{0, 25, "2020-01-01", "25%"}, {100, 100, "2020-04-10", "100%"}, {200, 100, "2020-07-19", "100%"}}});
  chart.series.push_back({"Section 301 & co", {{0, 25, "2020-01-01", "25%"}, {200, 25, "2020-07-19", "25%"}}});
  report.charts.push_back(chart);
  return report;
}

} // namespace

TEST_CASE("only HTML draws charts; the other formats are as without them", "[html]") {
  for (const auto format : {Format::text, Format::md, Format::csv, Format::json}) {
    CHECK(rendered(charted_report(), format) == rendered(names_report(), format));
  }
}

TEST_CASE("HTML draws a step chart as SVG scaled to the points", "[html]") {
  const std::string page = rendered(charted_report(), Format::html);
  // 0..200 days over x 56..736, 0..100% over y 264..24.
  CHECK(page.find("<figcaption>Duty &lt;total&gt;</figcaption>") != std::string::npos);
  CHECK(page.find("<path class=\"series\" d=\"M56 204 H396 V24 H736 V24\" fill=\"none\" stroke=\"#000000\" "
                  "stroke-width=\"3\"><title>total</title></path>") != std::string::npos);
  CHECK(page.find("<path class=\"series\" d=\"M56 204 H736 V204\" fill=\"none\" stroke=\"#E69F00\" "
                  "stroke-width=\"2\" stroke-dasharray=\"6 3\"><title>Section 301 &amp; co</title></path>") !=
        std::string::npos);
  CHECK(page.find(">100%</text>") != std::string::npos);
  CHECK(page.find(">Section 301 &amp; co</text>") != std::string::npos);
}

TEST_CASE("HTML draws grouped bars with their values", "[html]") {
  Report report;
  Chart chart{"Rates",
              ChartKind::bars,
              "%",
              {{"old", {{0, 25, "CN 8703.80", "25%"}}}, {"new", {{0, 100, "CN 8703.80", "100%"}}}}};
  report.charts.push_back(chart);
  const std::string page = rendered(report, Format::html);
  // The longest bar fills the 350 pixels between the labels and the values.
  CHECK(page.find("<rect class=\"bar\" x=\"340\" y=\"5\" width=\"87.5\" height=\"15\" fill=\"#E69F00\">"
                  "<title>CN 8703.80, old: 25%</title></rect>") != std::string::npos);
  CHECK(page.find("<rect class=\"bar\" x=\"340\" y=\"23\" width=\"350\" height=\"15\" fill=\"#0072B2\">"
                  "<title>CN 8703.80, new: 100%</title></rect>") != std::string::npos);
}
