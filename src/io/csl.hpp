#pragma once

#include "core/model.hpp"
#include "io/source.hpp"

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::io {

// The Consolidated Screening List (trade.gov) merges the US restricted-party lists of
// Commerce, State and the Treasury. Each of its source lists becomes a tradewatch list.
struct CslSource {
  std::string_view code; // the CSL's own short code: EL, SDN, DPL, …
  std::string_view list; // the tradewatch list: Entity List, SDN, Denied Persons List, …
  std::string_view name; // how the CSL names it in its `source` field
};

// Every source list the CSL is known to hold.
const std::vector<CslSource>& csl_sources();
// The source list a CSL `source` text names: its full name ("Entity List (EL) - Bureau of
// Industry and Security"), its code alone or in brackets ("EL"), or the tradewatch list name.
std::optional<CslSource> find_csl_source(std::string_view text);

// What the country part of an address says, read with `read_address_country`.
struct AddressCountry {
  enum class Kind { none, mapped, unmapped } kind = Kind::none;
  std::optional<Jurisdiction> country; // when mapped
};
// Reads the country of an address: an ISO alpha-2 code ("CN") or a country's name as the
// lists write it ("China", "Russia", "Burma"). Text with digits is a postal code, not a
// country (none); a name or code that is no known country is unmapped.
AddressCountry read_address_country(std::string_view text);

// The Federal Register citations in a `federal_register_notice` text, normalised to
// "<volume> FR <page>": "82 F.R. 48792 10/01/2017; 85 FR 34503" gives both.
std::vector<std::string> fr_citations(std::string_view notice);

// One CSL record read as a listing.
struct CslEntry {
  Listing listing; // no measure or record ids yet
  CslSource source;
  bool start_given = false;           // false: the record has no start date; listed from the undated date
  std::vector<std::string> citations; // from its federal_register_notice, "89 FR 41886"
  SourcePosition at;
};

// A country text in an address that names no country tradewatch knows: the listing is
// recorded without that country. `count` is how many addresses said it, `first` where.
struct UnmappedCountry {
  std::string text;
  std::size_t count = 0;
  SourcePosition first;
};

struct CslReadResult {
  std::size_t records = 0;
  std::vector<UnmappedCountry> unmapped_countries; // in the order first seen
};

enum class CslFormat { csv, json };

// Reads a CSL file, the bulk CSV (columns by name) or the JSON (an array of records or an
// object holding them under "results"), and calls `visit` for each record in file order.
// Records without a start date are listed from `undated_from`. The listing's country is that
// of its first address that names a known one; an address ending in a country's name ends in
// its code instead, as in the JSON. Any malformed record is an error (exit 65) at its
// position: a missing name, an unknown source list or type, a bad date, an end before the
// start, a source key seen twice.
CslReadResult read_csl(std::istream& in, const std::string& file_name, CslFormat format, Date undated_from,
                       const std::function<void(CslEntry&&)>& visit);

} // namespace tw::io
