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

namespace {

using tw::ControlLine;
using tw::Correction;
using tw::Listing;

// A stored version of the Entity List entry of measure el-huawei, listed by act-2019.
Listing listing_version(std::int64_t row_id, const std::string& from,
                        const std::optional<std::string>& to = std::nullopt) {
  Listing listing;
  listing.row_id = row_id;
  listing.measure_id = "el-huawei";
  listing.list = "Entity List";
  listing.name = "Huawei Technologies Co., Ltd.";
  listing.aliases = {"Huawei", "华为技术有限公司"};
  listing.type = tw::EntityType::entity;
  listing.country = tw::Jurisdiction::parse("CN").value();
  listing.addresses = {"Bantian, Longgang District, Shenzhen"};
  listing.license_requirement = "All items subject to the EAR";
  listing.license_policy = "Presumption of denial";
  listing.source_key = "EL-1";
  listing.act_id = "act-2019";
  listing.valid.from = day(from);
  if (to) {
    listing.valid.to = day(*to);
  }
  listing.recorded_in = 3;
  return listing;
}

// `listing` as a planner returns a new version of it: unstored, over `valid`, not ended by an act.
Listing as_new_version(Listing listing, tw::Validity valid) {
  listing.row_id = 0;
  listing.recorded_in = 0;
  listing.superseded_in.reset();
  listing.end_act_id.reset();
  listing.valid = valid;
  return listing;
}

// A stored version of measure ctl's export licence requirement to `partner` on `hs`.
ControlLine control_version(std::int64_t row_id, const std::string& partner, const std::string& hs,
                            const std::string& from, const std::optional<std::string>& to = std::nullopt) {
  ControlLine line;
  line.row_id = row_id;
  line.measure_id = "ctl";
  line.key.partner = tw::Jurisdiction::parse(partner).value();
  line.key.hs = tw::ProductCode::parse(hs).value();
  line.direction = tw::Direction::exports;
  line.requirement = tw::Requirement::licence;
  line.description = "advanced computing items";
  line.act_id = "act-2022";
  line.valid.from = day(from);
  if (to) {
    line.valid.to = day(*to);
  }
  line.recorded_in = 2;
  return line;
}

std::string key_of(const ControlLine& line) { return std::string(line.key.partner.code()) + " " + line.key.hs.key(); }

} // namespace

