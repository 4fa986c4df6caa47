#include "report/render.hpp"

namespace tw::report {

void render_json(const Report& report, std::ostream& out) {
  nlohmann::ordered_json document = nlohmann::ordered_json::object();
  for (const auto& field : report.fields) {
    document[field.key] = field.value.json;
  }
  for (const auto& table : report.tables) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        object[table.columns[c].key] = row[c].json;
      }
      rows.push_back(std::move(object));
    }
    document[table.key] = std::move(rows);
  }
  out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

} // namespace tw::report
