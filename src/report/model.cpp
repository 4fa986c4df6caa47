#include "report/model.hpp"

namespace tw::report {

Cell Cell::of(std::string text) {
  nlohmann::ordered_json json = text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
  return Cell{std::move(text), std::move(json)};
}

Cell Cell::number(std::int64_t value) { return Cell{std::to_string(value), value}; }

Cell Cell::with_json(std::string text, nlohmann::ordered_json json) { return Cell{std::move(text), std::move(json)}; }

std::vector<std::size_t> Table::shown_columns() const {
  std::vector<std::size_t> shown;
  for (std::size_t c = group_columns; c < columns.size(); ++c) {
    if (!columns[c].machine_only) {
      shown.push_back(c);
    }
  }
  return shown;
}

std::vector<RowGroup> Table::row_groups() const {
  std::vector<RowGroup> groups;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string name;
    for (std::size_t c = 0; c < group_columns; ++c) {
      name += (c == 0 ? "" : " · ") + rows[r][c].text;
    }
    if (groups.empty() || groups.back().name != name) {
      groups.push_back(RowGroup{std::move(name), r, r + 1});
    } else {
      groups.back().end = r + 1;
    }
  }
  return groups;
}

} // namespace tw::report
