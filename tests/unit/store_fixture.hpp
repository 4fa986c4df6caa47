#pragma once

// What the store tests share: a temporary directory, write transactions, errors thrown.

#include "core/error.hpp"
#include "core/model.hpp"
#include "store/sqlite.hpp"
#include "store/store.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <system_error>

namespace tw::test {

// A fresh directory under the system's temporary directory, removed with everything in it.
class TempDir {
public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tradewatch-unit-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    m_path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
  std::filesystem::path m_path;
};

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

inline std::int64_t count_rows(const store::Store& store, const std::string& table) {
  store::Statement statement(store.db(), "SELECT count(*) FROM " + table);
  REQUIRE(statement.step());
  return statement.integer(0);
}

// Runs `body` in one write transaction stamped by a new changeset recorded at `recorded_at`.
inline ChangesetId write(store::Store& store, const std::string& recorded_at,
                         const std::function<void(ChangesetId)>& body = {}) {
  store::Transaction transaction(store.db(), store::Transaction::Kind::immediate);
  const ChangesetId changeset =
      store.record_changeset(Changeset{0, recorded_at, "tester", "unit test", "unit_tests", std::nullopt});
  if (body) {
    body(changeset);
  }
  transaction.commit();
  return changeset;
}

} // namespace tw::test
