#include "core/product_code.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using tw::Jurisdiction;
using tw::ProductCode;

using tw::test::code;
using tw::test::jurisdiction;

namespace {

const std::string k_code_hint =
    "product codes have 2 to 10 digits; dots and spaces are ignored (8703.80.00); * is all products";

} // namespace

TEST_CASE("ProductCode::parse keeps the digits and ignores dots and spaces", "[product_code]") {
  CHECK(code("8703.80.00").digits() == "87038000");
  CHECK(code("87038000").digits() == "87038000");
  CHECK(code("8703 80 00").digits() == "87038000");
  CHECK(code("8507.60.0010").digits() == "8507600010");
  CHECK(code(" 87.03 ").digits() == "8703");
  CHECK(code("87").digits() == "87");
  CHECK(code("0101").digits() == "0101");
  CHECK(code("8703.80.00") == code("87038000"));
}

TEST_CASE("ProductCode::parse accepts 2 to 10 digits", "[product_code]") {
  CHECK(code("12").digits().size() == 2);
  CHECK(code("1234567890").digits().size() == 10);
}

TEST_CASE("ProductCode::parse refuses letters", "[product_code]") {
  const auto parsed = ProductCode::parse("8703.8O.00");
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().message == "a product code holds only digits");
  CHECK(parsed.error().column == 6);
  CHECK(parsed.error().hint == k_code_hint);

  const auto with_prefix = ProductCode::parse("HS8703");
  REQUIRE_FALSE(with_prefix.has_value());
  CHECK(with_prefix.error().message == "a product code holds only digits");
  CHECK(with_prefix.error().column == 0);

  const auto with_dash = ProductCode::parse("8703-80");
  REQUIRE_FALSE(with_dash.has_value());
  CHECK(with_dash.error().column == 4);
}

TEST_CASE("ProductCode::parse refuses 11 digits", "[product_code]") {
  const auto parsed = ProductCode::parse("8507.60.00100");
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().message == "a product code has at most 10 digits");
  CHECK(parsed.error().column == 12);
  CHECK(parsed.error().hint == k_code_hint);

  const auto plain = ProductCode::parse("12345678901");
  REQUIRE_FALSE(plain.has_value());
  CHECK(plain.error().message == "a product code has at most 10 digits");
  CHECK(plain.error().column == 10);
}

TEST_CASE("ProductCode::parse refuses fewer than 2 digits", "[product_code]") {
  const auto text = GENERATE(as<std::string>{}, "8", "", ".", " 8 ", "..");
  CAPTURE(text);
  const auto parsed = ProductCode::parse(text);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().message == "a product code has at least 2 digits");
  CHECK(parsed.error().column == text.size());
  CHECK(parsed.error().hint == k_code_hint);
}

TEST_CASE("ProductCode::covers itself and longer codes under it", "[product_code]") {
  const ProductCode heading = code("8703");
  CHECK(heading.covers(code("8703.80.00")));
  CHECK(heading.covers(code("8703")));
  CHECK(heading.covers(code("8703.80.0010")));
  CHECK(code("87").covers(code("8703")));
  CHECK_FALSE(heading.covers(code("8704.10")));
  CHECK_FALSE(heading.covers(code("870")));
  CHECK_FALSE(code("8703.80.00").covers(heading));
  CHECK_FALSE(code("8703.80").covers(code("8703.90.00")));
  CHECK(ProductCode().covers(heading));
}

TEST_CASE("ProductCode::covering_prefixes lists the codes that cover it, shortest first", "[product_code]") {
  CHECK(code("8703.80.00").covering_prefixes() ==
        std::vector<std::string>{"87", "870", "8703", "87038", "870380", "8703800", "87038000"});
  CHECK(code("87").covering_prefixes() == std::vector<std::string>{"87"});
  const auto prefixes = code("8507600010").covering_prefixes();
  REQUIRE(prefixes.size() == 9);
  CHECK(prefixes.front() == "85");
  CHECK(prefixes.back() == "8507600010");
  for (const auto& prefix : prefixes) {
    CHECK(code(prefix).covers(code("8507600010")));
  }
}

TEST_CASE("ProductCode::format uses the imposer's usual form", "[product_code]") {
  const Jurisdiction us = jurisdiction("US");
  const Jurisdiction eu = jurisdiction("EU");

  SECTION("US dotted 4.2.2.rest") {
    CHECK(code("87038000").format(us) == "8703.80.00");
    CHECK(code("8507600010").format(us) == "8507.60.0010");
    CHECK(code("8703").format(us) == "8703");
    CHECK(code("870380").format(us) == "8703.80");
    CHECK(code("87038").format(us) == "8703.8");
    CHECK(code("870380001").format(us) == "8703.80.001");
    CHECK(code("87").format(us) == "87");
    CHECK(code("870").format(us) == "870");
  }

  SECTION("EU with spaces") {
    CHECK(code("87038000").format(eu) == "8703 80 00");
    CHECK(code("8507600010").format(eu) == "8507 60 00 10");
    CHECK(code("870380").format(eu) == "8703 80");
    CHECK(code("8703").format(eu) == "8703");
  }

  SECTION("other imposers use dots") {
    CHECK(code("87038000").format(jurisdiction("CN")) == "8703.80.00");
    CHECK(code("87038000").format(Jurisdiction::all()) == "8703.80.00");
  }

  SECTION("the formatted code parses back to the same digits") {
    for (const auto* digits : {"87", "8703", "87038", "870380", "87038000", "8507600010"}) {
      CHECK(code(code(digits).format(us)).digits() == digits);
      CHECK(code(code(digits).format(eu)).digits() == digits);
    }
  }
}

TEST_CASE("ProductCodes order by their digits", "[product_code]") {
  CHECK(code("8703") < code("87038000"));
  CHECK(code("8703.80") < code("8704"));
  CHECK(code("0101") < code("87"));
}

TEST_CASE("ProductCode::parse reads * as all products, which cover every code", "[product_code]") {
  const auto all = tw::ProductCode::parse("*");
  REQUIRE(all.has_value());
  CHECK(all->is_all());
  CHECK(all->key() == "*");
  CHECK(all->format(jurisdiction("US")) == "*");
  CHECK(all->covers(code("8703.80.00")));
  CHECK_FALSE(code("8703").covers(*all));
  CHECK(code("8703").key() == "8703");
}
