#pragma once

// A fresh store for a test, and what tests of writes check with it.

#include "core/error.hpp"
#include "store/sqlite.hpp"
#include "store/store.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace tw::test {

// A new store in a temporary directory, removed with it.
class TempStore {
public:
  TempStore() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tradewatch-unit-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    m_dir = pattern;
    m_store.emplace(store::Store::create(m_dir / "tw.db"));
  }
  ~TempStore() {
    m_store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;

  store::Store& store() { return *m_store; }

private:
  std::filesystem::path m_dir;
  std::optional<store::Store> m_store;
};

// The one integer that `sql` selects.
inline std::int64_t select_integer(const store::Store& store, const std::string& sql) {
  store::Statement statement(store.db(), sql);
  REQUIRE(statement.step());
  return statement.integer(0);
}

// The tw::Error that `action` throws; fails the test when it throws none.
inline Error error_from(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error;
  }
  FAIL("no tw::Error was thrown");
  throw std::logic_error("unreachable");
}

} // namespace tw::test
