#pragma once

namespace tw::cli {

// The whole program: parses `argv`, runs the command, prints any error and returns the
// exit code (see core/error.hpp).
int tradewatch_main(int argc, char** argv);

} // namespace tw::cli
