#include "io/text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

TEST_CASE("trimmed drops white space and no-break spaces at both ends", "[io]") {
  CHECK(tw::io::trimmed("  a b\t\r\n") == "a b");
  CHECK(tw::io::trimmed("\xC2\xA0"
                        "Free\xC2\xA0 ") == "Free");
  CHECK(tw::io::trimmed("   ").empty());
  CHECK(tw::io::trimmed("本源量子") == "本源量子");
}

TEST_CASE("split_packed splits a packed cell into trimmed, distinct parts", "[io]") {
  using Parts = std::vector<std::string>;
  CHECK(tw::io::split_packed("A; B;C") == Parts{"A", "B", "C"});
  CHECK(tw::io::split_packed(" A ;; ;A; B ") == Parts{"A", "B"});
  CHECK(tw::io::split_packed("").empty());
  CHECK(tw::io::split_packed("x|y", '|') == Parts{"x", "y"});
}
