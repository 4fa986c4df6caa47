#include "io/csv.hpp"
#include "report/render.hpp"

#include <algorithm>

namespace tw::report {

void render_csv(const Report& report, std::ostream& out) {
  if (report.tables.empty()) {
    io::write_csv_record(out, {"field", "value"});
    for (const auto& field : report.fields) {
      io::write_csv_record(out, {field.key, field.value.text});
    }
    return;
  }
  // The main table: the first, or, where empty tables may be left out (a list of several
  // kinds), the first that has rows.
  const auto with_rows = std::ranges::find_if(report.tables, [](const Table& t) { return !t.rows.empty(); });
  const Table& table =
      with_rows != report.tables.end() && report.tables.front().hide_when_empty ? *with_rows : report.tables.front();
  std::vector<std::string> record;
  for (const auto& column : table.columns) {
    record.push_back(column.key);
  }
  io::write_csv_record(out, record);
  for (const auto& row : table.rows) {
    record.clear();
    for (const auto& cell : row) {
      record.push_back(cell.text);
    }
    io::write_csv_record(out, record);
  }
}

} // namespace tw::report
