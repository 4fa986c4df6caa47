#include "core/model.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using tw::EntityCount;
using tw::EntityCounts;
using tw::ExclusiveGroup;
using tw::ParseError;

using tw::test::jurisdiction;

namespace {

EntityCount count(const std::string& country, int value) { return EntityCount{jurisdiction(country), value}; }

// The error of parsing `text` with `parse`; fails the test when it parses.
template <typename Parse> ParseError error_of(Parse parse, const std::string& text) {
  auto parsed = parse(text);
  REQUIRE_FALSE(parsed.has_value());
  return parsed.error();
}

} // namespace

TEST_CASE("parse_entity_count reads COUNTRY=COUNT", "[model]") {
  CHECK(tw::parse_entity_count("CN=37").value() == count("CN", 37));
  CHECK(tw::parse_entity_count("ru=3").value() == count("RU", 3));
  CHECK(tw::parse_entity_count("EU=0").value() == count("EU", 0));
  CHECK(tw::parse_entity_count("CN=2147483647").value() == count("CN", 2147483647));
}

TEST_CASE("parse_entity_count points at what is wrong", "[model]") {
  const std::string count_hint = "write COUNTRY=COUNT, e.g. CN=37";

  SECTION("no equals sign: the column is the end of the text") {
    const ParseError error = error_of(tw::parse_entity_count, "CN37");
    CHECK(error.message == "expected COUNTRY=COUNT");
    CHECK(error.column == 4);
    CHECK(error.hint == count_hint);
  }

  SECTION("a count that is not a whole number: the column is the count's") {
    for (const std::string text : {"CN=x", "CN=", "CN=-1", "CN=3.5", "CN=+3", "CN= 3", "CN=3 ", "CN=99999999999"}) {
      CAPTURE(text);
      const ParseError error = error_of(tw::parse_entity_count, text);
      CHECK(error.message == "expected a whole number");
      CHECK(error.column == 3);
      CHECK(error.hint == count_hint);
    }
  }

  SECTION("a country's name: the hint gives its code") {
    const ParseError error = error_of(tw::parse_entity_count, "China=3");
    CHECK(error.message == "unknown country or jurisdiction code");
    CHECK(error.column == 0);
    CHECK(error.hint == "China is written CN");
  }

  SECTION("an unknown code") {
    const ParseError error = error_of(tw::parse_entity_count, "XX=3");
    CHECK(error.message == "unknown country or jurisdiction code");
    CHECK(error.column == 0);
    CHECK(error.hint == "use an ISO 3166-1 alpha-2 code such as CN, US or DE; EU for the European Union; * for all");
  }

  SECTION("no country") {
    const ParseError error = error_of(tw::parse_entity_count, "=3");
    CHECK(error.message == "unknown country or jurisdiction code");
    CHECK(error.column == 0);
  }
}

TEST_CASE("parse_entity_counts reads counts separated by semicolons", "[model]") {
  CHECK(tw::parse_entity_counts("CN=37;RU=3").value() == EntityCounts{count("CN", 37), count("RU", 3)});
  CHECK(tw::parse_entity_counts("RU=3").value() == EntityCounts{count("RU", 3)});
  CHECK(tw::parse_entity_counts("").value().empty());
}

TEST_CASE("parse_entity_counts gives columns in the whole text", "[model]") {
  SECTION("a bad country in the second count") {
    const ParseError error = error_of(tw::parse_entity_counts, "CN=37;XX=1");
    CHECK(error.message == "unknown country or jurisdiction code");
    CHECK(error.column == 6);
  }

  SECTION("a bad number in the second count") {
    const ParseError error = error_of(tw::parse_entity_counts, "CN=37;RU=x");
    CHECK(error.message == "expected a whole number");
    CHECK(error.column == 9);
  }

  SECTION("an empty count between semicolons") {
    const ParseError error = error_of(tw::parse_entity_counts, "CN=37;;RU=3");
    CHECK(error.message == "expected COUNTRY=COUNT");
    CHECK(error.column == 6);
  }
}

TEST_CASE("format_entity_counts writes counts sorted by country", "[model]") {
  CHECK(tw::format_entity_counts({count("RU", 3), count("CN", 37), count("AE", 1)}) == "AE=1;CN=37;RU=3");
  CHECK(tw::format_entity_counts({count("CN", 37)}) == "CN=37");
  CHECK(tw::format_entity_counts({}).empty());
  const EntityCounts sorted{count("CN", 37), count("HK", 0), count("RU", 3)};
  CHECK(tw::parse_entity_counts(tw::format_entity_counts(sorted)).value() == sorted);
}

TEST_CASE("total adds up the counts", "[model]") {
  CHECK(tw::total({}) == 0);
  CHECK(tw::total({count("CN", 37)}) == 37);
  CHECK(tw::total({count("CN", 37), count("RU", 3), count("AE", 1)}) == 41);
}

TEST_CASE("parse_exclusive_group reads GROUP:PRIORITY", "[model]") {
  CHECK(tw::parse_exclusive_group("eo-14289:2").value() == ExclusiveGroup{"eo-14289", 2});
  CHECK(tw::parse_exclusive_group("eo-14257:0").value() == ExclusiveGroup{"eo-14257", 0});
  // The priority follows the last colon, so a name may hold colons.
  CHECK(tw::parse_exclusive_group("eo:14289:3").value() == ExclusiveGroup{"eo:14289", 3});
}

