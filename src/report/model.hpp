#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tw::report {

// One value of a report: `text` for text, Markdown and CSV; `json` for JSON (null when the
// value is absent). Builders decide both; renderers compute nothing of their own.
struct Cell {
  std::string text;
  nlohmann::ordered_json json;

  // A text value; empty text is absent (JSON null).
  static Cell of(std::string text);
  static Cell number(std::int64_t value);
  // A value shown as `text` and given to JSON as `json`.
  static Cell with_json(std::string text, nlohmann::ordered_json json);
};

enum class Align { left, right };

struct Column {
  std::string key;    // the CSV header and JSON member name
  std::string header; // the text and Markdown header
  Align align = Align::left;
  bool machine_only = false; // only in CSV and JSON, where the text columns say it already
  bool elastic = false;      // free text that text output may shorten to fit the terminal
};

// Rows [begin, end) of a table that share their group columns, joined as `name` ("US · CN ·
// Section 301"); one group of all rows, with an empty name, when the table has none.
struct RowGroup {
  std::string name;
  std::size_t begin;
  std::size_t end;
};

// Rows of cells. The first `group_columns` columns group the rows: text and Markdown show
// them once as a heading over each group; CSV and JSON keep them in every row.
struct Table {
  std::string key;
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::size_t group_columns = 0;
  bool hide_when_empty = false; // text and Markdown leave an empty table out entirely

  // The columns text and Markdown show: all but the group and machine-only columns.
  std::vector<std::size_t> shown_columns() const;
  // Runs of rows with the same group columns, in order.
  std::vector<RowGroup> row_groups() const;
};

struct Field {
  std::string key;
  std::string label;
  Cell value;
};

// One point of a chart series: `x` and `y` place it, the labels say it (a date, "25%").
struct ChartPoint {
  double x = 0;
  double y = 0;
  std::string x_label;
  std::string y_label;
};

struct ChartSeries {
  std::string name;
  std::vector<ChartPoint> points;
};

// `step`: each series holds its value from a point's x until the next point's x; the last
// point marks where the chart ends. `bars`: the i-th points of the series form the i-th
// group of bars, one bar per series, labelled by the first series' `x_label`.
enum class ChartKind { step, bars };

// A chart of numbers the builder computed; the same numbers are in the report's tables.
// Only HTML draws charts; the other formats leave them out.
struct Chart {
  std::string title;
  ChartKind kind = ChartKind::bars;
  std::string y_axis; // what the values are: "duty, % ad valorem", "count"
  std::vector<ChartSeries> series;
};

// What a command prints: a title, fields (a summary or a record), charts, tables and notes.
// JSON is an object of the fields and tables by key, every field present (null when
// absent); text and Markdown leave absent fields out; CSV is the first table (or the fields).
struct Report {
  std::string title;
  std::vector<Field> fields;
  std::vector<Chart> charts;
  std::vector<Table> tables;
  std::vector<std::string> notes;
};

} // namespace tw::report
