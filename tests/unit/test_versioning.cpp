#include "core/versioning.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using tw::Date;
using tw::LineUpdate;
using tw::TariffLine;
using VersionPlan = tw::VersionPlan<tw::TariffLine>;

using tw::test::day;
using tw::test::rate;

namespace {

// A stored version of measure m1's line on `hs` from `origin`.
TariffLine version(std::int64_t row_id, const std::string& hs, const std::string& rate_text, const std::string& from,
                   const std::optional<std::string>& to = std::nullopt, const std::string& origin = "CN") {
  TariffLine line;
  line.row_id = row_id;
  line.measure_id = "m1";
  line.key.origin = tw::Jurisdiction::parse(origin).value();
  line.key.hs = tw::ProductCode::parse(hs).value();
  line.rate = rate(rate_text);
  line.heading = "9903.88.01";
  line.act_id = "act-2018";
  line.valid.from = day(from);
  if (to) {
    line.valid.to = day(*to);
  }
  line.recorded_in = 1;
  return line;
}

LineUpdate new_rate(const std::string& rate_text) {
  LineUpdate update;
  update.rate = rate(rate_text);
  return update;
}

std::optional<Date> open_end() { return std::nullopt; }

} // namespace

TEST_CASE("plan_amend splits the version in force at the date of the change", "[versioning]") {
  const std::vector<TariffLine> current{version(7, "8703.80.00", "25%", "2019-05-10")};
  const auto plan = tw::plan_amend(current, day("2024-09-27"), new_rate("100%"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{7});
  REQUIRE(plan->inserted.size() == 2);

  const TariffLine& before = plan->inserted[0];
  CHECK(before.row_id == 0);
  CHECK(before.measure_id == "m1");
  CHECK(before.key == current[0].key);
  CHECK(before.rate == rate("25%"));
  CHECK(before.valid.from == day("2019-05-10"));
  CHECK(before.valid.to == day("2024-09-27"));
  CHECK(before.heading == "9903.88.01");
  CHECK(before.act_id == "act-2018");

  const TariffLine& after = plan->inserted[1];
  CHECK(after.row_id == 0);
  CHECK(after.key == current[0].key);
  CHECK(after.rate == rate("100%"));
  CHECK(after.valid.from == day("2024-09-27"));
  CHECK(after.valid.to == open_end());
  CHECK(after.heading == "9903.88.01");
  CHECK(after.act_id == "act-2018");
}

TEST_CASE("plan_amend on the first day of a version replaces it without a part before", "[versioning]") {
  const std::vector<TariffLine> current{version(3, "8703", "25%", "2024-09-27")};
  const auto plan = tw::plan_amend(current, day("2024-09-27"), new_rate("100%"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{3});
  REQUIRE(plan->inserted.size() == 1);
  CHECK(plan->inserted[0].rate == rate("100%"));
  CHECK(plan->inserted[0].valid == tw::Validity{day("2024-09-27"), std::nullopt});
}

TEST_CASE("plan_amend keeps later scheduled versions as they are", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703", "25%", "2019-01-01", "2026-01-01"),
      version(2, "8703", "50%", "2026-01-01"),
  };
  const auto plan = tw::plan_amend(current, day("2024-09-27"), new_rate("100%"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{1});
  REQUIRE(plan->inserted.size() == 2);
  CHECK(plan->inserted[0].rate == rate("25%"));
  CHECK(plan->inserted[0].valid == tw::Validity{day("2019-01-01"), day("2024-09-27")});
  CHECK(plan->inserted[1].rate == rate("100%"));
  CHECK(plan->inserted[1].valid == tw::Validity{day("2024-09-27"), day("2026-01-01")});
}

TEST_CASE("plan_amend reads the versions of a line in any order", "[versioning]") {
  const std::vector<TariffLine> current{
      version(2, "8703", "50%", "2026-01-01"),
      version(1, "8703", "25%", "2019-01-01", "2026-01-01"),
  };
  const auto plan = tw::plan_amend(current, day("2026-03-01"), new_rate("75%"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{2});
  REQUIRE(plan->inserted.size() == 2);
  CHECK(plan->inserted[0].valid == tw::Validity{day("2026-01-01"), day("2026-03-01")});
  CHECK(plan->inserted[0].rate == rate("50%"));
  CHECK(plan->inserted[1].valid == tw::Validity{day("2026-03-01"), std::nullopt});
  CHECK(plan->inserted[1].rate == rate("75%"));
}

TEST_CASE("plan_amend changes every line of the measure that changes", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703.80.00", "25%", "2019-01-01"),
      version(2, "8507.60.00", "7.5%", "2019-01-01"),
      version(3, "8703.80.00", "25%", "2019-01-01", std::nullopt, "HK"),
  };
  const auto plan = tw::plan_amend(current, day("2024-09-27"), new_rate("100%"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded.size() == 3);
  CHECK(plan->inserted.size() == 6);
}

TEST_CASE("plan_amend leaves alone the lines whose terms do not change", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703.80.00", "25%", "2019-01-01"),
      version(2, "8507.60.00", "100%", "2019-01-01"),
  };
  const auto plan = tw::plan_amend(current, day("2024-09-27"), new_rate("100%"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{1});
  REQUIRE(plan->inserted.size() == 2);
  for (const auto& line : plan->inserted) {
    CHECK(line.key.hs.digits() == "87038000");
  }
}

TEST_CASE("plan_amend fails when the amendment changes nothing", "[versioning]") {
  const std::vector<TariffLine> current{version(1, "8703", "25%", "2019-01-01")};
  const std::string message = "the amendment changes nothing: every line already has these terms on that date";

  SECTION("same rate") {
    const auto plan = tw::plan_amend(current, day("2024-09-27"), new_rate("25%"));
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == message);
  }

  SECTION("same heading and act") {
    LineUpdate update;
    update.heading = "9903.88.01";
    update.act_id = "act-2018";
    const auto plan = tw::plan_amend(current, day("2024-09-27"), update);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == message);
  }

  SECTION("empty update") {
    const auto plan = tw::plan_amend(current, day("2024-09-27"), LineUpdate{});
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == message);
  }

  SECTION("no lines") {
    const auto plan = tw::plan_amend(std::span<const TariffLine>{}, day("2024-09-27"), new_rate("25%"));
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == message);
  }
}

