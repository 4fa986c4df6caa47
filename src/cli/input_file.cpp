#include "cli/input_file.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

namespace tw::cli {

void read_input_file(const std::string& file,
                     const std::function<void(std::istream& in, const std::string& name)>& read) {
  std::ifstream stream;
  std::istream* in = &std::cin;
  std::string name = "<stdin>";
  if (file != "-") {
    stream.open(file, std::ios::binary);
    if (!stream) {
      throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", file, std::strerror(errno)));
    }
    in = &stream;
    name = file;
  }
  read(*in, name);
  if (in->bad()) {
    throw Error(ExitCode::io_error, fmt::format("reading {} failed", name));
  }
}

} // namespace tw::cli
