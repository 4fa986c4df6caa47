#include "io/csv.hpp"
#include "io/native.hpp"
#include "store/versions.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tw::io {

namespace {

using Json = nlohmann::ordered_json;
using store::Statement;

// Writes rows of one kind, each an object of its columns' values (null, text, or an array
// of texts), as CSV (arrays joined by "; "), a JSON array with one object a line, or NDJSON.
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

  void write(const Json& row) {
    switch (m_format) {
    case DataFormat::csv: {
      std::vector<std::string> fields;
      for (const auto column : m_columns) {
        fields.push_back(csv_text(row.at(std::string(column))));
      }
      write_csv_record(m_out, fields);
      return;
    }
    case DataFormat::json:
      m_out << (m_rows++ == 0 ? "\n" : ",\n") << dump(row);
      return;
    case DataFormat::ndjson:
      m_out << dump(row) << '\n';
      return;
    }
  }

  void finish() {
    if (m_format == DataFormat::json) {
      m_out << (m_rows == 0 ? "]\n" : "\n]\n");
    }
  }

private:
  static std::string dump(const Json& row) { return row.dump(-1, ' ', false, Json::error_handler_t::replace); }

  static std::string csv_text(const Json& value) {
    if (value.is_null()) {
      return "";
    }
    if (value.is_string()) {
      return value.get<std::string>();
    }
    std::string joined;
    for (const auto& item : value) {
      joined += (joined.empty() ? "" : "; ") + item.get<std::string>();
    }
    return joined;
  }

  std::ostream& m_out;
  DataFormat m_format;
  std::span<const std::string_view> m_columns;
  std::size_t m_rows = 0;
};

Json optional_text(const Statement& row, int column) {
  const auto value = row.optional_text(column);
  return value && !value->empty() ? Json(*value) : Json(nullptr);
}

Json texts(const std::string& json_array) {
  const Json items = Json::parse(json_array);
  return items.empty() ? Json(nullptr) : items;
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
  RowWriter writer(out, format, columns.all);
  while (select.step()) {
    const Jurisdiction imposer = Jurisdiction::parse(select.text(1)).value();
    Json row = Json::object();
    row["measure"] = select.text(0);
    row["imposer"] = select.text(1);
    row["authority"] = select.text(2);
    row["origin"] = select.text(3);
    row["hs"] = ProductCode::parse(select.text(4)).value().format(imposer);
    row["company"] = optional_text(select, 5);
    row["rate"] = select.text(6);
    row["heading"] = optional_text(select, 7);
    row["from"] = select.text(8);
    row["to"] = optional_text(select, 9);
    row["act"] = optional_text(select, 10);
    row["end_act"] = optional_text(select, 11);
    row["title"] = optional_text(select, 12);
    row["announced"] = optional_text(select, 13);
    row["exclusive"] = optional_text(select, 14);
    row["note"] = optional_text(select, 15);
    writer.write(row);
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
  RowWriter writer(out, format, columns.all);
  while (select.step()) {
    Json row = Json::object();
    row["id"] = select.text(0);
    row["list"] = select.text(1);
    row["imposer"] = select.text(2);
    row["name"] = select.text(3);
    row["aliases"] = texts(select.text(4));
    row["type"] = select.text(5);
    row["country"] = optional_text(select, 6);
    row["address"] = texts(select.text(7));
    row["from"] = select.text(8);
    row["to"] = optional_text(select, 9);
    row["license_requirement"] = optional_text(select, 10);
    row["license_policy"] = optional_text(select, 11);
    row["source_key"] = optional_text(select, 12);
    row["act"] = optional_text(select, 13);
    row["end_act"] = optional_text(select, 14);
    row["authority"] = select.text(15);
    row["title"] = optional_text(select, 16);
    row["announced"] = optional_text(select, 17);
    row["note"] = optional_text(select, 18);
    writer.write(row);
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
  RowWriter writer(out, format, columns.all);
  while (select.step()) {
    Json row = Json::object();
    row["id"] = select.text(0);
    row["imposer"] = select.text(1);
    row["title"] = select.text(2);
    row["citation"] = optional_text(select, 3);
    row["document_number"] = optional_text(select, 4);
    row["url"] = optional_text(select, 5);
    row["announced"] = optional_text(select, 6);
    row["published"] = optional_text(select, 7);
    row["added"] = optional_text(select, 8);
    row["removed"] = optional_text(select, 9);
    writer.write(row);
  }
  writer.finish();
}

} // namespace tw::io
