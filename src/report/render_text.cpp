#include "report/render.hpp"
#include "report/text_width.hpp"

#include <algorithm>
#include <numeric>

namespace tw::report {

namespace {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::size_t k_gap = 2;       // spaces between columns
constexpr std::size_t k_min_width = 8; // an elastic column is never cut narrower

std::string styled(std::string_view text, bool color) {
  return color ? std::string(k_bold) + std::string(text) + std::string(k_reset) : std::string(text);
}

// A cell on one line: line breaks become spaces.
std::string one_line(std::string text) {
  std::ranges::replace(text, '\n', ' ');
  std::ranges::replace(text, '\r', ' ');
  return text;
}

std::string padded(std::string_view text, std::size_t width, Align align) {
  const std::size_t used = display_width(text);
  const std::string fill(width > used ? width - used : 0, ' ');
  return align == Align::right ? fill + std::string(text) : std::string(text) + fill;
}

// Column widths that fit `limit` (0: no limit) by shortening the widest elastic columns;
// identifiers, codes, dates and rates are never cut, so a table may still be wider.
std::vector<std::size_t> fit_widths(std::vector<std::size_t> widths, const std::vector<bool>& elastic,
                                    std::size_t limit) {
  if (limit == 0 || widths.empty()) {
    return widths;
  }
  std::size_t total = std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + k_gap * (widths.size() - 1);
  while (total > limit) {
    std::size_t widest = widths.size();
    for (std::size_t i = 0; i < widths.size(); ++i) {
      if (elastic[i] && widths[i] > k_min_width && (widest == widths.size() || widths[i] > widths[widest])) {
        widest = i;
      }
    }
    if (widest == widths.size()) {
      break;
    }
    --widths[widest];
    --total;
  }
  return widths;
}

void write_rows(const Table& table, std::size_t begin, std::size_t end, std::size_t indent,
                const RenderOptions& options, std::ostream& out) {
  const std::vector<std::size_t> shown = table.shown_columns();
  std::vector<std::size_t> widths;
  std::vector<bool> elastic;
  for (const std::size_t c : shown) {
    std::size_t width = display_width(table.columns[c].header);
    for (std::size_t r = begin; r < end; ++r) {
      width = std::max(width, display_width(one_line(table.rows[r][c].text)));
    }
    widths.push_back(width);
    elastic.push_back(table.columns[c].elastic);
  }
  widths = fit_widths(widths, elastic, options.width > indent ? options.width - indent : 0);
  auto write_line = [&](auto text_of, bool header) {
    std::string line(indent, ' ');
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const std::size_t c = shown[i];
      std::string cell = padded(truncate_to_width(one_line(text_of(c)), widths[i]), widths[i], table.columns[c].align);
      line += (i == 0 ? "" : std::string(k_gap, ' ')) + (header ? styled(cell, options.color) : cell);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  };
  write_line([&](std::size_t c) { return table.columns[c].header; }, true);
  for (std::size_t r = begin; r < end; ++r) {
    write_line([&](std::size_t c) { return table.rows[r][c].text; }, false);
  }
}

void write_table(const Table& table, const RenderOptions& options, std::ostream& out) {
  if (!table.title.empty()) {
    out << styled(table.title, options.color) << '\n';
  }
  if (table.rows.empty()) {
    out << "  (none)\n";
    return;
  }
  for (const auto& group : table.row_groups()) {
    if (table.group_columns > 0) {
      // The block before a table already ends in a blank line.
      out << (group.begin == 0 && table.title.empty() ? "" : "\n") << styled(group.name, options.color) << '\n';
    }
    write_rows(table, group.begin, group.end, table.group_columns > 0 ? 2 : 0, options, out);
  }
}

} // namespace

void render_text(const Report& report, const RenderOptions& options, std::ostream& out) {
  bool first_block = true;
  auto separate = [&] {
    if (!first_block) {
      out << '\n';
    }
    first_block = false;
  };
  if (!report.title.empty()) {
    separate();
    out << styled(report.title, options.color) << '\n';
  }
  if (!report.fields.empty()) {
    separate();
    std::size_t label_width = 0;
    for (const auto& field : report.fields) {
      if (!field.value.text.empty()) {
        label_width = std::max(label_width, display_width(field.label) + 1);
      }
    }
    for (const auto& field : report.fields) {
      if (field.value.text.empty()) {
        continue;
      }
      std::string line = padded(field.label + ":", label_width, Align::left) + "  " + field.value.text;
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << '\n';
    }
  }
  for (const auto& table : report.tables) {
    if (table.rows.empty() && table.hide_when_empty) {
      continue;
    }
    separate();
    write_table(table, options, out);
  }
  if (!report.notes.empty()) {
    separate();
    for (const auto& note : report.notes) {
      out << note << '\n';
    }
  }
}

} // namespace tw::report
