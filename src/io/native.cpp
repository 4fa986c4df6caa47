#include "io/native.hpp"

#include "io/csv.hpp"
#include "io/json_objects.hpp"
#include "io/read_ahead.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <type_traits>
#include <unistd.h>
#include <variant>
#include <vector>

namespace tw::io {

namespace {

using namespace std::string_view_literals;

constexpr std::array k_tariff_columns{"measure"sv, "imposer"sv,   "authority"sv, "origin"sv, "hs"sv,  "company"sv,
                                      "rate"sv,    "heading"sv,   "from"sv,      "to"sv,     "act"sv, "end_act"sv,
                                      "title"sv,   "announced"sv, "exclusive"sv, "note"sv};
constexpr std::array k_tariff_required{"measure"sv, "imposer"sv, "origin"sv, "hs"sv, "authority"sv, "rate"sv, "from"sv};
constexpr std::array k_listing_columns{"id"sv,
                                       "list"sv,
                                       "imposer"sv,
                                       "name"sv,
                                       "aliases"sv,
                                       "type"sv,
                                       "country"sv,
                                       "address"sv,
                                       "from"sv,
                                       "to"sv,
                                       "license_requirement"sv,
                                       "license_policy"sv,
                                       "source_key"sv,
                                       "act"sv,
                                       "end_act"sv,
                                       "authority"sv,
                                       "title"sv,
                                       "announced"sv,
                                       "note"sv};
constexpr std::array k_listing_required{"list"sv, "imposer"sv, "name"sv, "country"sv, "from"sv};
constexpr std::array k_act_columns{"id"sv,  "imposer"sv,   "title"sv,     "citation"sv, "document_number"sv,
                                   "url"sv, "announced"sv, "published"sv, "added"sv,    "removed"sv};
constexpr std::array k_act_required{"id"sv, "imposer"sv, "title"sv};

// Columns only files of one kind have, to tell the kind of a file by its header.
constexpr std::array k_tariff_only{"measure"sv, "origin"sv, "hs"sv, "rate"sv, "company"sv, "heading"sv, "exclusive"sv};
constexpr std::array k_listing_only{
    "list"sv,           "name"sv,      "country"sv, "aliases"sv, "type"sv, "address"sv, "license_requirement"sv,
    "license_policy"sv, "source_key"sv};
constexpr std::array k_act_only{"citation"sv, "document_number"sv, "url"sv, "published"sv, "added"sv, "removed"sv};

std::string joined(std::span<const std::string_view> names) {
  std::string text;
  for (const auto name : names) {
    text += fmt::format("{}{}", text.empty() ? "" : ",", name);
  }
  return text;
}

std::string_view kind_plural(NativeKind kind) {
  switch (kind) {
  case NativeKind::tariff:
    return "tariff lines";
  case NativeKind::listing:
    return "listings";
  case NativeKind::act:
    break;
  }
  return "acts";
}

// The kind whose own columns `names` hold most of; fails when none or a tie.
NativeKind detect_kind(const std::vector<std::string>& names, const SourcePosition& at) {
  auto hits = [&](std::span<const std::string_view> own) {
    return std::ranges::count_if(names,
                                 [&](const std::string& name) { return std::ranges::find(own, name) != own.end(); });
  };
  const std::array<std::pair<NativeKind, std::ptrdiff_t>, 3> scores{{{NativeKind::tariff, hits(k_tariff_only)},
                                                                     {NativeKind::listing, hits(k_listing_only)},
                                                                     {NativeKind::act, hits(k_act_only)}}};
  const auto best = std::ranges::max_element(scores, {}, &std::pair<NativeKind, std::ptrdiff_t>::second);
  const bool tie = std::ranges::count(scores, best->second, &std::pair<NativeKind, std::ptrdiff_t>::second) > 1;
  if (best->second == 0 || tie) {
    throw data_error(at, "cannot tell from its columns whether the file holds tariff lines, listings or acts",
                     fmt::format("tariff lines have the columns {}; listings {}; acts {}", joined(k_tariff_required),
                                 joined(k_listing_required), joined(k_act_required)));
  }
  return best->first;
}

// Checks a file's column names against its kind: every required one present, no unknown one
// unless `ignore_unknown`. `position_of` says where a name stands.
template <typename PositionOf>
void check_columns(NativeKind kind, const std::vector<std::string>& names, bool ignore_unknown,
                   const SourcePosition& start, PositionOf position_of) {
  const NativeColumns columns = native_columns(kind);
  if (!ignore_unknown) {
    for (const auto& name : names) {
      if (std::ranges::find(columns.all, name) == columns.all.end()) {
        throw data_error(position_of(name),
                         fmt::format("unknown column \"{}\" in a file of {}", name, kind_plural(kind)),
                         fmt::format("the columns of {} are {}; --ignore-unknown skips others", kind_plural(kind),
                                     joined(columns.all)));
      }
    }
  }
  for (const auto required : columns.required) {
    if (std::ranges::find(names, required) == names.end()) {
      throw data_error(start, fmt::format("no column \"{}\", which {} need", required, kind_plural(kind)),
                       fmt::format("a file of {} has the columns {}", kind_plural(kind), joined(columns.required)));
    }
  }
}

// One row of a native file, whatever its format.
class Row {
public:
  virtual ~Row() = default;
  // The field's text, valid while the row is; unset when the column is absent or the field
  // empty. A view, as most fields are parsed and not kept.
  virtual std::optional<std::string_view> text(std::string_view column) const = 0;
  // A field of several texts: a JSON array, or texts separated by `;`.
  virtual std::vector<std::string> texts(std::string_view column) const = 0;
  // Where the field starts (the row's start when the format cannot say).
  virtual SourcePosition at(std::string_view column) const = 0;
  virtual SourcePosition start() const = 0;

