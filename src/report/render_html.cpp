#include "core/date.hpp"
#include "report/render.hpp"
#include "report/text_width.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace tw::report {

namespace {

// The Okabe–Ito palette, told apart by colour-blind readers; yellow is left out, too pale
// on white. The first series (a total) is black.
constexpr std::array<std::string_view, 7> k_palette{"#000000", "#E69F00", "#0072B2", "#009E73",
                                                    "#D55E00", "#56B4E9", "#CC79A7"};
// Dash patterns beside the colours, so that series differ in print and in grey too.
constexpr std::array<std::string_view, 4> k_dashes{"", "6 3", "2 3", "8 3 2 3"};

constexpr std::string_view k_style =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:#111;background:#fff;margin:2rem auto;max-width:72rem;padding:0 1rem;line-height:1.4}
h1{font-size:1.5rem;margin:0 0 1rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
dl.fields{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;margin:0 0 1.5rem}
dl.fields dt{font-weight:600}
dl.fields dd{margin:0}
table{border-collapse:collapse;margin:0 0 1rem;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.25rem .5rem;vertical-align:top;text-align:left}
th{background:#eee}
td{white-space:nowrap}
td.wrap{white-space:normal;min-width:12rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0 2rem}
figcaption{font-weight:600;margin-bottom:.4rem}
svg{max-width:100%;height:auto;font-size:12px}
p.none{color:#555;font-style:italic}
p.note{border-left:3px solid #0072B2;padding-left:.6rem}
@media print{body{margin:0;max-width:none;font-size:10pt}figure,tr{break-inside:avoid}thead{display:table-header-group}th{background:none}}
)";

// Text as HTML text or attribute value.
std::string escaped(std::string_view text) {
  std::string result;
  for (const char c : text) {
    switch (c) {
    case '&':
      result += "&amp;";
      break;
    case '<':
      result += "&lt;";
      break;
    case '>':
      result += "&gt;";
      break;
    case '"':
      result += "&quot;";
      break;
    case '\'':
      result += "&#39;";
      break;
    case '\r':
      break;
    default:
      result += c;
    }
  }
  return result;
}

// A cell's text: line breaks kept as <br>.
std::string cell_html(std::string_view text) {
  std::string result = escaped(text);
  for (std::size_t at = 0; (at = result.find('\n', at)) != std::string::npos;) {
    result.replace(at, 1, "<br>");
  }
  return result;
}

std::string number(double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (text.ends_with(".0")) {
    text.resize(text.size() - 2);
  }
  return text == "-0" ? "0" : text;
}

// A round step for about five grid lines up to `top`: 1, 2, 2.5 or 5 times a power of ten.
double tick_step(double top) {
  const double rough = top / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (factor * magnitude >= rough) {
      return factor * magnitude;
    }
  }
  return 10 * magnitude;
}

// Dates for the time axis of [first, last] (days since 1970): every 1st of January, or of
// every few months when the span is short; labelled by year or year-month.
std::vector<std::pair<double, std::string>> time_ticks(double first, double last) {
  const Date start = Date::from_days(static_cast<std::int32_t>(std::floor(first)));
  const Date end = Date::from_days(static_cast<std::int32_t>(std::ceil(last)));
  const int first_year = std::stoi(start.to_string().substr(0, 4));
  const int last_year = std::stoi(end.to_string().substr(0, 4));
  std::vector<std::pair<double, std::string>> ticks;
  const int years = last_year - first_year;
  if (years >= 2) {
    const int every = years > 12 ? 2 : 1;
    for (int year = first_year + 1; year <= last_year; year += every) {
      const Date day = Date::parse(fmt::format("{}-01-01", year)).value();
      ticks.emplace_back(day.days_since_epoch(), std::to_string(year));
    }
    return ticks;
  }
  const int months = years * 12 + 12;
  const int every = months > 18 ? 3 : 1;
  for (int year = first_year; year <= last_year; ++year) {
    for (int month = 1; month <= 12; month += every) {
      const Date day = Date::parse(fmt::format("{}-{:02}-01", year, month)).value();
      if (day.days_since_epoch() > first && day.days_since_epoch() <= last) {
        ticks.emplace_back(day.days_since_epoch(), fmt::format("{}-{:02}", year, month));
      }
    }
  }
  return ticks;
}

void write_step_chart(const Chart& chart, std::ostream& out) {
  constexpr double width = 760;
  constexpr double left = 56;
  constexpr double right = 24;
  constexpr double top = 24;
  constexpr double plot_height = 240;
  constexpr double legend_row = 20;
  double x_min = chart.series.front().points.front().x;
  double x_max = x_min;
  double y_max = 0;
  for (const auto& series : chart.series) {
    for (const auto& point : series.points) {
      x_min = std::min(x_min, point.x);
      x_max = std::max(x_max, point.x);
      y_max = std::max(y_max, point.y);
    }
  }
  const double step = tick_step(y_max > 0 ? y_max : 1);
  const double y_top = std::ceil((y_max > 0 ? y_max : 1) / step) * step;
  const double x_span = x_max > x_min ? x_max - x_min : 1;
  const double plot_width = width - left - right;
  auto px = [&](double x) { return left + (x - x_min) / x_span * plot_width; };
  auto py = [&](double y) { return top + plot_height - y / y_top * plot_height; };
  const double axis_bottom = top + plot_height;
  const double height = axis_bottom + 40 + legend_row * static_cast<double>(chart.series.size());

  out << fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"step-chart\" viewBox=\"0 0 {} {}\" "
                     "width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">\n",
                     number(width), number(height), number(width), number(height), escaped(chart.title));
  // Grid and percentage axis.
  for (double y = 0; y <= y_top + step / 2; y += step) {
    out << fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"1\"/>\n",
                       number(left), number(py(y)), number(width - right), y == 0 ? "#333" : "#ddd");
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#333\">{}%</text>\n", number(left - 6),
                       number(py(y) + 4), number(y));
  }
  out << fmt::format("<text x=\"12\" y=\"{0}\" transform=\"rotate(-90 12 {0})\" text-anchor=\"middle\" "
                     "fill=\"#333\">{1}</text>\n",
                     number(top + plot_height / 2), escaped(chart.y_axis));
  // Time axis.
  for (const auto& [x, label] : time_ticks(x_min, x_max)) {
    out << fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\" stroke-width=\"1\"/>\n",
                       number(px(x)), number(axis_bottom), number(axis_bottom + 5));
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#333\">{}</text>\n", number(px(x)),
                       number(axis_bottom + 18), escaped(label));
  }
  // Series, the first (the total) drawn last so that it lies on top.
  for (std::size_t s = chart.series.size(); s-- > 0;) {
    const auto& series = chart.series[s];
    std::string path;
    for (std::size_t i = 0; i < series.points.size(); ++i) {
      const auto& point = series.points[i];
      if (i == 0) {
        path = fmt::format("M{} {}", number(px(point.x)), number(py(point.y)));
      } else {
        // Hold the previous value until this point, then step to this one.
        path += fmt::format(" H{} V{}", number(px(point.x)), number(py(point.y)));
      }
    }
    const std::string_view dash = k_dashes[s % k_dashes.size()];
    out << fmt::format("<path class=\"series\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}>"
                       "<title>{}</title></path>\n",
                       path, k_palette[s % k_palette.size()], s == 0 ? "3" : "2",
                       dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", dash), escaped(series.name));
  }
  // Each step of the first series, marked and labelled with its date and value where there is
  // room; a white halo keeps a label legible where later steps' lines cross it.
  const auto& first = chart.series.front().points;
  double last_label_x = -1e9;
  for (std::size_t i = 0; i + 1 < first.size(); ++i) {
    const auto& point = first[i];
    const double x = px(point.x);
    const double y = py(point.y);
    out << fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#000\"><title>{}: {}</title></circle>\n",
                       number(x), number(y), escaped(point.x_label), escaped(point.y_label));
    if (x - last_label_x >= 64) {
      out << fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\" font-weight=\"600\" fill=\"#000\" stroke=\"#fff\" "
                         "stroke-width=\"3\" paint-order=\"stroke\">{}</text>\n",
                         number(x + 4), number(y - 6), escaped(point.y_label));
      last_label_x = x;
    }
  }
  // Legend.
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const double y = axis_bottom + 40 + legend_row * static_cast<double>(s);
    const std::string_view dash = k_dashes[s % k_dashes.size()];
    out << fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>\n",
                       number(left), number(y - 4), number(left + 28), number(y - 4), k_palette[s % k_palette.size()],
                       s == 0 ? "3" : "2", dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", dash));
    out << fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#111\">{}</text>\n", number(left + 36), number(y),
                       escaped(chart.series[s].name));
  }
  out << "</svg>\n";
}