TEST_CASE("plan_end delists a listing", "[versioning]") {
  const std::vector<Listing> current{listing_version(5, "2019-05-16")};
  const auto plan = tw::plan_end(current, day("2023-05-01"), std::string("act-delist"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{5});
  REQUIRE(plan->inserted.size() == 1);
  Listing expected = as_new_version(current[0], {day("2019-05-16"), day("2023-05-01")});
  expected.end_act_id = "act-delist";
  CHECK(plan->inserted[0] == expected);
}

TEST_CASE("plan_end refuses a listing delisted before the day", "[versioning]") {
  const std::vector<Listing> current{listing_version(5, "2019-05-16", "2023-05-01")};
  const auto plan = tw::plan_end(current, day("2024-01-01"), std::nullopt);
  REQUIRE_FALSE(plan.has_value());
  CHECK(plan.error() == "nothing to end: no line is in force on or after that date");
}

TEST_CASE("plan_amend re-lists a delisted listing from a date after the delisting", "[versioning]") {
  Listing delisted = listing_version(6, "2019-05-16", "2023-05-01");
  delisted.end_act_id = "act-delist";
  const std::vector<Listing> current{delisted};
  LineUpdate relisting;
  relisting.act_id = "act-relist";
  const auto plan = tw::plan_amend(current, day("2024-03-01"), relisting);
  REQUIRE(plan.has_value());
  // The delisted version stays as it is; the entry is in force again until further notice.
  CHECK(plan->superseded.empty());
  REQUIRE(plan->inserted.size() == 1);
  Listing expected = as_new_version(delisted, {day("2024-03-01"), std::nullopt});
  expected.act_id = "act-relist";
  CHECK(plan->inserted[0] == expected);
  CHECK_FALSE(plan->inserted[0].end_act_id.has_value());
}

TEST_CASE("plan_amend re-lists on the day of the delisting without a gap", "[versioning]") {
  const std::vector<Listing> current{listing_version(6, "2019-05-16", "2023-05-01")};
  LineUpdate update;
  update.license_policy = "Case-by-case review";
  const auto plan = tw::plan_amend(current, day("2023-05-01"), update);
  REQUIRE(plan.has_value());
  CHECK(plan->superseded.empty());
  REQUIRE(plan->inserted.size() == 1);
  CHECK(plan->inserted[0].valid == tw::Validity{day("2023-05-01"), std::nullopt});
  CHECK(plan->inserted[0].license_policy == "Case-by-case review");
}

TEST_CASE("plan_amend re-lists in the gap between a delisting and a later listing", "[versioning]") {
  const std::vector<Listing> current{
      listing_version(7, "2022-01-01"),
      listing_version(6, "2019-05-16", "2020-06-01"),
  };
  LineUpdate update;
  update.act_id = "act-gap";
  const auto plan = tw::plan_amend(current, day("2021-01-01"), update);
  REQUIRE(plan.has_value());
  CHECK(plan->superseded.empty());
  REQUIRE(plan->inserted.size() == 1);
  CHECK(plan->inserted[0].valid == tw::Validity{day("2021-01-01"), day("2022-01-01")});
  CHECK(plan->inserted[0].act_id == "act-gap");
}

TEST_CASE("plan_amend modifies a listing from a date", "[versioning]") {
  const std::vector<Listing> current{listing_version(5, "2019-05-16")};
  LineUpdate update;
  update.name = "Huawei Technologies Co. Ltd";
  update.aliases = std::vector<std::string>{"HUAWEI"};
  update.addresses = std::vector<std::string>{"Huawei Industrial Base, Shenzhen", "Dongguan"};
  update.type = tw::EntityType::entity;
  update.country = tw::Jurisdiction::parse("HK").value();
  update.license_requirement = "All items subject to the EAR, see §744.11";
  update.license_policy = "Case-by-case review";
  update.source_key = "EL-2";
  update.act_id = "act-2020";
  update.note = "address corrected";
  const auto plan = tw::plan_amend(current, day("2020-08-20"), update);
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{5});
  REQUIRE(plan->inserted.size() == 2);
  CHECK(plan->inserted[0] == as_new_version(current[0], {day("2019-05-16"), day("2020-08-20")}));

  const Listing& after = plan->inserted[1];
  CHECK(after.row_id == 0);
  CHECK(after.recorded_in == 0);
  CHECK(after.measure_id == "el-huawei");
  CHECK(after.list == "Entity List");
  CHECK(after.name == "Huawei Technologies Co. Ltd");
  // Aliases and addresses are replaced, not added to.
  CHECK(after.aliases == std::vector<std::string>{"HUAWEI"});
  CHECK(after.addresses == std::vector<std::string>{"Huawei Industrial Base, Shenzhen", "Dongguan"});
  CHECK(after.country == tw::Jurisdiction::parse("HK").value());
  CHECK(after.license_requirement == "All items subject to the EAR, see §744.11");
  CHECK(after.license_policy == "Case-by-case review");
  CHECK(after.source_key == "EL-2");
  CHECK(after.act_id == "act-2020");
  CHECK(after.note == "address corrected");
  CHECK(after.valid == tw::Validity{day("2020-08-20"), std::nullopt});
}

TEST_CASE("plan_amend on a listing changes nothing when the terms are the same", "[versioning]") {
  const std::vector<Listing> current{listing_version(5, "2019-05-16")};
  LineUpdate update;
  update.name = "Huawei Technologies Co., Ltd.";
  update.aliases = std::vector<std::string>{"Huawei", "华为技术有限公司"};
  update.type = tw::EntityType::entity;
  const auto plan = tw::plan_amend(current, day("2020-08-20"), update);
  REQUIRE_FALSE(plan.has_value());
  CHECK(plan.error() == "the amendment changes nothing: every line already has these terms on that date");
}