  RowSource source() const {
    return RowSource{start(), [this](std::string_view column) { return at(column); }};
  }
};

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find(';', begin), text.size());
    std::string_view item = text.substr(begin, end - begin);
    const auto first = item.find_first_not_of(" \t");
    if (first != std::string_view::npos) {
      item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
      items.emplace_back(item);
    }
    begin = end + 1;
  }
  return items;
}

// The columns of a CSV file by name, for its rows. Each row is read by asking for the same
// names in the same order, so a lookup first tries the name asked after the last one: mostly
// one comparison, where a hash or a search of the header costs ten times that. It remembers,
// so each thread has its own.
class ColumnLookup {
public:
  explicit ColumnLookup(const CsvTable& table) : m_table(table) {}

  std::optional<std::size_t> operator()(std::string_view name) {
    if (m_next == m_asked.size()) {
      m_next = 0;
    }
    if (m_next < m_asked.size() && m_asked[m_next].first == name) {
      return m_asked[m_next++].second;
    }
    const auto known = std::ranges::find(m_asked, name, &Asked::first);
    if (known == m_asked.end()) {
      m_asked.emplace_back(std::string(name), m_table.column(name));
      m_next = m_asked.size();
      return m_asked.back().second;
    }
    m_next = static_cast<std::size_t>(known - m_asked.begin()) + 1;
    return known->second;
  }

private:
  using Asked = std::pair<std::string, std::optional<std::size_t>>;
  const CsvTable& m_table;
  std::vector<Asked> m_asked; // in the order first asked
  std::size_t m_next = 0;
};

class CsvRow final : public Row {
public:
  CsvRow(ColumnLookup& columns, const CsvRecord& record) : m_columns(columns), m_record(record) {}

  std::optional<std::string_view> text(std::string_view column) const override {
    const auto index = m_columns(column);
    if (!index || m_record.fields[*index].empty()) {
      return std::nullopt;
    }
    return m_record.fields[*index];
  }
  std::vector<std::string> texts(std::string_view column) const override {
    const auto value = text(column);
    return value ? split_list(*value) : std::vector<std::string>{};
  }
  SourcePosition at(std::string_view column) const override {
    const auto index = m_columns(column);
    return index ? m_record.position(*index) : start();
  }
  SourcePosition start() const override { return SourcePosition{m_record.file, m_record.line, 1}; }

private:
  ColumnLookup& m_columns;
  const CsvRecord& m_record;
};

