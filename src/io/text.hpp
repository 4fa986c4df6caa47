#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tw::io {

// `text` without the white space (ASCII, and the no-break space U+00A0) at either end.
std::string_view trimmed(std::string_view text);

// The parts of a packed multi-value cell ("A; B;C"), split at `separator`, each trimmed;
// empty parts and repeats are dropped, the order kept.
std::vector<std::string> split_packed(std::string_view text, char separator = ';');

} // namespace tw::io