TEST_CASE("A listing's versions are one line through delisting and re-listing", "[versioning]") {
  // Listed, delisted, re-listed: each step planned on the versions the one before left.
  std::vector<Listing> versions{listing_version(1, "2019-05-16")};
  auto ended = tw::plan_end(versions, day("2021-01-01"), std::string("act-delist"));
  REQUIRE(ended.has_value());
  REQUIRE(ended->inserted.size() == 1);
  versions = {ended->inserted[0]};
  versions[0].row_id = 2;

  LineUpdate relisting;
  relisting.act_id = "act-relist";
  auto relisted = tw::plan_amend(versions, day("2022-01-01"), relisting);
  REQUIRE(relisted.has_value());
  REQUIRE(relisted->inserted.size() == 1);
  versions.push_back(relisted->inserted[0]);
  versions[1].row_id = 3;

  // A later modification splits only the version in force then.
  LineUpdate renaming;
  renaming.name = "Huawei Technologies";
  const auto renamed = tw::plan_amend(versions, day("2023-01-01"), renaming);
  REQUIRE(renamed.has_value());
  CHECK(renamed->superseded == std::vector<std::int64_t>{3});
  REQUIRE(renamed->inserted.size() == 2);
  CHECK(renamed->inserted[0].valid == tw::Validity{day("2022-01-01"), day("2023-01-01")});
  CHECK(renamed->inserted[0].name == "Huawei Technologies Co., Ltd.");
  CHECK(renamed->inserted[0].act_id == "act-relist");
  CHECK(renamed->inserted[1].valid == tw::Validity{day("2023-01-01"), std::nullopt});
  CHECK(renamed->inserted[1].name == "Huawei Technologies");

  // Ending it again ends the re-listing and leaves the delisted version alone.
  const auto ended_again = tw::plan_end(versions, day("2024-01-01"), std::nullopt);
  REQUIRE(ended_again.has_value());
  CHECK(ended_again->superseded == std::vector<std::int64_t>{3});
  REQUIRE(ended_again->inserted.size() == 1);
  CHECK(ended_again->inserted[0].valid == tw::Validity{day("2022-01-01"), day("2024-01-01")});
}

TEST_CASE("plan_amend changes every control line from a date", "[versioning]") {
  const std::vector<ControlLine> current{
      control_version(2, "RU", "*", "2022-02-24"),
      control_version(1, "CN", "8542", "2022-10-07"),
  };
  LineUpdate update;
  update.requirement = tw::Requirement::ban;
  update.act_id = "act-2024";
  const auto plan = tw::plan_amend(current, day("2024-01-01"), update);
  REQUIRE(plan.has_value());
  // Lines in the order of their keys: partner, then code.
  CHECK(plan->superseded == std::vector<std::int64_t>{1, 2});
  REQUIRE(plan->inserted.size() == 4);
  CHECK(key_of(plan->inserted[0]) == "CN 8542");
  CHECK(plan->inserted[0].requirement == tw::Requirement::licence);
  CHECK(plan->inserted[0].act_id == "act-2022");
  CHECK(plan->inserted[0].valid == tw::Validity{day("2022-10-07"), day("2024-01-01")});
  CHECK(key_of(plan->inserted[1]) == "CN 8542");
  CHECK(plan->inserted[1].requirement == tw::Requirement::ban);
  CHECK(plan->inserted[1].direction == tw::Direction::exports);
  CHECK(plan->inserted[1].description == "advanced computing items");
  CHECK(plan->inserted[1].act_id == "act-2024");
  CHECK(plan->inserted[1].valid == tw::Validity{day("2024-01-01"), std::nullopt});
  CHECK(key_of(plan->inserted[2]) == "RU *");
  CHECK(plan->inserted[2].valid == tw::Validity{day("2022-02-24"), day("2024-01-01")});
  CHECK(key_of(plan->inserted[3]) == "RU *");
  CHECK(plan->inserted[3].requirement == tw::Requirement::ban);
}

TEST_CASE("plan_amend sets a control's quota and direction", "[versioning]") {
  const std::vector<ControlLine> current{control_version(1, "CN", "2846", "2023-08-01")};
  LineUpdate update;
  update.requirement = tw::Requirement::quota;
  update.quota = "1000 t a year";
  update.direction = tw::Direction::imports;
  update.description = "rare earths";
  const auto plan = tw::plan_amend(current, day("2023-08-01"), update);
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{1});
  REQUIRE(plan->inserted.size() == 1);
  CHECK(plan->inserted[0].requirement == tw::Requirement::quota);
  CHECK(plan->inserted[0].quota == "1000 t a year");
  CHECK(plan->inserted[0].direction == tw::Direction::imports);
  CHECK(plan->inserted[0].description == "rare earths");
  CHECK(plan->inserted[0].act_id == "act-2022");
}

