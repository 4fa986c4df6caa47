#pragma once

// The native interchange files (DESIGN.md §3): tariff lines, listings and acts as CSV (RFC
// 4180, columns by header name), a JSON array of objects, or NDJSON, with the same fields.
// `export` writes them and `import` reads them back.

#include "io/import.hpp"
#include "store/listings.hpp"
#include "store/store.hpp"
#include "store/tariff_lines.hpp"

#include <istream>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace tw::io {

enum class NativeKind { tariff, listing, act };
std::string_view to_string(NativeKind kind);
std::optional<NativeKind> parse_native_kind(std::string_view text);

enum class DataFormat { csv, json, ndjson };
std::string_view to_string(DataFormat format);
std::optional<DataFormat> parse_data_format(std::string_view text);
// The format a file name's extension names (.csv, .json, .ndjson, .jsonl), if any.
std::optional<DataFormat> format_of_extension(std::string_view file_name);

// A kind's columns in the order `export` writes them, and those every file of the kind has.
struct NativeColumns {
  std::span<const std::string_view> all;
  std::span<const std::string_view> required;
};
NativeColumns native_columns(NativeKind kind);

// Reads a native file and stages its rows into `importer`. The kind is told by the columns
// (of the CSV header, or of the first JSON object); unknown columns are an error unless
// `ignore_unknown`. Every bad value is an error (exit 65) at its FILE:LINE:COL.
void read_native(std::istream& in, const std::string& file_name, DataFormat format, Importer& importer,
                 bool ignore_unknown);

// Writes every version of the tariff lines (or listings, or acts) that `filter` selects at
// `point`, in the native format, one row at a time, sorted: tariff lines by measure, origin,
// code, company and date; listings by id and date; acts by id.
void export_tariff_lines(const store::Store& store, const store::LineFilter& filter, store::RecordPoint point,
                         DataFormat format, std::ostream& out);
void export_listings(const store::Store& store, const store::ListingFilter& filter, store::RecordPoint point,
                     DataFormat format, std::ostream& out);
void export_acts(const store::Store& store, const std::optional<Jurisdiction>& imposer, store::RecordPoint point,
                 DataFormat format, std::ostream& out);

} // namespace tw::io
