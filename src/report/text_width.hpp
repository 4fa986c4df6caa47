#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tw::report {

// Columns that `text` (UTF-8) takes on a terminal: 2 for CJK and other wide characters, 0
// for combining marks. Invalid UTF-8 counts one column a byte.
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

} // namespace tw::report
