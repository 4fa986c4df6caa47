#pragma once

// SQL from users (`query`, check files) over the documented views, which must not change the
// store by any means. Three guards stand in the way of a write: the store is opened read-only,
// an authorizer allows nothing but reading (no ATTACH, no PRAGMA but table_info, no
// load_extension), and a statement SQLite does not call read-only is refused before it runs.

#include "store/store.hpp"

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tw::store {

// One value of a result: NULL, an integer, a real or a text (a blob is read as its bytes).
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// The value as text: empty for NULL, integers in decimal, reals in their shortest exact form.
std::string sql_value_text(const SqlValue& value);

struct SqlResult {
  std::vector<std::string> columns;
  std::vector<std::vector<SqlValue>> rows;
};

// Why `sql` may not run on `store` (more than one statement, a statement that writes or
// attaches, a pragma, extension loading, or a syntax error), or nothing when it may.
std::expected<void, std::string> refuse_unless_read_only(const Store& store, std::string_view sql);

// Runs one read-only statement on `store`, which must be open read-only. A statement that
// is refused is a usage error (exit 64) with the reason.
SqlResult run_read_only_sql(const Store& store, std::string_view sql);

} // namespace tw::store
