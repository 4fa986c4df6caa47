#pragma once

#include "core/model.hpp"
#include "io/source.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>

namespace tw::io {

// A Federal Register document read as an act.
struct FrDocument {
  // id `fr-<document number>`, imposer US, the document's title followed by its type,
  // agencies and effective date in brackets (the act has no other place for them), the
  // citation "<volume> FR <start page>", the document number, the HTML URL, published on the
  // publication date, announced on the signing date (presidential documents have one).
  Act act;
  std::string number; // the document number
  std::optional<Date> effective_on;
  SourcePosition at;
};

// Maps one document object of the Federal Register API (`documents/{number}.json`, or an
// element of search results). Fails (exit 65) at `at` on a missing document number or
// title, a bad date, or a field of the wrong type.
FrDocument fr_document(const nlohmann::json& document, const SourcePosition& at);

// Reads a Federal Register JSON file, one document or search results ({"results": […]}),
// and calls `visit` for each document in file order; returns how many there were.
std::size_t read_fr_json(std::istream& in, const std::string& file_name,
                         const std::function<void(FrDocument&&)>& visit);

} // namespace tw::io
