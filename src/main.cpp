#include "cli/tradewatch_main.hpp"

int main(int argc, char** argv) { return tw::cli::tradewatch_main(argc, argv); }
