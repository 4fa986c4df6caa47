#pragma once

#include <vector>

namespace tw::store {

// One schema/NNNN_name.sql file; `version` is NNNN.
struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// Every migration compiled into the binary, in order (generated from schema/).
const std::vector<Migration>& migrations();

} // namespace tw::store
