#include "cli/commands.hpp"
#include "store/read_only_sql.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {

report::Cell cell_of(const store::SqlValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    return report::Cell::number(*integer);
  }
  if (const auto* real = std::get_if<double>(&value)) {
    return report::Cell::with_json(store::sql_value_text(value), *real);
  }
  if (const auto* text = std::get_if<std::string>(&value)) {
    // An empty text stays a text in JSON, apart from NULL.
    return report::Cell::with_json(*text, *text);
  }
  return report::Cell::with_json("", nullptr);
}

report::Report result_report(const store::SqlResult& result) {
  report::Table table{"rows", {}, {}, {}, 0};
  for (const auto& name : result.columns) {
    table.columns.push_back({name, name});
  }
  for (const auto& row : result.rows) {
    std::vector<report::Cell> cells;
    for (const auto& value : row) {
      cells.push_back(cell_of(value));
    }
    table.rows.push_back(std::move(cells));
  }
  report::Report report;
  report.tables.push_back(std::move(table));
  return report;
}

} // namespace

void add_query_command(CLI::App& app, Context& context) {
  CLI::App* command =
      app.add_subcommand("query", "run one read-only SELECT over the documented views (v_tariff_lines, v_listings, …)");
  auto sql = std::make_shared<std::string>();
  command->add_option("SQL", *sql, "the SELECT statement")->required();
  command->callback([&context, sql] {
    const auto store = context.open_store(store::Store::Access::read_only);
    context.print(result_report(store::run_read_only_sql(store, *sql)));
  });
}

} // namespace tw::cli