class JsonRow final : public Row {
public:
  JsonRow(const nlohmann::json& object, const SourcePosition& at) : m_object(object), m_at(at) {}

  std::optional<std::string_view> text(std::string_view column) const override {
    const auto found = m_object.find(column);
    if (found == m_object.end() || found->is_null()) {
      return std::nullopt;
    }
    if (!found->is_string()) {
      throw data_error(m_at, fmt::format("{} is {}, not text", column, found->type_name()),
                       "every field of a native file is text (a string), or null when absent",
                       fmt::format("\"{}\": {}", column, found->dump()));
    }
    const std::string_view value = found->get_ref<const std::string&>();
    return value.empty() ? std::nullopt : std::optional(value);
  }
  std::vector<std::string> texts(std::string_view column) const override {
    const auto found = m_object.find(column);
    if (found == m_object.end() || !found->is_array()) {
      const auto value = text(column);
      return value ? split_list(*value) : std::vector<std::string>{};
    }
    std::vector<std::string> items;
    for (const auto& item : *found) {
      if (!item.is_string()) {
        throw data_error(m_at, fmt::format("{} holds {}, not text", column, item.type_name()),
                         fmt::format("{} is an array of strings", column),
                         fmt::format("\"{}\": {}", column, found->dump()));
      }
      items.push_back(item.get<std::string>());
    }
    return items;
  }
  SourcePosition at(std::string_view /*column*/) const override { return m_at; }
  SourcePosition start() const override { return m_at; }

private:
  const nlohmann::json& m_object;
  SourcePosition m_at;
};

// The error of a field whose value `value` a parser refused, pointing at the bad character.
Error field_error(const Row& row, std::string_view column, std::string_view value, const ParseError& error) {
  SourcePosition at = row.at(column);
  if (at.column > 0 && value.find('\n') == std::string_view::npos) {
    at.column += error.column;
  }
  return Error(ExitCode::data_error, fmt::format("{}: {} \"{}\": {}", at.to_string(), column, value, error.message),
               error.hint, fmt::format("  {}\n  {}^", value, std::string(error.column, ' ')));
}

std::string_view required(const Row& row, std::string_view column, NativeKind kind) {
  const auto value = row.text(column);
  if (!value) {
    const NativeColumns columns = native_columns(kind);
    throw data_error(row.at(column), fmt::format("{} is empty", column),
                     fmt::format("every row of {} gives {}", kind_plural(kind), joined(columns.required)));
  }
  return *value;
}

template <typename T> T parsed(const Row& row, std::string_view column, std::string_view value) {
  auto result = T::parse(value);
  if (!result) {
    throw field_error(row, column, value, result.error());
  }
  return *result;
}

template <typename T> std::optional<T> parsed_if_given(const Row& row, std::string_view column) {
  const auto value = row.text(column);
  return value ? std::optional(parsed<T>(row, column, *value)) : std::nullopt;
}

Validity validity(const Row& row, NativeKind kind) {
  return Validity{parsed<Date>(row, "from", required(row, "from", kind)), parsed_if_given<Date>(row, "to")};
}

// A row read and checked, not yet staged: what a reader thread hands to the importer.
struct TariffRow {
  Measure measure;
  TariffLine line;
};
struct ListingRow {
  Measure measure;
  Listing listing;
};
using ParsedRow = std::variant<TariffRow, ListingRow, Act>;