TEST_CASE("plan_end ends control lines in force and withdraws later ones", "[versioning]") {
  const std::vector<ControlLine> current{
      control_version(1, "CN", "8542", "2022-10-07"),
      control_version(2, "RU", "*", "2025-01-01"),
  };
  const auto plan = tw::plan_end(current, day("2024-12-02"), std::string("act-end"));
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{1, 2});
  REQUIRE(plan->inserted.size() == 1);
  CHECK(key_of(plan->inserted[0]) == "CN 8542");
  CHECK(plan->inserted[0].valid == tw::Validity{day("2022-10-07"), day("2024-12-02")});
  CHECK(plan->inserted[0].end_act_id == "act-end");
  CHECK(plan->inserted[0].requirement == tw::Requirement::licence);
}

TEST_CASE("plan_correct without a date corrects every version, keeping their dates", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703", "25%", "2019-01-01", "2024-09-27"),
      version(2, "8703", "100%", "2024-09-27"),
  };
  Correction correction;
  correction.update.heading = "9903.91.03";
  const auto plan = tw::plan_correct(current, std::nullopt, correction);
  REQUIRE(plan.has_value());
  CHECK(plan->superseded == std::vector<std::int64_t>{1, 2});
  REQUIRE(plan->inserted.size() == 2);
  CHECK(plan->inserted[0].row_id == 0);
  CHECK(plan->inserted[0].recorded_in == 0);
  CHECK(plan->inserted[0].rate == rate("25%"));
  CHECK(plan->inserted[0].heading == "9903.91.03");
  CHECK(plan->inserted[0].act_id == "act-2018");
  CHECK(plan->inserted[0].valid == tw::Validity{day("2019-01-01"), day("2024-09-27")});
  CHECK(plan->inserted[1].rate == rate("100%"));
  CHECK(plan->inserted[1].heading == "9903.91.03");
  CHECK(plan->inserted[1].valid == tw::Validity{day("2024-09-27"), std::nullopt});
}

TEST_CASE("plan_correct on a date corrects only the versions in force then", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703", "25%", "2019-01-01", "2024-09-27"),
      version(2, "8703", "100%", "2024-09-27"),
      version(3, "8507", "7.5%", "2020-02-14", "2024-09-27"),
      version(4, "8507", "25%", "2024-09-27"),
  };
  Correction correction;
  correction.update.rate = rate("102.5%");
  const auto plan = tw::plan_correct(current, day("2024-10-01"), correction);
  REQUIRE(plan.has_value());
  // Lines in the order of their keys: 8507 before 8703.
  CHECK(plan->superseded == std::vector<std::int64_t>{4, 2});
  REQUIRE(plan->inserted.size() == 2);
  CHECK(plan->inserted[0].key.hs.digits() == "8507");
  CHECK(plan->inserted[0].rate == rate("102.5%"));
  CHECK(plan->inserted[0].valid == tw::Validity{day("2024-09-27"), std::nullopt});
  CHECK(plan->inserted[1].key.hs.digits() == "8703");
  CHECK(plan->inserted[1].valid == tw::Validity{day("2024-09-27"), std::nullopt});
}

TEST_CASE("plan_correct keeps the act that ended a version", "[versioning]") {
  TariffLine ended = version(1, "8703", "25%", "2019-01-01", "2025-01-01");
  ended.end_act_id = "act-end";
  const std::vector<TariffLine> current{ended};
  Correction correction;
  correction.update.note = "heading per 89 FR 76581";
  const auto plan = tw::plan_correct(current, std::nullopt, correction);
  REQUIRE(plan.has_value());
  REQUIRE(plan->inserted.size() == 1);
  CHECK(plan->inserted[0].end_act_id == "act-end");
  CHECK(plan->inserted[0].note == "heading per 89 FR 76581");
  CHECK(plan->inserted[0].valid == ended.valid);
}

