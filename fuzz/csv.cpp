// The CSV reader: any bytes give records or a FILE:LINE:COL error, and every record's
// positions name one field each.
#include "io/csv.hpp"

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tw::fuzz::parse_stream(data, size, [](std::istream& in) {
    tw::io::CsvTable table(in, "fuzz.csv");
    tw::io::CsvRecord record;
    while (table.next(record)) {
      tw::fuzz::require(record.fields.size() == table.header().size() && record.starts.size() == record.fields.size() &&
                        record.file == "fuzz.csv");
    }
  });
  return 0;
}