void write_bar_chart(const Chart& chart, std::ostream& out) {
  constexpr double width = 760;
  constexpr double label_width = 340;
  constexpr std::size_t label_columns = 54; // what fits left of the bars at 12px
  constexpr double value_width = 70;
  constexpr double bar = 18;
  constexpr double gap = 10;
  constexpr double legend_row = 20;
  const std::size_t categories = chart.series.front().points.size();
  const std::size_t per_category = chart.series.size();
  double y_max = 0;
  for (const auto& series : chart.series) {
    for (const auto& point : series.points) {
      y_max = std::max(y_max, point.y);
    }
  }
  const double bar_room = width - label_width - value_width;
  const double block = bar * static_cast<double>(per_category) + gap;
  const double legend = per_category > 1 ? legend_row * static_cast<double>(per_category) + 8 : 0;
  const double height = block * static_cast<double>(categories) + legend + 4;
  out << fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" viewBox=\"0 0 {} {}\" "
                     "width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">\n",
                     number(width), number(height), number(width), number(height), escaped(chart.title));
  // One series alone is drawn in blue; several take the palette after black.
  auto colour = [&](std::size_t s) { return k_palette[per_category == 1 ? 2 : 1 + s % (k_palette.size() - 1)]; };
  for (std::size_t i = 0; i < categories; ++i) {
    const double top = 4 + block * static_cast<double>(i);
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#111\">{}</text>\n", number(label_width - 8),
                       number(top + bar * static_cast<double>(per_category) / 2 + 4),
                       escaped(truncate_to_width(chart.series.front().points[i].x_label, label_columns)));
    for (std::size_t s = 0; s < per_category; ++s) {
      if (i >= chart.series[s].points.size()) {
        continue;
      }
      const auto& point = chart.series[s].points[i];
      const double y = top + bar * static_cast<double>(s);
      const double length = y_max > 0 ? point.y / y_max * bar_room : 0;
      out << fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">"
                         "<title>{}{}: {}</title></rect>\n",
                         number(label_width), number(y + 1), number(length), number(bar - 3), colour(s),
                         escaped(point.x_label), per_category > 1 ? ", " + escaped(chart.series[s].name) : "",
                         escaped(point.y_label));
      out << fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#111\">{}</text>\n", number(label_width + length + 6),
                         number(y + bar - 5), escaped(point.y_label));
    }
  }
  if (per_category > 1) {
    for (std::size_t s = 0; s < per_category; ++s) {
      const double y = block * static_cast<double>(categories) + 8 + legend_row * static_cast<double>(s);
      out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/>\n", number(label_width),
                         number(y), colour(s));
      out << fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#111\">{}</text>\n", number(label_width + 20), number(y + 12),
                         escaped(chart.series[s].name));
    }
  }
  out << "</svg>\n";
}

