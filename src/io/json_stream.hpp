#pragma once

#include <cstddef>
#include <istream>
#include <iterator>

namespace tw::io {

// Reads a stream char by char for nlohmann's SAX parser, counting the lines read into `line`,
// so that errors and records can say where they are.
class LineCountingIterator {
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  LineCountingIterator() = default;
  LineCountingIterator(std::istream& in, std::size_t* line) : m_it(in), m_line(line) {}

  char operator*() const { return *m_it; }
  LineCountingIterator& operator++() {
    if (*m_it == '\n') {
      ++*m_line;
    }
    ++m_it;
    return *this;
  }
  bool operator==(const LineCountingIterator& other) const { return m_it == other.m_it; }
  bool operator!=(const LineCountingIterator& other) const { return m_it != other.m_it; }

private:
  std::istreambuf_iterator<char> m_it;
  std::size_t* m_line = nullptr;
};

// Skips white space and a UTF-8 byte order mark, adding the lines skipped to `line`; returns
// the next character without taking it.
int skip_to_first_character(std::istream& in, std::size_t& line);

} // namespace tw::io
