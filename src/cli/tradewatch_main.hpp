#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace tw::cli {

// The whole program: parses `argv`, runs the command, prints any error and returns the
// exit code (see core/error.hpp).
int tradewatch_main(int argc, char** argv);

enum class Confinement {
  none,
  read_only, // the store may only be read and no file written (the golden outputs of `check`)
};

// Runs the command line `args` (without the program's name) as tradewatch_main does, with
// standard output `out` and standard error `err`, and returns the exit code.
int run_tradewatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Confinement confinement);

} // namespace tw::cli
