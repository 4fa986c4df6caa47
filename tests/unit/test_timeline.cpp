#include "query/timeline.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using tw::query::rate_timeline;
using tw::query::stack_rate;
using tw::query::TimelineStep;
using tw::store::MeasureLine;

using tw::test::code;
using tw::test::day;
using tw::test::jurisdiction;
using tw::test::rate;

namespace {

MeasureLine version(const std::string& measure_id, const std::string& authority, const std::string& origin,
                    const std::string& hs, const std::string& rate_text, const std::string& from,
                    const std::string& to = {}, const std::string& heading = {}) {
  MeasureLine result;
  result.measure.id = measure_id;
  result.measure.imposer = jurisdiction("US");
  result.measure.authority = authority;
  result.line.measure_id = measure_id;
  result.line.key.origin = jurisdiction(origin);
  result.line.key.hs = code(hs);
  result.line.rate = rate(rate_text);
  result.line.valid.from = day(from);
  if (!to.empty()) {
    result.line.valid.to = day(to);
  }
  if (!heading.empty()) {
    result.line.heading = heading;
  }
  return result;
}

// The Section 301 history of Chinese EVs, with the 2025 IEEPA fentanyl duty on all goods of China.
std::vector<MeasureLine> ev_versions() {
  return {version("us-mfn", "MFN", "*", "8703.80.00", "2.5%", "2018-01-01"),
          version("us-301-ev", "Section 301", "CN", "8703.80", "25%", "2018-07-06", "2024-09-27"),
          version("us-301-ev", "Section 301", "CN", "8703.80", "100%", "2024-09-27"),
          version("us-ieepa", "IEEPA fentanyl", "CN", "*", "10%", "2025-02-04", "2025-03-04"),
          version("us-ieepa", "IEEPA fentanyl", "CN", "*", "20%", "2025-03-04")};
}

// "from to total", one per step.
std::vector<std::string> describe(const std::vector<TimelineStep>& steps) {
  std::vector<std::string> result;
  for (const auto& step : steps) {
    result.push_back(step.from.to_string() + " " + (step.to ? step.to->to_string() : "-") + " " +
                     step.stacked.total.to_string());
  }
  return result;
}

} // namespace

TEST_CASE("rate_timeline gives every step of the total, from the first line on", "[timeline]") {
  CHECK(describe(rate_timeline(ev_versions(), "", std::nullopt, std::nullopt)) ==
        std::vector<std::string>{"2018-01-01 2018-07-06 2.5%", "2018-07-06 2024-09-27 27.5%",
                                 "2024-09-27 2025-02-04 102.5%", "2025-02-04 2025-03-04 112.5%",
                                 "2025-03-04 - 122.5%"});
}

TEST_CASE("rate_timeline agrees with stack_rate on every day", "[timeline]") {
  const auto versions = ev_versions();
  const auto steps = rate_timeline(versions, "", std::nullopt, std::nullopt);
  for (auto on = day("2017-12-01"); on < day("2025-06-01"); on = on.plus_days(1)) {
    std::vector<MeasureLine> in_force;
    for (const auto& v : versions) {
      if (v.line.valid.from <= on && (!v.line.valid.to || on < *v.line.valid.to)) {
        in_force.push_back(v);
      }
    }
    const auto expected = stack_rate(in_force, "").total;
    const TimelineStep* step = nullptr;
    for (const auto& s : steps) {
      if (s.from <= on && (!s.to || on < *s.to)) {
        step = &s;
      }
    }
    INFO(on.to_string());
    if (step == nullptr) {
      CHECK(in_force.empty());
    } else {
      CHECK(step->stacked.total == expected);
    }
  }
}

TEST_CASE("rate_timeline starts no step where only the terms around the rate change", "[timeline]") {
  const std::vector<MeasureLine> versions{
      version("us-301-ev", "Section 301", "CN", "8703.80", "25%", "2018-07-06", "2020-01-01", "9903.88.01"),
      version("us-301-ev", "Section 301", "CN", "8703.80", "25%", "2020-01-01", "2024-09-27", "9903.88.99"),
      version("us-301-ev", "Section 301", "CN", "8703.80", "100%", "2024-09-27")};
  CHECK(describe(rate_timeline(versions, "", std::nullopt, std::nullopt)) ==
        std::vector<std::string>{"2018-07-06 2024-09-27 25%", "2024-09-27 - 100%"});
}

TEST_CASE("rate_timeline starts at --from inside a step and keeps the real end of the last", "[timeline]") {
  CHECK(describe(rate_timeline(ev_versions(), "", day("2024-05-01"), day("2024-10-31"))) ==
        std::vector<std::string>{"2024-05-01 2024-09-27 27.5%", "2024-09-27 2025-02-04 102.5%"});
}

TEST_CASE("rate_timeline shows an end of every duty as a step to Free", "[timeline]") {
  const std::vector<MeasureLine> versions{version("x", "Section 301", "CN", "8703", "25%", "2019-01-01", "2020-01-01")};
  CHECK(describe(rate_timeline(versions, "", std::nullopt, std::nullopt)) ==
        std::vector<std::string>{"2019-01-01 2020-01-01 25%", "2020-01-01 - Free"});
}
