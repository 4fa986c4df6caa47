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

} // namespace tw::report