TEST_CASE("plan_amend changes the heading, act and note", "[versioning]") {
  const std::vector<TariffLine> current{version(1, "8703", "25%", "2019-01-01")};
  LineUpdate update;
  update.heading = "9903.91.03";
  update.act_id = "act-2024";
  update.note = "four-year review";
  const auto plan = tw::plan_amend(current, day("2024-09-27"), update);
  REQUIRE(plan.has_value());
  REQUIRE(plan->inserted.size() == 2);
  CHECK(plan->inserted[0].heading == "9903.88.01");
  CHECK(plan->inserted[0].act_id == "act-2018");
  CHECK_FALSE(plan->inserted[0].note.has_value());
  const TariffLine& after = plan->inserted[1];
  CHECK(after.rate == rate("25%"));
  CHECK(after.heading == "9903.91.03");
  CHECK(after.act_id == "act-2024");
  CHECK(after.note == "four-year review");
}

TEST_CASE("plan_amend keeps the end of the version it splits, and the act that ended it", "[versioning]") {
  TariffLine ended = version(1, "8703", "25%", "2019-01-01", "2025-06-01");
  ended.end_act_id = "act-end";
  const std::vector<TariffLine> current{ended};
  const auto plan = tw::plan_amend(current, day("2024-09-27"), new_rate("100%"));
  REQUIRE(plan.has_value());
  REQUIRE(plan->inserted.size() == 2);
  // The part before ends because of the amendment, not because of the ending act.
  CHECK(plan->inserted[0].valid == tw::Validity{day("2019-01-01"), day("2024-09-27")});
  CHECK_FALSE(plan->inserted[0].end_act_id.has_value());
  // The part from the amendment on still ends on 2025-06-01, by the same act.
  CHECK(plan->inserted[1].valid == tw::Validity{day("2024-09-27"), day("2025-06-01")});
  CHECK(plan->inserted[1].end_act_id == "act-end");
}

TEST_CASE("plan_amend puts a line that is not in force in force again", "[versioning]") {
  SECTION("after the line ended: until further notice, on the latest terms") {
    TariffLine ended = version(1, "8703", "25%", "2019-01-01", "2024-01-01");
    ended.end_act_id = "act-end";
    const std::vector<TariffLine> current{ended};
    const auto plan = tw::plan_amend(current, day("2024-06-01"), new_rate("10%"));
    REQUIRE(plan.has_value());
    CHECK(plan->superseded.empty());
    REQUIRE(plan->inserted.size() == 1);
    const TariffLine& again = plan->inserted[0];
    CHECK(again.row_id == 0);
    CHECK(again.key == ended.key);
    CHECK(again.rate == rate("10%"));
    CHECK(again.valid == tw::Validity{day("2024-06-01"), std::nullopt});
    CHECK(again.heading == "9903.88.01");
    CHECK_FALSE(again.end_act_id.has_value());
  }

  SECTION("without a new rate, on the terms it had") {
    const std::vector<TariffLine> current{version(1, "8703", "25%", "2019-01-01", "2024-01-01")};
    const auto plan = tw::plan_amend(current, day("2024-06-01"), LineUpdate{});
    REQUIRE(plan.has_value());
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].rate == rate("25%"));
    CHECK(plan->inserted[0].valid == tw::Validity{day("2024-06-01"), std::nullopt});
  }

  SECTION("in a gap: until the next version, on the terms of the one before") {
    const std::vector<TariffLine> current{
        version(1, "8703", "25%", "2019-01-01", "2020-01-01"),
        version(2, "8703", "50%", "2022-01-01"),
    };
    const auto plan = tw::plan_amend(current, day("2021-01-01"), LineUpdate{});
    REQUIRE(plan.has_value());
    CHECK(plan->superseded.empty());
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].rate == rate("25%"));
    CHECK(plan->inserted[0].valid == tw::Validity{day("2021-01-01"), day("2022-01-01")});
  }

  SECTION("before its first version: until that version, on its terms") {
    const std::vector<TariffLine> current{version(1, "8703", "25%", "2025-01-01")};
    const auto plan = tw::plan_amend(current, day("2024-06-01"), new_rate("10%"));
    REQUIRE(plan.has_value());
    CHECK(plan->superseded.empty());
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].rate == rate("10%"));
    CHECK(plan->inserted[0].heading == "9903.88.01");
    CHECK(plan->inserted[0].valid == tw::Validity{day("2024-06-01"), day("2025-01-01")});
  }
}

