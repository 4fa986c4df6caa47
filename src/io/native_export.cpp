#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/native.hpp"
#include "store/versions.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <variant>

namespace tw::io {

namespace {

using Json = nlohmann::ordered_json;
using store::Statement;

// One value of an exported row: none, a text, or a list of texts (a JSON array).
using Cell = std::variant<std::monostate, std::string_view, Json>;

// Writes rows of one kind, each its cells in the order of the kind's columns, as CSV (lists
// joined by "; "), a JSON array with one object a line, or NDJSON. A CSV row goes out cell by
// cell, with no object built: export writes millions of them.
class RowWriter {
public:
  RowWriter(std::ostream& out, DataFormat format, std::span<const std::string_view> columns)
      : m_out(out), m_format(format), m_columns(columns) {
    if (m_format == DataFormat::csv) {
      write_csv_record(m_out, std::vector<std::string>(columns.begin(), columns.end()));
    } else if (m_format == DataFormat::json) {
      m_out << '[';
    }
  }

  void write(std::span<const Cell> cells) {
    if (cells.size() != m_columns.size()) {
      throw Error(ExitCode::internal,
                  fmt::format("an exported row has {} cells for {} columns", cells.size(), m_columns.size()));
    }
    if (m_format == DataFormat::csv) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
          m_out.put(',');
        }
        write_csv_cell(cells[i]);
      }
      m_out << "\r\n";
      return;
    }
    Json row = Json::object();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      row[std::string(m_columns[i])] = json_value(cells[i]);
    }
    const std::string text = row.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (m_format == DataFormat::json) {
      m_out << (m_rows++ == 0 ? "\n" : ",\n") << text;
    } else {
      m_out << text << '\n';
    }
  }

  void finish() {
    if (m_format == DataFormat::json) {
      m_out << (m_rows == 0 ? "]\n" : "\n]\n");
    }
  }

private:
  void write_csv_cell(const Cell& cell) {
    if (const auto* text = std::get_if<std::string_view>(&cell)) {
      write_csv_field(m_out, *text);
    } else if (const auto* list = std::get_if<Json>(&cell)) {
      std::string joined;
      for (const auto& item : *list) {
        joined += (joined.empty() ? "" : "; ") + item.get<std::string>();
      }
      write_csv_field(m_out, joined);
    }
  }

  static Json json_value(const Cell& cell) {
    if (const auto* text = std::get_if<std::string_view>(&cell)) {
      return Json(*text);
    }
    if (const auto* list = std::get_if<Json>(&cell)) {
      return *list;
    }
    return Json(nullptr);
  }

  std::ostream& m_out;
  DataFormat m_format;
  std::span<const std::string_view> m_columns;
  std::size_t m_rows = 0;
};

// The text of a column that is never NULL.
Cell text(const Statement& row, int column) { return row.text_view(column); }

// A column's text, or none when it is NULL or empty.
Cell optional_text(const Statement& row, int column) {
  const std::string_view value = row.text_view(column);
  return value.empty() ? Cell() : Cell(value);
}

// A list held as a JSON array, or none when it is empty.
Cell texts(const Statement& row, int column) {
  Json items = Json::parse(row.text_view(column));
  return items.empty() ? Cell() : Cell(std::move(items));
}

// The condition that the measure version `mv` is the one seen at `point` (the current one
// when every version is asked for).
std::string measure_visible(store::RecordPoint point) {
  const store::RecordPoint measure_point = point.every_version ? store::RecordPoint{} : point;
  return fmt::format("mv.recorded_in <= {0} AND (mv.superseded_in IS NULL OR mv.superseded_in > {0})",
                     measure_point.at);
}

} // namespace

