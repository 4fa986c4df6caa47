#include "report/timeline_report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tw::report {

namespace {

std::vector<const query::Layer*> charged_layers(const query::TimelineStep& step) {
  std::vector<const query::Layer*> layers;
  for (const auto& layer : step.stacked.layers) {
    if (layer.applied) {
      layers.push_back(&layer);
    }
  }
  return layers;
}

// "MFN 2.5% + Section 301 100%"; in JSON, the layers by authority, measure and rate.
Cell layers_cell(const query::TimelineStep& step) {
  std::string text;
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const auto* layer : charged_layers(step)) {
    const auto& [line, measure] = layer->source;
    text += fmt::format("{}{} {}", text.empty() ? "" : " + ", measure.authority, line.rate.to_string());
    json.push_back({{"authority", measure.authority}, {"measure", measure.id}, {"rate", line.rate.to_string()}});
  }
  return Cell::with_json(text.empty() ? "no duty line" : text, std::move(json));
}

// How the total moved from the step before, between pure percentages: "+75 pts ×4 quadrupled".
Cell change_cell(const std::optional<Rate>& before, const Rate& after) {
  if (!before || !before->is_pure_ad_valorem() || !after.is_pure_ad_valorem()) {
    return Cell::of("");
  }
  const RateStep step = describe_step(*before->ad_valorem_milli(), *after.ad_valorem_milli());
  std::string text = fmt::format("{}{} pts", step.points_milli > 0 ? "+" : "", format_milli(step.points_milli));
  if (step.factor) {
    text += " " + *step.factor;
  }
  if (step.word) {
    text += " " + *step.word;
  }
  return Cell::with_json(text,
                         {{"points", static_cast<double>(step.points_milli) / 1000.0},
                          {"factor", step.factor ? nlohmann::ordered_json(step.factor->substr(std::string("×").size()))
                                                 : nlohmann::ordered_json()},
                          {"word", step.word ? nlohmann::ordered_json(*step.word) : nlohmann::ordered_json()}});
}

double percent(const Rate& rate) { return static_cast<double>(rate.ad_valorem_milli().value_or(0)) / 1000.0; }

ChartPoint point_at(Date day, const Rate& rate) {
  return {static_cast<double>(day.days_since_epoch()), percent(rate), day.to_string(), rate.to_string()};
}

// The day the chart ends: `to` when asked, else the end of the last step, else a year past
// the later of today and the last step's start, so that the last step shows.
Date chart_end(const TimelineQuestion& question, const query::TimelineStep& last) {
  if (question.to) {
    return question.to->plus_days(1);
  }
  if (last.to) {
    return *last.to;
  }
  return std::max(question.today, last.from).plus_days(365);
}

Chart step_chart(const TimelineQuestion& question, const std::vector<query::TimelineStep>& steps) {
  Chart chart{"Duty over time, in total and by layer", ChartKind::step, "% ad valorem", {}};
  ChartSeries total{"total", {}};
  std::vector<std::string> authorities;
  for (const auto& step : steps) {
    total.points.push_back(point_at(step.from, step.stacked.total));
    for (const auto* layer : charged_layers(step)) {
      if (std::ranges::find(authorities, layer->source.measure.authority) == authorities.end()) {
        authorities.push_back(layer->source.measure.authority);
      }
    }
  }
  const Date end = chart_end(question, steps.back());
  total.points.push_back(point_at(end, steps.back().stacked.total));
  chart.series.push_back(std::move(total));
  for (const auto& authority : authorities) {
    ChartSeries series{authority, {}};
    auto rate_in = [&](const query::TimelineStep& step) {
      for (const auto* layer : charged_layers(step)) {
        if (layer->source.measure.authority == authority) {
          return layer->source.line.rate;
        }
      }
      return Rate::free();
    };
    for (const auto& step : steps) {
      series.points.push_back(point_at(step.from, rate_in(step)));
    }
    series.points.push_back(point_at(end, rate_in(steps.back())));
    chart.series.push_back(std::move(series));
  }
  return chart;
}

std::string period_text(const query::TimelineStep& step) {
  return step.to ? fmt::format("{} to {}", step.from.to_string(), step.to->to_string())
                 : fmt::format("from {}", step.from.to_string());
}

} // namespace

Report timeline_report(const TimelineQuestion& question, const std::vector<query::TimelineStep>& steps,
                       const ActLookup& find_act) {
  Report report;
  const std::string code = question.hs.format(question.imposer);
  report.title = fmt::format("Duty charged by {} on {} from {} ({}), step by step", question.imposer.code(), code,
                             question.origin.name(), question.origin.code());
  report.fields = {
      {"imposer", "imposer", Cell::of(std::string(question.imposer.code()))},
      {"origin", "origin", Cell::of(std::string(question.origin.code()))},
      {"hs", "product", Cell::of(code)},
      {"from", "from", date_cell(question.from)},
      {"to", "to", date_cell(question.to)},
      {"company", "exporter", Cell::of(question.company)},
      {"as_known_on", "as known on", Cell::of(question.as_known_on.value_or(""))},
      {"step_count", "steps", Cell::number(static_cast<std::int64_t>(steps.size()))},
  };

  Table totals{"steps",
               "Steps",
               {{"from", "from"},
                {"to", "to"},
                {"total", "total", Align::right},
                {"change", "change"},
                {"layers", "layers charged", Align::left, false, true}},
               {},
               0};
  Table layers{"layers",
               "Layers charged in each step",
               {{"period", "period"},
                {"authority", "authority"},
                {"rate", "rate", Align::right},
                {"measure", "measure"},
                {"line", "line"},
                {"heading", "heading"},
                {"citation", "citation", Align::left, false, true}},
               {},
               1};
  std::optional<Rate> before;
  for (const auto& step : steps) {
    totals.rows.push_back({Cell::of(step.from.to_string()), date_cell(step.to), rate_cell(step.stacked.total),
                           change_cell(before, step.stacked.total), layers_cell(step)});
    before = step.stacked.total;
    const Cell period = Cell::with_json(
        period_text(step), {{"from", step.from.to_string()},
                            {"to", step.to ? nlohmann::ordered_json(step.to->to_string()) : nlohmann::ordered_json()}});
    for (const auto* layer : charged_layers(step)) {
      const auto& [line, measure] = layer->source;
      layers.rows.push_back(
          {period, Cell::of(measure.authority), rate_cell(line.rate), Cell::of(measure.id),
           Cell::of(fmt::format("{} {}{}", line.key.hs.format(measure.imposer), line.key.origin.code(),
                                line.key.company.empty() ? "" : " " + line.key.company)),
           text_cell(line.heading), Cell::of(act_reference(line.act_id, find_act))});
    }
  }
  if (steps.empty()) {
    report.notes.push_back("No duty line of this store covers these goods.");
  } else {
    report.charts.push_back(step_chart(question, steps));
  }
  report.tables.push_back(std::move(totals));
  report.tables.push_back(std::move(layers));
  return report;
}

} // namespace tw::report
