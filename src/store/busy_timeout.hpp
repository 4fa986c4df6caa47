#pragma once

#include <chrono>

namespace tw::store {

// How long a writer waits for another to finish before it fails with exit 75 (default 10
// s); tradewatch_main sets it from TRADEWATCH_BUSY_TIMEOUT before opening any store.
void set_busy_timeout(std::chrono::milliseconds timeout);
std::chrono::milliseconds busy_timeout();

} // namespace tw::store
