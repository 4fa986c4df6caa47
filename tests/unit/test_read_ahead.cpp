#include "io/read_ahead.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using tw::io::ReadAhead;

namespace {

struct Item {
  int number = 0;
  std::string text;
};

} // namespace

TEST_CASE("ReadAhead hands over every item in order, across many batches", "[read_ahead]") {
  const int count = GENERATE(0, 1, 255, 256, 257, 20'000);
  int next = 0;
  ReadAhead<Item> ahead([&](Item& item) {
    if (next == count) {
      return false;
    }
    item.number = next;
    item.text = std::to_string(next++);
    return true;
  });
  int expected = 0;
  while (const Item* item = ahead.next()) {
    REQUIRE(item->number == expected);
    REQUIRE(item->text == std::to_string(expected));
    ++expected;
  }
  CHECK(expected == count);
  CHECK(ahead.next() == nullptr);
}

TEST_CASE("ReadAhead rethrows the reader's error after the items before it", "[read_ahead]") {
  const int failing = GENERATE(0, 700, 1024);
  int next = 0;
  ReadAhead<Item> ahead([&](Item& item) {
    if (next == failing) {
      throw std::runtime_error("row " + std::to_string(next));
    }
    item.number = next++;
    return true;
  });
  int seen = 0;
  try {
    while (ahead.next() != nullptr) {
      ++seen;
    }
    FAIL("no error");
  } catch (const std::runtime_error& error) {
    CHECK(std::string(error.what()) == "row " + std::to_string(failing));
  }
  CHECK(seen == failing);
  CHECK(ahead.next() == nullptr);
}

TEST_CASE("ReadAhead stops its reader when the caller gives up early", "[read_ahead]") {
  const int taken = GENERATE(0, 1, 300, 5'000);
  int read = 0;
  {
    ReadAhead<Item> ahead([&](Item& item) { // endless
      item.number = read++;
      return true;
    });
    for (int i = 0; i < taken; ++i) {
      REQUIRE(ahead.next()->number == i);
    }
  }
  // The reader stopped within the batches that go round (4 of 256 items) past what was taken.
  CHECK(read >= taken);
  CHECK(read <= taken + 5 * 256);
}
