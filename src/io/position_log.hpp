#pragma once

#include "io/source.hpp"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace tw::io {

// The positions of rows that went straight into the store, one fixed-size record per row in
// the order written, kept in an unlinked scratch file (in $TMPDIR, else /tmp) rather than in
// memory: an error found after reading can still point at its rows, while memory stays flat
// however long the input.
class PositionLog {
public:
  // Where a row starts and where its `from` field starts.
  struct Entry {
    SourcePosition row;
    SourcePosition from;
  };

  PositionLog();

  // Appends the positions of the next row; `file` numbers a name in `files` given to `read`.
  void append(std::size_t file, const SourcePosition& row, const SourcePosition& from);
  // The positions of the `index`-th row appended (from 0).
  Entry read(std::size_t index, const std::vector<std::string>& files);

private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::unique_ptr<std::FILE, Closer> m_file;
};

} // namespace tw::io