TariffRow tariff_row(const Row& row) {
  constexpr NativeKind kind = NativeKind::tariff;
  Measure measure;
  measure.id = required(row, "measure", kind);
  measure.kind = MeasureKind::tariff;
  measure.imposer = parsed<Jurisdiction>(row, "imposer", required(row, "imposer", kind));
  measure.authority = required(row, "authority", kind);
  measure.title = row.text("title");
  measure.announced = parsed_if_given<Date>(row, "announced");
  if (const auto groups = row.text("exclusive")) {
    std::size_t begin = 0;
    while (begin < groups->size()) {
      const std::size_t end = std::min(groups->find(' ', begin), groups->size());
      if (end > begin) {
        auto group = parse_exclusive_group(groups->substr(begin, end - begin));
        if (!group) {
          group.error().column += begin;
          throw field_error(row, "exclusive", *groups, group.error());
        }
        measure.exclusive_groups.push_back(std::move(*group));
      }
      begin = end + 1;
    }
  }
  TariffLine line; // its measure_id is set as it is staged
  line.key.origin = parsed<Jurisdiction>(row, "origin", required(row, "origin", kind));
  line.key.hs = parsed<ProductCode>(row, "hs", required(row, "hs", kind));
  line.key.company = row.text("company").value_or("");
  line.rate = parsed<Rate>(row, "rate", required(row, "rate", kind));
  line.heading = row.text("heading");
  line.act_id = row.text("act");
  line.end_act_id = row.text("end_act");
  line.note = row.text("note");
  line.valid = validity(row, kind);
  return {std::move(measure), std::move(line)};
}

ListingRow listing_row(const Row& row) {
  constexpr NativeKind kind = NativeKind::listing;
  Measure measure;
  measure.id = row.text("id").value_or("");
  measure.kind = MeasureKind::listing;
  measure.imposer = parsed<Jurisdiction>(row, "imposer", required(row, "imposer", kind));
  measure.authority = row.text("authority").value_or("");
  measure.title = row.text("title");
  measure.announced = parsed_if_given<Date>(row, "announced");
  Listing listing;
  listing.list = required(row, "list", kind);
  listing.name = required(row, "name", kind);
  listing.aliases = row.texts("aliases");
  if (const auto type = row.text("type")) {
    const auto parsed_type = parse_entity_type(*type);
    if (!parsed_type) {
      throw field_error(row, "type", *type,
                        ParseError{"unknown entity type", 0, "the type is entity, individual, vessel or aircraft"});
    }
    listing.type = *parsed_type;
  }
  listing.country = parsed_if_given<Jurisdiction>(row, "country");
  listing.addresses = row.texts("address");
  listing.license_requirement = row.text("license_requirement");
  listing.license_policy = row.text("license_policy");
  listing.source_key = row.text("source_key");
  listing.act_id = row.text("act");
  listing.end_act_id = row.text("end_act");
  listing.note = row.text("note");
  listing.valid = validity(row, kind);
  return {std::move(measure), std::move(listing)};
}

EntityCounts counts(const Row& row, std::string_view column) {
  const auto value = row.text(column);
  if (!value) {
    return {};
  }
  auto result = parse_entity_counts(*value);
  if (!result) {
    throw field_error(row, column, *value, result.error());
  }
  return *result;
}

Act act_row(const Row& row) {
  constexpr NativeKind kind = NativeKind::act;
  Act act;
  act.id = required(row, "id", kind);
  act.imposer = parsed<Jurisdiction>(row, "imposer", required(row, "imposer", kind));
  act.title = required(row, "title", kind);
  act.citation = row.text("citation");
  act.document_number = row.text("document_number");
  act.url = row.text("url");
  act.announced = parsed_if_given<Date>(row, "announced");
  act.published = parsed_if_given<Date>(row, "published");
  act.added = counts(row, "added");
  act.removed = counts(row, "removed");
  return act;
}

ParsedRow parsed_row(NativeKind kind, const Row& row) {
  switch (kind) {
  case NativeKind::tariff:
    return tariff_row(row);
  case NativeKind::listing:
    return listing_row(row);
  case NativeKind::act:
    break;
  }
  return act_row(row);
}

void stage(const ParsedRow& parsed, const Row& row, Importer& importer) {
  const RowSource source = row.source();
  std::visit(
      [&](const auto& value) {
        using Value = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<Value, TariffRow>) {
          importer.stage_tariff(value.measure, value.line, source);
        } else if constexpr (std::is_same_v<Value, ListingRow>) {
          importer.stage_listing(value.measure, value.listing, source);
        } else {
          importer.stage_act(value, source);
        }
      },
      parsed);
}

// Parses and stages a row on the caller's thread.
void stage_row(NativeKind kind, const Row& row, Importer& importer) { stage(parsed_row(kind, row), row, importer); }

