// The check-file parser: TOML syntax, kinds, keys and their values.
#include "check/check_file.hpp"

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)tw::check::parse_check_file("fuzz.toml", std::string(tw::fuzz::text_of(data, size)));
  } catch (const tw::Error&) {
  }
  return 0;
}