TEST_CASE("plan_end ends the version in force on the day", "[versioning]") {
  const std::vector<TariffLine> current{version(4, "8703", "25%", "2019-01-01")};
  const auto plan = tw::plan_end(current, day("2025-01-01"), std::string("act-end"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{4});
  REQUIRE(plan->inserted.size() == 1);
  const TariffLine& ended = plan->inserted[0];
  CHECK(ended.row_id == 0);
  CHECK(ended.key == current[0].key);
  CHECK(ended.rate == rate("25%"));
  CHECK(ended.heading == "9903.88.01");
  CHECK(ended.act_id == "act-2018");
  CHECK(ended.end_act_id == "act-end");
  CHECK(ended.valid == tw::Validity{day("2019-01-01"), day("2025-01-01")});
}

TEST_CASE("plan_end without an act leaves end_act_id unset", "[versioning]") {
  const std::vector<TariffLine> current{version(4, "8703", "25%", "2019-01-01")};
  const auto plan = tw::plan_end(current, day("2025-01-01"), std::nullopt);
  REQUIRE(plan.has_value());
  REQUIRE(plan->inserted.size() == 1);
  CHECK_FALSE(plan->inserted[0].end_act_id.has_value());
}

TEST_CASE("plan_end withdraws versions scheduled from the day on", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703", "25%", "2019-01-01", "2026-01-01"),
      version(2, "8703", "50%", "2026-01-01"),
      version(3, "8507", "25%", "2026-01-01"),
  };
  const auto plan = tw::plan_end(current, day("2025-01-01"), std::nullopt);
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{1, 2, 3});
  REQUIRE(plan->inserted.size() == 1);
  CHECK(plan->inserted[0].key.hs.digits() == "8703");
  CHECK(plan->inserted[0].valid == tw::Validity{day("2019-01-01"), day("2025-01-01")});
}

TEST_CASE("plan_end on the first day of a version withdraws it", "[versioning]") {
  const std::vector<TariffLine> current{version(1, "8703", "25%", "2025-01-01")};
  const auto plan = tw::plan_end(current, day("2025-01-01"), std::nullopt);
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{1});
  CHECK(plan->inserted.empty());
}

TEST_CASE("plan_end leaves versions that ended before the day alone", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703", "25%", "2019-01-01", "2020-01-01"),
      version(2, "8507", "25%", "2019-01-01"),
  };
  const auto plan = tw::plan_end(current, day("2025-01-01"), std::nullopt);
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{2});
  REQUIRE(plan->inserted.size() == 1);
  CHECK(plan->inserted[0].key.hs.digits() == "8507");
}

TEST_CASE("plan_end fails when nothing is in force on or after the day", "[versioning]") {
  const std::string message = "nothing to end: no line is in force on or after that date";

  SECTION("every line ended before") {
    const std::vector<TariffLine> current{version(1, "8703", "25%", "2019-01-01", "2020-01-01")};
    const auto plan = tw::plan_end(current, day("2025-01-01"), std::nullopt);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == message);
  }

  SECTION("a line that ends on the day is no longer in force on it") {
    const std::vector<TariffLine> current{version(1, "8703", "25%", "2019-01-01", "2025-01-01")};
    const auto plan = tw::plan_end(current, day("2025-01-01"), std::nullopt);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == message);
  }

  SECTION("no lines") {
    const auto plan = tw::plan_end(std::span<const TariffLine>{}, day("2025-01-01"), std::nullopt);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == message);
  }
}

TEST_CASE("Validity is half-open", "[versioning]") {
  const tw::Validity valid{day("2024-01-01"), day("2024-02-01")};
  CHECK(valid.contains(day("2024-01-01")));
  CHECK(valid.contains(day("2024-01-31")));
  CHECK_FALSE(valid.contains(day("2024-02-01")));
  CHECK_FALSE(valid.contains(day("2023-12-31")));
  const tw::Validity open{day("2024-01-01"), std::nullopt};
  CHECK(open.contains(day("9999-12-31")));
  CHECK_FALSE(open.contains(day("2023-12-31")));
}
