#include "report/render.hpp"

namespace tw::report {

namespace {

// Pipes would end a cell and newlines a row.
std::string escaped(std::string_view text) {
  std::string result;
  for (const char c : text) {
    if (c == '|') {
      result += "\\|";
    } else if (c == '\n') {
      result += "<br>";
    } else if (c != '\r') {
      result += c;
    }
  }
  return result;
}

void write_rows(const Table& table, std::size_t from_row, std::size_t to_row, std::ostream& out) {
  const std::vector<std::size_t> shown = table.shown_columns();
  out << '|';
  for (const std::size_t c : shown) {
    out << ' ' << escaped(table.columns[c].header) << " |";
  }
  out << "\n|";
  for (const std::size_t c : shown) {
    out << (table.columns[c].align == Align::right ? "---:|" : "---|");
  }
  out << '\n';
  for (std::size_t r = from_row; r < to_row; ++r) {
    out << '|';
    for (const std::size_t c : shown) {
      out << ' ' << escaped(table.rows[r][c].text) << " |";
    }
    out << '\n';
  }
}

} // namespace

void render_markdown(const Report& report, std::ostream& out) {
  if (!report.title.empty()) {
    out << "## " << escaped(report.title) << "\n\n";
  }
  for (const auto& field : report.fields) {
    if (field.value.text.empty()) {
      continue;
    }
    out << "- **" << escaped(field.label) << ":** " << escaped(field.value.text) << '\n';
  }
  if (!report.fields.empty()) {
    out << '\n';
  }
  for (const auto& table : report.tables) {
    if (table.rows.empty() && table.hide_when_empty) {
      continue;
    }
    if (!table.title.empty()) {
      out << "### " << escaped(table.title) << "\n\n";
    }
    if (table.rows.empty()) {
      out << "(none)\n\n";
      continue;
    }
    for (const auto& group : table.row_groups()) {
      if (table.group_columns > 0) {
        out << "#### " << escaped(group.name) << "\n\n";
      }
      write_rows(table, group.begin, group.end, out);
      out << '\n';
    }
  }
  for (const auto& note : report.notes) {
    out << "> " << escaped(note) << '\n';
  }
}

} // namespace tw::report
