// The readers of the public formats: the Consolidated Screening List (CSV and JSON), the
// USITC HTS JSON export and Federal Register JSON. The first byte picks the reader, so that
// one corpus of real files serves all four.
#include "fuzz_input.hpp"
#include "io/csl.hpp"
#include "io/fr_json.hpp"
#include "io/hts_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  const std::uint8_t reader = data[0] % 4;
  tw::fuzz::parse_stream(data + 1, size - 1, [reader](std::istream& in) {
    const tw::Date undated_from = *tw::Date::parse("2024-01-01");
    switch (reader) {
    case 0:
      tw::io::read_csl(in, "fuzz.csv", tw::io::CslFormat::csv, undated_from, [](tw::io::CslEntry&&) {});
      break;
    case 1:
      tw::io::read_csl(in, "fuzz.json", tw::io::CslFormat::json, undated_from, [](tw::io::CslEntry&&) {});
      break;
    case 2:
      tw::io::read_hts_json(in, "fuzz.json", [](tw::io::HtsLine&&) {});
      break;
    default:
      tw::io::read_fr_json(in, "fuzz.json", [](tw::io::FrDocument&&) {});
      break;
    }
  });
  return 0;
}