void write_chart(const Chart& chart, std::ostream& out) {
  if (chart.series.empty() || chart.series.front().points.empty()) {
    return;
  }
  out << "<figure>\n<figcaption>" << escaped(chart.title) << "</figcaption>\n";
  if (chart.kind == ChartKind::step) {
    write_step_chart(chart, out);
  } else {
    write_bar_chart(chart, out);
  }
  out << "</figure>\n";
}

void write_rows(const Table& table, std::size_t begin, std::size_t end, std::ostream& out) {
  const std::vector<std::size_t> shown = table.shown_columns();
  // Free text may wrap; codes, dates and rates stay on one line.
  auto cell_class = [&](std::size_t c) {
    return table.columns[c].align == Align::right ? " class=\"num\""
           : table.columns[c].elastic             ? " class=\"wrap\""
                                                  : "";
  };
  out << "<table>\n<thead><tr>";
  for (const std::size_t c : shown) {
    out << "<th" << cell_class(c) << ">" << escaped(table.columns[c].header) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t r = begin; r < end; ++r) {
    out << "<tr>";
    for (const std::size_t c : shown) {
      out << "<td" << cell_class(c) << ">" << cell_html(table.rows[r][c].text) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

} // namespace

void render_html(const Report& report, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
      << escaped(report.title.empty() ? "tradewatch" : report.title) << "</title>\n<style>\n"
      << k_style << "</style>\n</head>\n<body>\n";
  if (!report.title.empty()) {
    out << "<h1>" << escaped(report.title) << "</h1>\n";
  }
  const bool any_field =
      std::ranges::any_of(report.fields, [](const Field& field) { return !field.value.text.empty(); });
  if (any_field) {
    out << "<dl class=\"fields\">\n";
    for (const auto& field : report.fields) {
      if (!field.value.text.empty()) {
        out << "<dt>" << escaped(field.label) << "</dt><dd>" << cell_html(field.value.text) << "</dd>\n";
      }
    }
    out << "</dl>\n";
  }
  for (const auto& chart : report.charts) {
    write_chart(chart, out);
  }
  for (const auto& table : report.tables) {
    if (table.rows.empty() && table.hide_when_empty) {
      continue;
    }
    out << "<section>\n";
    if (!table.title.empty()) {
      out << "<h2>" << escaped(table.title) << "</h2>\n";
    }
    if (table.rows.empty()) {
      out << "<p class=\"none\">(none)</p>\n";
    }
    for (const auto& group : table.row_groups()) {
      if (table.group_columns > 0) {
        out << "<h3>" << escaped(group.name) << "</h3>\n";
      }
      write_rows(table, group.begin, group.end, out);
    }
    out << "</section>\n";
  }
  for (const auto& note : report.notes) {
    out << "<p class=\"note\">" << cell_html(note) << "</p>\n";
  }
  out << "</body>\n</html>\n";
}

} // namespace tw::report