TEST_CASE("plan_correct gives the one version of a line new dates", "[versioning]") {
  const std::vector<TariffLine> current{version(1, "8703", "25%", "2019-01-01", "2025-01-01")};

  SECTION("a new start") {
    Correction correction;
    correction.valid_from = day("2019-05-10");
    const auto plan = tw::plan_correct(current, std::nullopt, correction);
    REQUIRE(plan.has_value());
    CHECK(plan->superseded == std::vector<std::int64_t>{1});
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].valid == tw::Validity{day("2019-05-10"), day("2025-01-01")});
    CHECK(plan->inserted[0].rate == rate("25%"));
  }

  SECTION("a new end") {
    Correction correction;
    correction.valid_to.emplace(day("2026-01-01"));
    const auto plan = tw::plan_correct(current, std::nullopt, correction);
    REQUIRE(plan.has_value());
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].valid == tw::Validity{day("2019-01-01"), day("2026-01-01")});
  }

  SECTION("no end: until further notice") {
    Correction correction;
    correction.valid_to.emplace(std::nullopt);
    const auto plan = tw::plan_correct(current, std::nullopt, correction);
    REQUIRE(plan.has_value());
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].valid == tw::Validity{day("2019-01-01"), std::nullopt});
  }

  SECTION("on a date, the version in force then, among several") {
    const std::vector<TariffLine> two{
        version(1, "8703", "25%", "2019-01-01", "2024-09-27"),
        version(2, "8703", "100%", "2024-09-27"),
    };
    Correction correction;
    correction.valid_from = day("2019-05-10");
    const auto plan = tw::plan_correct(two, day("2020-01-01"), correction);
    REQUIRE(plan.has_value());
    CHECK(plan->superseded == std::vector<std::int64_t>{1});
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].valid == tw::Validity{day("2019-05-10"), day("2024-09-27")});
  }

  SECTION("every line that has one version") {
    const std::vector<TariffLine> lines{
        version(1, "8703", "25%", "2019-01-01"),
        version(2, "8507", "25%", "2019-01-01"),
    };
    Correction correction;
    correction.valid_from = day("2019-05-10");
    const auto plan = tw::plan_correct(lines, std::nullopt, correction);
    REQUIRE(plan.has_value());
    CHECK(plan->superseded == std::vector<std::int64_t>{2, 1});
    REQUIRE(plan->inserted.size() == 2);
    for (const auto& line : plan->inserted) {
      CHECK(line.valid == tw::Validity{day("2019-05-10"), std::nullopt});
    }
  }
}

TEST_CASE("plan_correct refuses new dates for a line of several versions", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703", "25%", "2019-01-01", "2024-09-27"),
      version(2, "8703", "100%", "2024-09-27"),
  };
  const std::string message = "a line has 2 versions; give --on a date in force of the one whose dates are wrong";
  Correction correction;
  SECTION("a new start") { correction.valid_from = day("2019-05-10"); }
  SECTION("a new end") { correction.valid_to.emplace(std::nullopt); }
  const auto plan = tw::plan_correct(current, std::nullopt, correction);
  REQUIRE_FALSE(plan.has_value());
  CHECK(plan.error() == message);
}

TEST_CASE("plan_correct refuses dates that overlap another version of the line", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703", "25%", "2019-01-01", "2024-09-27"),
      version(2, "8703", "100%", "2024-09-27"),
  };

  SECTION("the earlier version made to end later") {
    Correction correction;
    correction.valid_to.emplace(day("2025-01-01"));
    const auto plan = tw::plan_correct(current, day("2020-01-01"), correction);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == "the corrected dates overlap the version in force from 2024-09-27");
  }

  SECTION("the later version made to start earlier") {
    Correction correction;
    correction.valid_from = day("2024-01-01");
    const auto plan = tw::plan_correct(current, day("2025-01-01"), correction);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == "the corrected dates overlap the version in force from 2019-01-01");
  }

  SECTION("touching is not overlapping") {
    Correction correction;
    correction.valid_from = day("2024-09-27");
    correction.update.rate = rate("50%");
    const auto plan = tw::plan_correct(current, day("2025-01-01"), correction);
    REQUIRE(plan.has_value());
    CHECK(plan->superseded == std::vector<std::int64_t>{2});
  }
}

TEST_CASE("plan_correct refuses a validity that ends before it starts", "[versioning]") {
  const std::vector<TariffLine> current{version(1, "8703", "25%", "2019-01-01", "2025-01-01")};
  Correction correction;
  correction.valid_to.emplace(day("2019-01-01"));
  const auto plan = tw::plan_correct(current, std::nullopt, correction);
  REQUIRE_FALSE(plan.has_value());
  CHECK(plan.error() == "the corrected validity ends (2019-01-01) on or before it starts (2019-01-01)");
}

