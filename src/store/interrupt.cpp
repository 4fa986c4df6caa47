#include "store/interrupt.hpp"

#include <sqlite3.h>

#include <array>
#include <atomic>
#include <csignal>

namespace tw::store {

namespace {

// Lock-free, so that the handler may read them.
std::atomic<bool> g_interrupted{false};
// A command has few connections open at once (the store, a second one while migrating).
std::array<std::atomic<sqlite3*>, 8> g_connections{};

static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<sqlite3*>::is_always_lock_free);

extern "C" void on_interrupt(int) {
  g_interrupted.store(true);
  for (auto& connection : g_connections) {
    if (sqlite3* handle = connection.load(); handle != nullptr) {
      sqlite3_interrupt(handle);
    }
  }
}

} // namespace

void stop_on_interrupt() {
  struct sigaction inherited {};
  sigaction(SIGINT, nullptr, &inherited);
  if (inherited.sa_handler == SIG_IGN) {
    return; // started to ignore it (nohup, a background job of a script): so be it
  }
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // SA_RESTART: a read in progress is resumed, not cut short to look like the end of the
  // file; the reading loops check the flag. SA_RESETHAND: a second SIGINT ends the process.
  action.sa_flags = SA_RESTART | SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
}

bool interrupted() { return g_interrupted.load(); }

void throw_if_interrupted() {
  if (interrupted()) {
    throw interrupted_error();
  }
}

Error interrupted_error() { return Error(ExitCode::interrupted, "interrupted: nothing was written to the store"); }

void watch_connection(sqlite3* handle) {
  for (auto& connection : g_connections) {
    sqlite3* empty = nullptr;
    if (connection.compare_exchange_strong(empty, handle)) {
      return;
    }
  }
  // More connections than slots: this one is only stopped between statements.
}

void unwatch_connection(sqlite3* handle) {
  for (auto& connection : g_connections) {
    sqlite3* expected = handle;
    if (connection.compare_exchange_strong(expected, nullptr)) {
      return;
    }
  }
}

} // namespace tw::store
