// Screening's normalisation and scoring, which every name written to the store and every
// screened name goes through: any bytes, valid UTF-8 or not. The input holds two names
// separated by a line break; scores stay within 0–100 and a name matches itself fully.
#include "fuzz_input.hpp"
#include "screen/normalize.hpp"
#include "screen/score.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = tw::fuzz::text_of(data, size);
  const std::size_t line_break = text.find('\n');
  const std::string_view first = text.substr(0, line_break);
  const std::string_view second = line_break == std::string_view::npos ? first : text.substr(line_break + 1);

  (void)tw::screen::index_text(first, {std::string(second)});
  const auto first_tokens = tw::screen::tokenize(first);
  const auto second_tokens = tw::screen::tokenize(second);
  const tw::screen::TokenFrequencies frequencies;
  const int across = tw::screen::score(first_tokens, second_tokens, frequencies).value;
  tw::fuzz::require(across >= 0 && across <= 100);
  if (!first_tokens.empty())
    tw::fuzz::require(tw::screen::score(first_tokens, first_tokens, frequencies).value == 100);
  return 0;
}
