#pragma once

#include "core/product_code.hpp"
#include "core/rate.hpp"
#include "io/source.hpp"

#include <cstddef>
#include <expected>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::io {

// Reads a column 1 "General" rate as the HTS writes it: Rate::parse after a normalisation
// of the HTS's text (no-break spaces, runs of spaces, a trailing footnote marker "1/").
std::expected<Rate, ParseError> parse_hts_rate(std::string_view text);

// One MFN line read from the USITC HTS JSON export: the column 1 general rate of a product
// code, for all origins.
struct HtsLine {
  ProductCode hs;
  std::string chapter; // its first two digits
  Rate rate;
  bool inherited = false;          // a statistical suffix without a rate of its own: its parent's
  std::optional<std::string> note; // its footnotes that refer to chapter 99 ("See 9903.88.15.")
  SourcePosition at;
};

// A row whose rate text the structured rate cannot hold: it is reported, not guessed.
struct HtsUnreadRate {
  std::string hts;  // the row's number as written
  std::string text; // the rate text
  std::string reason;
  SourcePosition at;
};

struct HtsReadResult {
  std::size_t rows = 0;
  std::size_t chapter_99_rows = 0; // additional duties of other layers, not MFN
  std::vector<HtsUnreadRate> unread;
};

// Reads the HTS JSON export (an array of rows with htsno, indent, description, superior,
// units, general, special, other, footnotes, quotaQuantity, additionalDuties) and calls
// `visit` with each line, in file order. A row with a general rate gives a line. A row
// without one takes the rate of its nearest parent (by indent) that has one; it gives a
// line of its own only when no parent's line covers its code or when it has its own chapter
// 99 footnote. Rows of chapter 99 (the headings of other duty layers) are skipped and
// counted. A malformed row (no indent, a bad number, a repeated number) is an error
// (exit 65) at its line; an unreadable rate is collected in the result with its row.
HtsReadResult read_hts_json(std::istream& in, const std::string& file_name,
                            const std::function<void(HtsLine&&)>& visit);

} // namespace tw::io
