#pragma once

#include "io/source.hpp"

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tw::io {

// One record of a CSV file: its fields and where each starts.
struct CsvRecord {
  struct Start {
    std::size_t line = 0;
    std::size_t column = 0;
  };
  std::vector<std::string> fields;
  std::vector<Start> starts; // of each field
  std::string file;
  std::size_t line = 0; // where the record starts

  SourcePosition position(std::size_t field) const { return {file, starts[field].line, starts[field].column}; }
};

// Reads RFC 4180 CSV from a stream one record at a time, so memory stays flat however long
// the file: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF ends a
// record; a UTF-8 byte order mark at the start is skipped. Malformed quoting is an error at
// its line and column.
class CsvReader {
public:
  CsvReader(std::istream& in, std::string file_name);
  // Not copied: a copy would read on through the original's buffer.
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  CsvReader(CsvReader&&) = default;

  // Reads the next record into `record`; false at the end of the input. Blank lines are
  // skipped.
  bool next(CsvRecord& record);
  const std::string& file_name() const { return m_file; }

private:
  // From a buffer of the reader's own, so that runs of plain bytes are taken at once: the
  // stream's get and peek cost a call per byte (and istream's a sentry).
  int get() {
    if (m_next == m_end && !refill()) {
      return std::char_traits<char>::eof();
    }
    const char c = *m_next++;
    if (c == '\n') {
      ++m_line;
      m_column = 0;
    } else {
      ++m_column;
    }
    return static_cast<unsigned char>(c);
  }
  int peek() {
    return m_next == m_end && !refill() ? std::char_traits<char>::eof() : static_cast<unsigned char>(*m_next);
  }
  // Reads more of the stream into the buffer; false at its end.
  bool refill();
  // Appends to `field` the buffered bytes up to the next quote or line break, and in an
  // unquoted field also comma or carriage return.
  void take_run(std::string& field, bool quoted);
  // Reads a quoted field after its opening quote, which is at `start`.
  void read_quoted(std::string& field, const CsvRecord::Start& start);
  // Fails when a field grows past 1 MiB, before a runaway field fills memory.
  void check_length(const std::string& field, const CsvRecord::Start& start) const;

  std::istream& m_in;
  std::string m_file;
  std::size_t m_line = 1;
  std::size_t m_column = 0; // of the last byte read
  std::vector<char> m_buffer;
  const char* m_next = nullptr;
  const char* m_end = nullptr;
};

// A CSV file whose first record names its columns; records are read by column name.
class CsvTable {
public:
  // Reads the header. Fails (exit 65) on an empty file or a repeated column name.
  CsvTable(std::istream& in, std::string file_name);

  const std::vector<std::string>& header() const { return m_header; }
  // The index of column `name`, if the header has it.
  std::optional<std::size_t> column(std::string_view name) const {
    const auto found = m_columns.find(name);
    return found != m_columns.end() ? std::optional(found->second) : std::nullopt;
  }
  // Reads the next record; fails (exit 65) when it has another number of fields than the header.
  bool next(CsvRecord& record);
  const std::string& file_name() const { return m_reader.file_name(); }
  SourcePosition header_position(std::size_t column) const { return m_header_positions.at(column); }

private:
  CsvReader m_reader;
  std::vector<std::string> m_header;
  std::vector<SourcePosition> m_header_positions;
  // Each column's index by name: a native row looks up every column of every row by name.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };
  std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> m_columns;
};

// Writes one CSV record (RFC 4180): a field is quoted when it holds a comma, quote or line
// break, or starts or ends with a space; records end with CRLF.
void write_csv_record(std::ostream& out, const std::vector<std::string>& fields);
// Writes one field of a record, quoted as above.
void write_csv_field(std::ostream& out, std::string_view text);

} // namespace tw::io
