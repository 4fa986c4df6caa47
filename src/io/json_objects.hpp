#pragma once

#include "io/source.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <istream>
#include <string>

namespace tw::io {

using ObjectVisitor = std::function<void(const nlohmann::json& object, const SourcePosition& at)>;

// Calls `visit` for each object of a JSON file that is an array of objects, or of an NDJSON
// file (one object a line), told apart by the first character. One object is in memory at a
// time, so memory stays flat however long the file. `at` is where the object starts. Bad
// JSON, or an array element that is not an object, is an error (exit 65) at its line.
void read_json_objects(std::istream& in, const std::string& file_name, const ObjectVisitor& visit);

// Whether the stream, past white space and a byte order mark, starts a JSON document ('[' or
// '{'); the stream is left where it was.
bool looks_like_json(std::istream& in);

} // namespace tw::io
