#pragma once

#include "store/store.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tw::io {

// A dump holds a whole store as text, for keeping it in version control: one CSV file per
// table of the schema (`TABLE.csv`: a header of the column names in schema order, then every
// row, superseded versions and changesets included, sorted by primary key; lines end with LF),
// and `manifest.json` (the dump format, the application id, the schema version and the row
// count of each file). Two dumps of the same store are byte-identical, so a change to the store
// shows in a diff as the rows it added or superseded.
//
// A field is written as the value's text, then quoted as RFC 4180 asks. NULL is written `\N`;
// text that starts with a backslash gets one more in front (the text `\N` is written `\\N`), so
// that NULL and every text, the empty one included, stay apart. A backslash anywhere but at the
// start of a field is an ordinary character.

inline constexpr std::string_view k_null_marker = "\\N";
inline constexpr std::string_view k_dump_format = "tradewatch-dump 1";
inline constexpr std::string_view k_manifest_name = "manifest.json";

// The field that holds `value` (before CSV quoting).
std::string encode_field(const std::optional<std::string>& value);
// The value held by `field` (after CSV unquoting); fails with what is wrong when `field`
// starts with a backslash but is neither `\N` nor `\\…`.
std::expected<std::optional<std::string>, std::string> decode_field(std::string_view field);

// Writes one record of a dump file: CSV fields (already encoded) quoted as RFC 4180 asks,
// ending with LF, so that a checkout with any line-ending setting, and a diff, show the file
// as it is.
void write_dump_record(std::ostream& out, const std::vector<std::string>& fields);

struct DumpSummary {
  std::size_t tables = 0;
  std::int64_t rows = 0;
};

enum class Overwrite { only_an_earlier_dump, anything };

// Writes every table of `store` into the folder `dir`, which is created if missing. A folder
// holding files other than those of a dump is refused (exit 73) unless `overwrite` is
// `anything`; other files are never removed. Rows stream from one read transaction, so memory
// stays flat and the dump is one consistent state. Each file is written under a temporary name
// and renamed when all are complete, so a failed dump leaves no partial file.
DumpSummary dump_store(store::Store& store, const std::filesystem::path& dir, Overwrite overwrite);

// Restores the dump in `dir` into `store`, which must be empty (made by `init`, exit 65
// otherwise), exactly: row ids, changeset ids and record times included, in one transaction.
// The manifest must be of this format, application and schema version; each file's header
// must name its table's columns in order and every row must keep the schema's rules (types,
// NOT NULL, CHECK, keys, foreign keys). The first bad value fails the load with
// `FILE:LINE:COL: what is wrong` (exit 65) and nothing is written.
DumpSummary load_store(store::Store& store, const std::filesystem::path& dir);

} // namespace tw::io
