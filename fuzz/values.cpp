// The value parsers of the command line and of every file: dates, rates, product codes,
// countries, HTS rate texts. What parses must print as text that parses to the same value.
#include "core/date.hpp"
#include "core/jurisdiction.hpp"
#include "core/product_code.hpp"
#include "core/rate.hpp"
#include "fuzz_input.hpp"
#include "io/hts_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = tw::fuzz::text_of(data, size);
  if (const auto date = tw::Date::parse(text)) {
    tw::fuzz::require(tw::Date::parse(date->to_string()) == *date);
  }
  if (const auto rate = tw::Rate::parse(text)) {
    tw::fuzz::require(tw::Rate::parse(rate->to_string()) == *rate);
  }
  if (const auto code = tw::ProductCode::parse(text)) {
    tw::fuzz::require(tw::ProductCode::parse(code->key()) == *code);
  }
  if (const auto country = tw::Jurisdiction::parse(text)) {
    tw::fuzz::require(tw::Jurisdiction::parse(country->code()) == *country);
  }
  (void)tw::io::parse_hts_rate(text);
  return 0;
}
