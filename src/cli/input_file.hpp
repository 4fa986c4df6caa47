#pragma once

#include <functional>
#include <istream>
#include <string>

namespace tw::cli {

// Opens `file` (standard input for -) and hands it to `read` with the name errors should
// give; a file that cannot be opened is exit 66, a failed read exit 74.
void read_input_file(const std::string& file,
                     const std::function<void(std::istream& in, const std::string& name)>& read);

} // namespace tw::cli
