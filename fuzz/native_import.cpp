// A native import (CSV, JSON or NDJSON; the first byte picks) read, staged and reconciled
// against a store as a dry run: the readers, the value checks and the reconcile of the
// import engine, all of which take files from anyone.
#include "fuzz_input.hpp"
#include "io/import.hpp"
#include "io/native.hpp"
#include "store/store.hpp"

#include <filesystem>
#include <unistd.h>

namespace {

tw::store::Store& fuzz_store() {
  static tw::store::Store store = [] {
    const auto path = std::filesystem::temp_directory_path() / ("tradewatch-fuzz-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path);
    auto created = tw::store::Store::create(path);
    std::filesystem::remove(path); // the open connection keeps it, and nothing is left behind
    return created;
  }();
  return store;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  const auto format = static_cast<tw::io::DataFormat>(data[0] % 3);
  tw::io::ImportOptions options;
  options.as_of = *tw::Date::parse("2024-06-01");
  options.dry_run = true;
  tw::fuzz::parse_stream(data + 1, size - 1, [&](std::istream& in) {
    tw::io::Importer importer(fuzz_store(), options);
    tw::io::read_native(in, "fuzz", format, importer, false);
    (void)importer.finish(tw::Changeset{0, "2024-06-01T00:00:00Z", "fuzz", "", "import", std::nullopt});
  });
  return 0;
}