TEST_CASE("plan_correct fails when nothing changes", "[versioning]") {
  const std::vector<TariffLine> current{
      version(1, "8703", "25%", "2019-01-01", "2024-09-27"),
      version(2, "8703", "100%", "2024-09-27"),
  };

  SECTION("every version already says it") {
    Correction correction;
    correction.update.heading = "9903.88.01";
    const auto plan = tw::plan_correct(current, std::nullopt, correction);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == "the correction changes nothing: every version already says this");
  }

  SECTION("the version in force on the date already says it") {
    Correction correction;
    correction.update.rate = rate("100%");
    const auto plan = tw::plan_correct(current, day("2025-01-01"), correction);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == "the correction changes nothing: the versions in force on that date already say this");
  }

  SECTION("the same dates") {
    Correction correction;
    correction.valid_from = day("2024-09-27");
    const auto plan = tw::plan_correct(current, day("2025-01-01"), correction);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == "the correction changes nothing: the versions in force on that date already say this");
  }

  SECTION("no version in force on the date") {
    Correction correction;
    correction.update.rate = rate("50%");
    const auto plan = tw::plan_correct(current, day("2010-01-01"), correction);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == "nothing to correct: no line is in force on that date");
  }
}

TEST_CASE("plan_correct on a listing corrects every version, keeping the delisting act", "[versioning]") {
  Listing delisted = listing_version(1, "2019-05-16", "2021-01-01");
  delisted.end_act_id = "act-delist";
  const std::vector<Listing> current{delisted, listing_version(2, "2022-01-01")};
  Correction correction;
  correction.update.name = "Huawei Technologies Co., Limited";

  SECTION("every version") {
    const auto plan = tw::plan_correct(current, std::nullopt, correction);
    REQUIRE(plan.has_value());
    CHECK(plan->superseded == std::vector<std::int64_t>{1, 2});
    REQUIRE(plan->inserted.size() == 2);
    Listing first = as_new_version(delisted, delisted.valid);
    first.name = "Huawei Technologies Co., Limited";
    first.end_act_id = "act-delist";
    CHECK(plan->inserted[0] == first);
    CHECK(plan->inserted[1].name == "Huawei Technologies Co., Limited");
    CHECK(plan->inserted[1].valid == tw::Validity{day("2022-01-01"), std::nullopt});
    CHECK_FALSE(plan->inserted[1].end_act_id.has_value());
  }

  SECTION("the version in force on a date") {
    const auto plan = tw::plan_correct(current, day("2020-01-01"), correction);
    REQUIRE(plan.has_value());
    CHECK(plan->superseded == std::vector<std::int64_t>{1});
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].end_act_id == "act-delist");
  }

  SECTION("new dates need a date, as its versions are one line") {
    Correction dates;
    dates.valid_from = day("2019-05-20");
    const auto refused = tw::plan_correct(current, std::nullopt, dates);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error() == "a line has 2 versions; give --on a date in force of the one whose dates are wrong");
    const auto plan = tw::plan_correct(current, day("2020-01-01"), dates);
    REQUIRE(plan.has_value());
    REQUIRE(plan->inserted.size() == 1);
    CHECK(plan->inserted[0].valid == tw::Validity{day("2019-05-20"), day("2021-01-01")});
  }

  SECTION("a re-listing made to start before the delisting") {
    Correction dates;
    dates.valid_from = day("2020-06-01");
    const auto plan = tw::plan_correct(current, day("2023-01-01"), dates);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == "the corrected dates overlap the version in force from 2019-05-16");
  }
}

