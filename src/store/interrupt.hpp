#pragma once

// Ctrl-C (SIGINT) stops tradewatch cleanly: the handler only raises a flag and interrupts the
// SQLite statements running on the open connections; the work in progress then fails with
// exit 130 at the next statement, at the commit or in the loop reading an input file, so the
// open write transaction rolls back and the store is left as it was. A second SIGINT ends
// the process at once, which the store's journal survives as it survives a crash.
//
// A write command's commit is its last use of the store: what it does after committing (say
// what it did) is not stopped, so "interrupted" always means that nothing was written.

#include "core/error.hpp"

struct sqlite3;

namespace tw::store {

// Installs the SIGINT handler (tradewatch_main, once).
void stop_on_interrupt();

// Whether SIGINT has arrived.
bool interrupted();

// Throws the interruption error (exit 130) when SIGINT has arrived.
void throw_if_interrupted();

// The error an interrupted command ends with.
Error interrupted_error();

// The connections SIGINT interrupts; a Database registers its handle while it is open.
void watch_connection(sqlite3* handle);
void unwatch_connection(sqlite3* handle);

} // namespace tw::store