void export_tariff_lines(const store::Store& store, const store::LineFilter& filter, store::RecordPoint point,
                         DataFormat format, std::ostream& out) {
  const store::Conditions where = store::line_conditions(filter);
  Statement select(store.db(),
                   fmt::format("SELECT l.measure_id, mv.imposer, mv.authority, l.origin, l.hs, l.company, l.rate, "
                               "l.heading, l.valid_from, l.valid_to, l.act_id, l.end_act_id, mv.title, mv.announced, "
                               "mv.exclusive_groups, l.note FROM tariff_lines l JOIN measure_versions mv "
                               "ON mv.measure_id = l.measure_id AND {} WHERE {}{} "
                               "ORDER BY l.measure_id, l.origin, l.hs, l.company, l.valid_from",
                               measure_visible(point), store::visible("l", point), where.sql()));
  where.bind(select, point);
  const NativeColumns columns = native_columns(NativeKind::tariff);
  RowWriter writer(out, format, columns.all); // the SELECT gives them in this order
  std::string hs;                             // the code as the imposer writes it, which its cell shows
  while (select.step()) {
    const Jurisdiction imposer = Jurisdiction::parse(select.text_view(1)).value();
    hs = ProductCode::parse(select.text_view(4)).value().format(imposer);
    const std::array cells{text(select, 0),
                           text(select, 1),
                           text(select, 2),
                           text(select, 3),
                           Cell(std::string_view(hs)),
                           optional_text(select, 5),
                           text(select, 6),
                           optional_text(select, 7),
                           text(select, 8),
                           optional_text(select, 9),
                           optional_text(select, 10),
                           optional_text(select, 11),
                           optional_text(select, 12),
                           optional_text(select, 13),
                           optional_text(select, 14),
                           optional_text(select, 15)};
    writer.write(cells);
  }
  writer.finish();
}

void export_listings(const store::Store& store, const store::ListingFilter& filter, store::RecordPoint point,
                     DataFormat format, std::ostream& out) {
  const store::Conditions where = store::listing_conditions(filter);
  Statement select(store.db(),
                   fmt::format("SELECT l.measure_id, l.list_name, mv.imposer, l.name, l.aliases, l.entity_type, "
                               "l.country, l.addresses, l.valid_from, l.valid_to, l.license_requirement, "
                               "l.license_policy, l.source_key, l.act_id, l.end_act_id, mv.authority, mv.title, "
                               "mv.announced, l.note FROM listings l JOIN measure_versions mv "
                               "ON mv.measure_id = l.measure_id AND {} WHERE {}{} ORDER BY l.measure_id, l.valid_from",
                               measure_visible(point), store::visible("l", point), where.sql()));
  where.bind(select, point);
  const NativeColumns columns = native_columns(NativeKind::listing);
  RowWriter writer(out, format, columns.all); // the SELECT gives them in this order
  while (select.step()) {
    const std::array cells{
        text(select, 0),           text(select, 1),           text(select, 2),           text(select, 3),
        texts(select, 4),          text(select, 5),           optional_text(select, 6),  texts(select, 7),
        text(select, 8),           optional_text(select, 9),  optional_text(select, 10), optional_text(select, 11),
        optional_text(select, 12), optional_text(select, 13), optional_text(select, 14), text(select, 15),
        optional_text(select, 16), optional_text(select, 17), optional_text(select, 18)};
    writer.write(cells);
  }
  writer.finish();
}

void export_acts(const store::Store& store, const std::optional<Jurisdiction>& imposer, store::RecordPoint point,
                 DataFormat format, std::ostream& out) {
  store::Conditions where;
  if (imposer) {
    where.add("a.imposer = {0}", std::string(imposer->code()));
  }
  Statement select(store.db(),
                   fmt::format("SELECT a.act_id, a.imposer, a.title, a.citation, a.document_number, a.url, "
                               "a.announced, a.published, a.added, a.removed FROM act_versions a WHERE {}{} "
                               "ORDER BY a.act_id",
                               store::visible("a", point), where.sql()));
  where.bind(select, point);
  const NativeColumns columns = native_columns(NativeKind::act);
  RowWriter writer(out, format, columns.all); // the SELECT gives them in this order
  while (select.step()) {
    const std::array cells{text(select, 0),          text(select, 1),          text(select, 2),
                           optional_text(select, 3), optional_text(select, 4), optional_text(select, 5),
                           optional_text(select, 6), optional_text(select, 7), optional_text(select, 8),
                           optional_text(select, 9)};
    writer.write(cells);
  }
  writer.finish();
}

} // namespace tw::io
