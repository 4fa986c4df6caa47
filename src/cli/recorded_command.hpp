#pragma once

#include <string>
#include <string_view>

namespace tw::cli {

// The command word of a command line as changesets record it (`tradewatch -q amend ev …`
// gives `amend`): the first word after the global options. Empty when `recorded` is not a
// tradewatch command line (an imported file's name, say).
std::string recorded_command_word(std::string_view recorded);

} // namespace tw::cli
