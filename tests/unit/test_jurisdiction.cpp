#include "core/jurisdiction.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <string>

using tw::Jurisdiction;

namespace {

const std::string k_generic_hint =
    "use an ISO 3166-1 alpha-2 code such as CN, US or DE; EU for the European Union; * for all";

} // namespace

TEST_CASE("Jurisdiction::parse reads ISO 3166-1 alpha-2 codes with their names", "[jurisdiction]") {
  CHECK(tw::test::parsed<Jurisdiction>("CN").code() == "CN");
  CHECK(tw::test::parsed<Jurisdiction>("CN").name() == "China");
  CHECK(tw::test::parsed<Jurisdiction>("US").name() == "United States");
  CHECK(tw::test::parsed<Jurisdiction>("DE").name() == "Germany");
  CHECK(tw::test::parsed<Jurisdiction>("AD").name() == "Andorra");
  CHECK(tw::test::parsed<Jurisdiction>("ZW").code() == "ZW");
  CHECK_FALSE(tw::test::parsed<Jurisdiction>("CN").is_all());
}

TEST_CASE("Jurisdiction::parse ignores letter case", "[jurisdiction]") {
  CHECK(tw::test::parsed<Jurisdiction>("cn") == tw::test::parsed<Jurisdiction>("CN"));
  CHECK(tw::test::parsed<Jurisdiction>("cN").code() == "CN");
  CHECK(tw::test::parsed<Jurisdiction>("us").code() == "US");
  CHECK(tw::test::parsed<Jurisdiction>("eu").code() == "EU");
}

TEST_CASE("Jurisdiction::parse knows EU and * beside the countries", "[jurisdiction]") {
  const Jurisdiction eu = tw::test::parsed<Jurisdiction>("EU");
  CHECK(eu.code() == "EU");
  CHECK(eu.name() == "European Union");
  CHECK_FALSE(eu.is_all());

  const Jurisdiction all = tw::test::parsed<Jurisdiction>("*");
  CHECK(all.code() == "*");
  CHECK(all.name() == "all origins");
  CHECK(all.is_all());
  CHECK(all == Jurisdiction::all());
}

TEST_CASE("Jurisdiction::parse finds every code of its table", "[jurisdiction]") {
  // Lookups bisect the table, so this also checks that it is sorted.
  for (const auto& entry : tw::detail::k_jurisdictions) {
    CAPTURE(entry.code);
    const auto jurisdiction = Jurisdiction::parse(entry.code);
    REQUIRE(jurisdiction.has_value());
    CHECK(jurisdiction->code() == entry.code);
    CHECK(jurisdiction->name() == entry.name);
  }
}

TEST_CASE("Jurisdiction::parse names the code when given a country's name", "[jurisdiction]") {
  struct Case {
    std::string text;
    std::string hint;
  };
  const auto test_case = GENERATE(values<Case>({
      {"China", "China is written CN"},
      {"china", "China is written CN"},
      {"CHINA", "China is written CN"},
      {"Germany", "Germany is written DE"},
      {"United States", "United States is written US"},
      {"European Union", "European Union is written EU"},
  }));
  CAPTURE(test_case.text);
  const auto jurisdiction = Jurisdiction::parse(test_case.text);
  REQUIRE_FALSE(jurisdiction.has_value());
  CHECK(jurisdiction.error().message == "unknown country or jurisdiction code");
  CHECK(jurisdiction.error().column == 0);
  CHECK(jurisdiction.error().hint == test_case.hint);
}

TEST_CASE("Jurisdiction::parse refuses unknown codes with a generic hint", "[jurisdiction]") {
  const auto text = GENERATE(as<std::string>{}, "XX", "", "C", "CHN", " CN", "CN ", "**", "Atlantis", "U.S.");
  CAPTURE(text);
  const auto jurisdiction = Jurisdiction::parse(text);
  REQUIRE_FALSE(jurisdiction.has_value());
  CHECK(jurisdiction.error().message == "unknown country or jurisdiction code");
  CHECK(jurisdiction.error().column == 0);
  CHECK(jurisdiction.error().hint == k_generic_hint);
}

TEST_CASE("Jurisdictions order by code", "[jurisdiction]") {
  CHECK(tw::test::parsed<Jurisdiction>("CN") < tw::test::parsed<Jurisdiction>("US"));
  CHECK(tw::test::parsed<Jurisdiction>("DE") < tw::test::parsed<Jurisdiction>("EU"));
  CHECK(Jurisdiction::all() < tw::test::parsed<Jurisdiction>("AD"));
  CHECK(tw::test::parsed<Jurisdiction>("US") != tw::test::parsed<Jurisdiction>("CN"));
  CHECK((tw::test::parsed<Jurisdiction>("cn") <=> tw::test::parsed<Jurisdiction>("CN")) == std::strong_ordering::equal);
}