TEST_CASE("parse_exclusive_group points at what is wrong", "[model]") {
  const std::string group_hint = "write GROUP:PRIORITY, e.g. eo-14289:2; a higher priority is charged first";

  SECTION("no colon: the column is the end of the text") {
    const ParseError error = error_of(tw::parse_exclusive_group, "eo-14289");
    CHECK(error.message == "expected GROUP:PRIORITY");
    CHECK(error.column == 8);
    CHECK(error.hint == group_hint);
  }

  SECTION("no name") {
    const ParseError error = error_of(tw::parse_exclusive_group, ":2");
    CHECK(error.message == "expected GROUP:PRIORITY");
    CHECK(error.column == 2);
    CHECK(error.hint == group_hint);
  }

  SECTION("a space in the name: the column is the space's") {
    const ParseError error = error_of(tw::parse_exclusive_group, "eo 14289:2");
    CHECK(error.message == "a group name has no spaces");
    CHECK(error.column == 2);
    CHECK(error.hint == group_hint);
  }

  SECTION("a priority that is not a whole number: the column is the priority's") {
    for (const std::string text : {"eo:x", "eo:", "eo:-1", "eo:1.5", "eo:high"}) {
      CAPTURE(text);
      const ParseError error = error_of(tw::parse_exclusive_group, text);
      CHECK(error.message == "expected a whole number");
      CHECK(error.column == 3);
      CHECK(error.hint == group_hint);
    }
  }
}

TEST_CASE("format_exclusive_groups writes groups sorted by name, separated by spaces", "[model]") {
  CHECK(tw::format_exclusive_groups({{"eo-14289", 2}, {"eo-14257", 1}}) == "eo-14257:1 eo-14289:2");
  CHECK(tw::format_exclusive_groups({{"g", 1}}) == "g:1");
  CHECK(tw::format_exclusive_groups({}).empty());
}

TEST_CASE("parse_exclusive_groups reads what format_exclusive_groups wrote", "[model]") {
  const std::vector<ExclusiveGroup> groups{{"eo-14257", 1}, {"eo-14289", 2}};
  CHECK(tw::parse_exclusive_groups(tw::format_exclusive_groups(groups)) == groups);
  CHECK(tw::parse_exclusive_groups("").empty());
  CHECK(tw::parse_exclusive_groups("a:3") == std::vector<ExclusiveGroup>{{"a", 3}});
}

TEST_CASE("Measure kinds have names", "[model]") {
  using tw::MeasureKind;
  for (const auto& [kind, name] : std::vector<std::pair<MeasureKind, std::string>>{
           {MeasureKind::tariff, "tariff"},
           {MeasureKind::listing, "listing"},
           {MeasureKind::control, "control"},
           {MeasureKind::other, "other"},
       }) {
    CAPTURE(name);
    CHECK(tw::to_string(kind) == name);
    CHECK(tw::parse_measure_kind(name) == kind);
  }
  CHECK_FALSE(tw::parse_measure_kind("nosuch").has_value());
  CHECK_FALSE(tw::parse_measure_kind("Tariff").has_value());
  CHECK_FALSE(tw::parse_measure_kind("").has_value());
}

TEST_CASE("Entity types have names", "[model]") {
  using tw::EntityType;
  for (const auto& [type, name] : std::vector<std::pair<EntityType, std::string>>{
           {EntityType::entity, "entity"},
           {EntityType::individual, "individual"},
           {EntityType::vessel, "vessel"},
           {EntityType::aircraft, "aircraft"},
       }) {
    CAPTURE(name);
    CHECK(tw::to_string(type) == name);
    CHECK(tw::parse_entity_type(name) == type);
  }
  CHECK_FALSE(tw::parse_entity_type("company").has_value());
  CHECK_FALSE(tw::parse_entity_type("Entity").has_value());
}

TEST_CASE("Directions have names", "[model]") {
  CHECK(tw::to_string(tw::Direction::exports) == "export");
  CHECK(tw::to_string(tw::Direction::imports) == "import");
  CHECK(tw::parse_direction("export") == tw::Direction::exports);
  CHECK(tw::parse_direction("import") == tw::Direction::imports);
  CHECK_FALSE(tw::parse_direction("exports").has_value());
  CHECK_FALSE(tw::parse_direction("transit").has_value());
}

TEST_CASE("Requirements have names; licence is read in either spelling", "[model]") {
  using tw::Requirement;
  CHECK(tw::to_string(Requirement::licence) == "licence");
  CHECK(tw::to_string(Requirement::ban) == "ban");
  CHECK(tw::to_string(Requirement::quota) == "quota");
  CHECK(tw::parse_requirement("licence") == Requirement::licence);
  CHECK(tw::parse_requirement("license") == Requirement::licence);
  CHECK(tw::parse_requirement("ban") == Requirement::ban);
  CHECK(tw::parse_requirement("quota") == Requirement::quota);
  CHECK_FALSE(tw::parse_requirement("permit").has_value());
  CHECK_FALSE(tw::parse_requirement("Licence").has_value());
  CHECK_FALSE(tw::parse_requirement("").has_value());
}
