#pragma once

// The public formats, read into the import engine: the Consolidated Screening List (`csl`),
// the USITC HTS JSON export (`hts-json`) and Federal Register documents (`fr-json`).
//
//   io::PublicImport reader(io::PublicFormat::csl, importer, guard);
//   reader.read(in, "consolidated.csv");   // per file
//   reader.check(warn);                    // the shrink guard; warnings
//   importer.finish(changeset);

#include "io/csl.hpp"
#include "io/import.hpp"

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::io {

enum class PublicFormat { csl, hts_json, fr_json };
std::optional<PublicFormat> parse_public_format(std::string_view text); // csl, hts-json, fr-json

// How each format meets the store. The CSL and the HTS give the state of their lists and
// schedule on --as-of (snapshot): a CSL source list in the file is one list, whose entries
// no longer there are delisted; an HTS chapter in the file is one measure (us-hts-mfn-87),
// whose lines no longer there end. Federal Register documents add acts or correct them.
ReconcileMode reconcile_mode(PublicFormat format);

// The feed of the CSL has been known to lose most of a list for a day: a source whose row
// count falls by more than `max_shrink_percent` against the listings of that source in force
// in the store is refused, unless `allow`.
struct ShrinkGuard {
  int max_shrink_percent = 20;
  bool allow = false;
};

using Warn = std::function<void(const std::string& message)>;

class PublicImport {
public:
  PublicImport(PublicFormat format, Importer& importer, ShrinkGuard guard = {});

  // Reads one file and stages what it holds. A CSL file is CSV or JSON by its extension
  // (.csv, .json), else by its first character.
  void read(std::istream& in, const std::string& file_name);
  // After the last file, before the importer finishes: fails (exit 65) when a CSL source
  // shrank past the guard; warns of what was read but not recorded (address countries
  // tradewatch does not know, HTS rates it cannot read).
  void check(const Warn& warn) const;

private:
  void read_csl_file(std::istream& in, const std::string& file_name);
  void read_hts_file(std::istream& in, const std::string& file_name);
  void read_fr_file(std::istream& in, const std::string& file_name);
  std::optional<std::string> act_citing(const std::vector<std::string>& citations);

  PublicFormat m_format;
  Importer& m_importer;
  ShrinkGuard m_guard;
  std::map<std::string, std::size_t> m_rows_by_source; // CSL source code → rows read
  std::map<std::string, std::optional<std::string>> m_acts_by_citation;
  std::vector<UnmappedCountry> m_unmapped_countries;
  std::vector<std::string> m_unread_rates; // HTS rows, as messages
};

} // namespace tw::io