// Standard input typed at a terminal is read on the caller's thread: a reader thread waiting
// for the next line would keep an import that failed from ending until the user types one.
bool typed_in(const std::istream& in) { return &in == &std::cin && ::isatty(STDIN_FILENO) == 1; }

void read_csv(std::istream& in, const std::string& file_name, Importer& importer, bool ignore_unknown) {
  CsvTable table(in, file_name);
  const SourcePosition header{file_name, 1, 0};
  const NativeKind kind = detect_kind(table.header(), header);
  check_columns(kind, table.header(), ignore_unknown, header,
                [&](const std::string& name) { return table.header_position(*table.column(name)); });
  ColumnLookup columns(table);
  if (typed_in(in)) {
    CsvRecord record;
    while (table.next(record)) {
      stage_row(kind, CsvRow(columns, record), importer);
    }
    return;
  }
  // The file is read and its rows parsed on a second thread while SQLite stores the rows
  // before them: together, about as much work as the storing.
  struct Item {
    CsvRecord record;
    ParsedRow parsed;
  };
  ColumnLookup reader_columns(table);
  ReadAhead<Item> ahead([&](Item& item) {
    if (!table.next(item.record)) {
      return false;
    }
    item.parsed = parsed_row(kind, CsvRow(reader_columns, item.record));
    return true;
  });
  while (Item* item = ahead.next()) {
    stage(item->parsed, CsvRow(columns, item->record), importer);
  }
}

void read_json(std::istream& in, const std::string& file_name, Importer& importer, bool ignore_unknown) {
  std::optional<NativeKind> kind;
  read_json_objects(in, file_name, [&](const nlohmann::json& object, const SourcePosition& at) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items()) {
      keys.push_back(key);
    }
    if (!kind) {
      kind = detect_kind(keys, at);
    }
    check_columns(*kind, keys, ignore_unknown, at, [&](const std::string& /*name*/) { return at; });
    stage_row(*kind, JsonRow(object, at), importer);
  });
}

} // namespace

std::string_view to_string(NativeKind kind) {
  switch (kind) {
  case NativeKind::tariff:
    return "tariff";
  case NativeKind::listing:
    return "listing";
  case NativeKind::act:
    break;
  }
  return "act";
}

std::optional<NativeKind> parse_native_kind(std::string_view text) {
  for (const NativeKind kind : {NativeKind::tariff, NativeKind::listing, NativeKind::act}) {
    if (to_string(kind) == text) {
      return kind;
    }
  }
  return std::nullopt;
}

std::string_view to_string(DataFormat format) {
  switch (format) {
  case DataFormat::csv:
    return "csv";
  case DataFormat::json:
    return "json";
  case DataFormat::ndjson:
    break;
  }
  return "ndjson";
}

std::optional<DataFormat> parse_data_format(std::string_view text) {
  for (const DataFormat format : {DataFormat::csv, DataFormat::json, DataFormat::ndjson}) {
    if (to_string(format) == text) {
      return format;
    }
  }
  return std::nullopt;
}

std::optional<DataFormat> format_of_extension(std::string_view file_name) {
  const std::string extension = std::filesystem::path(file_name).extension().string();
  if (extension == ".csv") {
    return DataFormat::csv;
  }
  if (extension == ".json") {
    return DataFormat::json;
  }
  if (extension == ".ndjson" || extension == ".jsonl") {
    return DataFormat::ndjson;
  }
  return std::nullopt;
}

NativeColumns native_columns(NativeKind kind) {
  switch (kind) {
  case NativeKind::tariff:
    return {k_tariff_columns, k_tariff_required};
  case NativeKind::listing:
    return {k_listing_columns, k_listing_required};
  case NativeKind::act:
    break;
  }
  return {k_act_columns, k_act_required};
}

void read_native(std::istream& in, const std::string& file_name, DataFormat format, Importer& importer,
                 bool ignore_unknown) {
  if (format == DataFormat::csv) {
    read_csv(in, file_name, importer, ignore_unknown);
  } else {
    read_json(in, file_name, importer, ignore_unknown);
  }
}

} // namespace tw::io
