#pragma once

#include "io/json_objects.hpp"

#include <istream>
#include <string>
#include <string_view>

namespace tw::io {

// Calls `visit` for each record of a JSON document of one of the shapes the public feeds
// publish: an array of objects (the HTS export); an object holding the array of records
// under `array_key` (the CSL bulk file and Federal Register search results, under
// "results"), whose other members are ignored; or a single object, which is then the one
// record (a Federal Register document). Records are handed over one at a time as they are
// parsed, so memory stays flat however long the array. `at` is the line where the record
// starts. Bad JSON, or a record that is not an object, is an error (exit 65) at its line.
void read_json_records(std::istream& in, const std::string& file_name, std::string_view array_key,
                       const ObjectVisitor& visit);

} // namespace tw::io
