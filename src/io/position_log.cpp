#include "io/position_log.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace tw::io {

namespace {

// file, row line, row column, from line, from column
using Record = std::array<std::uint32_t, 5>;

Error scratch_error(const char* doing) {
  const int error = errno;
  if (error == ENOSPC || error == EDQUOT) {
    return Error(ExitCode::io_error, fmt::format("{} the import's scratch file: the disk is full", doing));
  }
  return Error(ExitCode::io_error, fmt::format("{} the import's scratch file: {}", doing, std::strerror(error)),
               "set TMPDIR to a writable folder with room");
}

std::uint32_t narrow(std::size_t value) { return value > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(value); }

} // namespace

PositionLog::PositionLog() {
  const char* folder = std::getenv("TMPDIR");
  std::string path =
      fmt::format("{}/tradewatch-positions-XXXXXX", folder != nullptr && *folder != '\0' ? folder : "/tmp");
  const int descriptor = ::mkstemp(path.data());
  if (descriptor < 0) {
    throw scratch_error("creating");
  }
  ::unlink(path.c_str()); // gone with the process, however it ends
  m_file.reset(::fdopen(descriptor, "w+b"));
  if (!m_file) {
    ::close(descriptor);
    throw scratch_error("opening");
  }
}

void PositionLog::append(std::size_t file, const SourcePosition& row, const SourcePosition& from) {
  const Record record{narrow(file), narrow(row.line), narrow(row.column), narrow(from.line), narrow(from.column)};
  if (std::fwrite(record.data(), sizeof record, 1, m_file.get()) != 1) {
    throw scratch_error("writing");
  }
}

PositionLog::Entry PositionLog::read(std::size_t index, const std::vector<std::string>& files) {
  Record record{};
  if (std::fseek(m_file.get(), static_cast<long>(index * sizeof record), SEEK_SET) != 0 ||
      std::fread(record.data(), sizeof record, 1, m_file.get()) != 1) {
    throw scratch_error("reading");
  }
  const std::string& file = files.at(record[0]);
  return {{file, record[1], record[2]}, {file, record[3], record[4]}};
}

} // namespace tw::io
