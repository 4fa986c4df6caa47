#pragma once

#include "cli/context.hpp"

namespace tw::cli {

// Flushes `context.out()`; when what was written did not all reach it (a full disk), removes
// the -o file, cut short, and fails with exit 74.
void flush_output(Context& context);

} // namespace tw::cli
