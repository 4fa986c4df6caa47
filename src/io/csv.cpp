#include "io/csv.hpp"

#include "store/interrupt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace tw::io {

namespace {
constexpr std::size_t k_buffer_bytes = 1 << 16;

// Far more than any name, address or note; a longer field is most likely a quote left open.
constexpr std::size_t k_max_field_bytes = 1 << 20;

// The offset of the first byte of `text` that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Most text is ASCII: eight bytes at a time while none has its high bit set.
    std::uint64_t eight = 0;
    if (i + sizeof eight <= text.size() &&
        (std::memcpy(&eight, text.data() + i, sizeof eight), (eight & 0x8080808080808080U) == 0)) {
      i += sizeof eight;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80           ? 1
                               : (byte >> 5) == 0x6  ? 2
                               : (byte >> 4) == 0xE  ? 3
                               : (byte >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size() || (length == 2 && byte < 0xC2)) {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return i;
      }
    }
    i += length;
  }
  return std::nullopt;
}

// The bytes that end a run of plain bytes in a field (take_run), as a table: one look per byte.
constexpr std::array<bool, 256> run_stops(bool quoted) {
  std::array<bool, 256> stops{};
  stops['"'] = stops['\n'] = true;
  stops[','] = stops['\r'] = !quoted;
  return stops;
}
constexpr std::array<bool, 256> k_quoted_run_stops = run_stops(true);
constexpr std::array<bool, 256> k_unquoted_run_stops = run_stops(false);

const char* const k_quote_hint =
    "inside a quoted field a quote is written twice (\"\"); a field with a quote, comma or "
    "line break must be quoted whole";
} // namespace

CsvReader::CsvReader(std::istream& in, std::string file_name)
    : m_in(in), m_file(std::move(file_name)), m_buffer(k_buffer_bytes) {
  // A UTF-8 byte order mark, as spreadsheet programs write it.
  if (peek() == 0xEF &&
      std::string_view(m_next, static_cast<std::size_t>(m_end - m_next)).starts_with("\xEF\xBB\xBF")) {
    m_next += 3;
  }
}

bool CsvReader::refill() {
  const std::streamsize read = m_in.rdbuf()->sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_next = m_buffer.data();
  m_end = m_next + std::max<std::streamsize>(read, 0);
  return m_next != m_end;
}

void CsvReader::take_run(std::string& field, bool quoted) {
  const std::array<bool, 256>& stops = quoted ? k_quoted_run_stops : k_unquoted_run_stops;
  const char* run = m_next;
  while (run != m_end && !stops[static_cast<unsigned char>(*run)]) {
    ++run;
  }
  field.append(m_next, run);
  m_column += static_cast<std::size_t>(run - m_next);
  m_next = run;
}

bool CsvReader::next(CsvRecord& record) {
  constexpr int eof = std::char_traits<char>::eof();
  store::throw_if_interrupted();
  while (peek() == '\n' || peek() == '\r') { // blank lines
    get();
  }
  if (peek() == eof) {
    record.fields.clear();
    record.starts.clear();
    return false;
  }
  if (record.file != m_file) {
    record.file = m_file;
  }
  record.line = m_line;
  // Fields are read in place into the record's strings, which keep their capacity from one
  // record to the next.
  std::size_t count = 0;
  auto begin_field = [&] {
    if (count == record.fields.size()) {
      record.fields.emplace_back();
      record.starts.emplace_back();
    }
    record.fields[count].clear();
    record.starts[count] = {m_line, m_column + 1};
  };
  // A field must be UTF-8, which is checked once it is whole.
  auto end_field = [&] {
    const std::string& field = record.fields[count];
    if (const auto bad = invalid_utf8(field)) {
      const CsvRecord::Start& start = record.starts[count];
      throw data_error({m_file, start.line, start.column + *bad},
                       fmt::format("byte 0x{:02X} is not UTF-8", static_cast<unsigned char>(field[*bad])),
                       "save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\")");
    }
  };
  auto end_record = [&] {
    end_field();
    ++count;
    record.fields.resize(count);
    record.starts.resize(count);
    return true;
  };
  begin_field();
  while (true) {
    std::string& field = record.fields[count];
    const int c = get();
    switch (c) {
    case eof:
    case '\n':
      return end_record();
    case '\r':
      if (peek() == '\n') {
        get();
      }
      return end_record();
    case ',':
      end_field();
      ++count;
      begin_field();
      break;
    case '"':
      if (!field.empty()) {
        throw data_error({m_file, m_line, m_column}, "a quote inside an unquoted field", k_quote_hint);
      }
      read_quoted(field, record.starts[count]);
      break;
    default:
      field.push_back(static_cast<char>(c));
      take_run(field, false);
      check_length(field, record.starts[count]);
      break;
    }
  }
}

void CsvReader::check_length(const std::string& field, const CsvRecord::Start& start) const {
  if (field.size() > k_max_field_bytes) {
    throw data_error({m_file, start.line, start.column}, fmt::format("a field longer than {} bytes", k_max_field_bytes),
                     "is a quote left open? a field holds at most 1 MiB");
  }
}

void CsvReader::read_quoted(std::string& field, const CsvRecord::Start& start) {
  constexpr int eof = std::char_traits<char>::eof();
  while (true) {
    const int c = get();
    if (c == eof) {
      throw data_error({m_file, start.line, start.column}, "a quoted field is not closed before the end of the file",
                       k_quote_hint);
    }
    if (c != '"') {
      field.push_back(static_cast<char>(c));
      take_run(field, true);
      check_length(field, start);
    } else if (peek() == '"') {
      get();
      field.push_back('"');
    } else {
      const int after = peek();
      if (after != ',' && after != '\n' && after != '\r' && after != eof) {
        throw data_error({m_file, m_line, m_column + 1}, "text after the closing quote of a field", k_quote_hint);
      }
      return;
    }
  }
}

CsvTable::CsvTable(std::istream& in, std::string file_name) : m_reader(in, std::move(file_name)) {
  CsvRecord record;
  if (!m_reader.next(record)) {
    throw data_error({m_reader.file_name(), 1, 0}, "the file is empty; the first line must name the columns");
  }
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (!m_columns.try_emplace(record.fields[i], i).second) {
      throw data_error(record.position(i), fmt::format("column \"{}\" appears twice", record.fields[i]),
                       "each column is named once in the header");
    }
    m_header.push_back(record.fields[i]);
    m_header_positions.push_back(record.position(i));
  }
}

bool CsvTable::next(CsvRecord& record) {
  if (!m_reader.next(record)) {
    return false;
  }
  if (record.fields.size() != m_header.size()) {
    const SourcePosition at = record.starts.size() > m_header.size() ? record.position(m_header.size())
                                                                     : SourcePosition{file_name(), record.line, 0};
    throw data_error(at, fmt::format("{} fields where the header names {}", record.fields.size(), m_header.size()),
                     "every row has one field per column; quote fields that hold commas");
  }
  return true;
}

void write_csv_field(std::ostream& out, std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) {
    out << text;
    return;
  }
  out.put('"');
  for (const char c : text) {
    if (c == '"') {
      out.put('"'); // a quote inside is written twice
    }
    out.put(c);
  }
  out.put('"');
}

void write_csv_record(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out << ',';
    }
    write_csv_field(out, fields[i]);
  }
  out << "\r\n";
}

} // namespace tw::io
