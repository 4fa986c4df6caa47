#include "report/render.hpp"

namespace tw::report {

namespace {

// RFC 4180: quote a field that holds a comma, quote, line break or edge space.
std::string csv_field(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) {
    return std::string(text);
  }
  std::string result = "\"";
  for (const char c : text) {
    result += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return result + '"';
}

void write_record(const std::vector<std::string>& fields, std::ostream& out) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out << (i == 0 ? "" : ",") << csv_field(fields[i]);
  }
  out << "\r\n";
}

} // namespace

void render_csv(const Report& report, std::ostream& out) {
  if (report.tables.empty()) {
    write_record({"field", "value"}, out);
    for (const auto& field : report.fields) {
      write_record({field.key, field.value.text}, out);
    }
    return;
  }
  const Table& table = report.tables.front();
  std::vector<std::string> record;
  for (const auto& column : table.columns) {
    record.push_back(column.key);
  }
  write_record(record, out);
  for (const auto& row : table.rows) {
    record.clear();
    for (const auto& cell : row) {
      record.push_back(cell.text);
    }
    write_record(record, out);
  }
}

} // namespace tw::report