TEST_CASE("plan_correct on control lines", "[versioning]") {
  const std::vector<ControlLine> current{
      control_version(1, "CN", "8542", "2022-10-07"),
      control_version(2, "RU", "*", "2022-02-24"),
  };

  SECTION("new terms on every line") {
    Correction correction;
    correction.update.description = "advanced computing and supercomputer items";
    const auto plan = tw::plan_correct(current, std::nullopt, correction);
    REQUIRE(plan.has_value());
    CHECK(plan->superseded == std::vector<std::int64_t>{1, 2});
    REQUIRE(plan->inserted.size() == 2);
    for (const auto& line : plan->inserted) {
      CHECK(line.description == "advanced computing and supercomputer items");
      CHECK(line.requirement == tw::Requirement::licence);
    }
    CHECK(plan->inserted[0].valid == tw::Validity{day("2022-10-07"), std::nullopt});
    CHECK(plan->inserted[1].valid == tw::Validity{day("2022-02-24"), std::nullopt});
  }

  SECTION("new dates on the one line in force on a date") {
    Correction correction;
    correction.valid_from = day("2022-10-21");
    const auto plan = tw::plan_correct(current, day("2022-03-01"), correction);
    REQUIRE(plan.has_value());
    CHECK(plan->superseded == std::vector<std::int64_t>{2});
    REQUIRE(plan->inserted.size() == 1);
    CHECK(key_of(plan->inserted[0]) == "RU *");
    CHECK(plan->inserted[0].valid == tw::Validity{day("2022-10-21"), std::nullopt});
  }

  SECTION("nothing changes") {
    Correction correction;
    correction.update.direction = tw::Direction::exports;
    const auto plan = tw::plan_correct(current, std::nullopt, correction);
    REQUIRE_FALSE(plan.has_value());
    CHECK(plan.error() == "the correction changes nothing: every version already says this");
  }
}

TEST_CASE("LineUpdate::fields_not_for names the options a kind does not have", "[versioning]") {
  using tw::MeasureKind;
  using Fields = std::vector<std::string>;

  SECTION("act and note apply to every kind") {
    LineUpdate update;
    update.act_id = "act";
    update.note = "note";
    for (const auto kind : {MeasureKind::tariff, MeasureKind::listing, MeasureKind::control, MeasureKind::other}) {
      CHECK(update.fields_not_for(kind).empty());
    }
  }

  SECTION("tariff fields") {
    LineUpdate update = new_rate("25%");
    update.heading = "9903.88.01";
    CHECK(update.fields_not_for(MeasureKind::tariff).empty());
    CHECK(update.fields_not_for(MeasureKind::listing) == Fields{"rate", "heading"});
    CHECK(update.fields_not_for(MeasureKind::control) == Fields{"rate", "heading"});
    CHECK(update.fields_not_for(MeasureKind::other) == Fields{"rate", "heading"});
  }

  SECTION("listing fields") {
    LineUpdate update;
    update.name = "n";
    update.aliases = std::vector<std::string>{"a"};
    update.type = tw::EntityType::vessel;
    update.country = tw::Jurisdiction::parse("CN").value();
    update.addresses = std::vector<std::string>{"x"};
    update.license_requirement = "r";
    update.license_policy = "p";
    update.source_key = "k";
    const Fields all{"name",           "alias",     "type", "country", "address", "license-requirement",
                     "license-policy", "source-key"};
    CHECK(update.fields_not_for(MeasureKind::listing).empty());
    CHECK(update.fields_not_for(MeasureKind::tariff) == all);
    CHECK(update.fields_not_for(MeasureKind::control) == all);
    CHECK(update.fields_not_for(MeasureKind::other) == all);
  }

  SECTION("control fields; other measures have direction and text only") {
    LineUpdate update;
    update.direction = tw::Direction::imports;
    update.requirement = tw::Requirement::quota;
    update.quota = "1000 t";
    update.description = "text";
    CHECK(update.fields_not_for(MeasureKind::control).empty());
    CHECK(update.fields_not_for(MeasureKind::other) == Fields{"requirement", "quota"});
    CHECK(update.fields_not_for(MeasureKind::tariff) == Fields{"direction", "requirement", "quota", "text"});
    CHECK(update.fields_not_for(MeasureKind::listing) == Fields{"direction", "requirement", "quota", "text"});
  }

  SECTION("a mix, in the order of the options") {
    LineUpdate update = new_rate("25%");
    update.description = "text";
    update.name = "n";
    CHECK(update.fields_not_for(MeasureKind::listing) == Fields{"rate", "text"});
    CHECK(update.fields_not_for(MeasureKind::other) == Fields{"rate", "name"});
  }
}

TEST_CASE("LineUpdate::empty is true only when no field is set", "[versioning]") {
  CHECK(LineUpdate{}.empty());
  CHECK_FALSE(new_rate("25%").empty());
  LineUpdate note;
  note.note = "x";
  CHECK_FALSE(note.empty());
  LineUpdate aliases;
  aliases.aliases = std::vector<std::string>{};
  CHECK_FALSE(aliases.empty());
  LineUpdate quota;
  quota.quota = "1000 t";
  CHECK_FALSE(quota.empty());
}
