#pragma once

// Names as screening compares them: folded to one Unicode form, split into tokens, and each
// token given a role. Pure functions of their text; no I/O.

#include <string>
#include <string_view>
#include <vector>

namespace tw::screen {

enum class TokenRole {
  content,    // counts towards the score
  legal_form, // Co., Ltd., GmbH, 有限公司 …: ignored on both sides
  noise,      // of, the, and …: ignored on both sides
};

struct Token {
  std::string text;     // the canonical form compared ("national" for "Natl.")
  std::string original; // as folded from the input ("natl"), for explanations
  TokenRole role = TokenRole::content;
  bool number = false;  // digits only ("41" of "41st")
  bool cjk = false;     // one Han character
  bool generic = false; // a common word of organisation names ("technology", "group")
  std::string spelling; // transliteration_key(text), for words of 4 letters or more
};

// `text` in NFKC, case-folded, without combining marks. Text that is not valid UTF-8 is
// returned as it is.
std::string fold(std::string_view text);

// The tokens of `name`, in order: runs of letters and digits, each Han character on its own,
// apostrophes dropped ("People's" → "peoples"), single letters separated by dots or spaces
// joined ("S.A." → "sa"), ordinals reduced to their number ("41st" → "41"), abbreviations and
// plurals mapped to one form, legal forms and noise words marked. When every token would be
// ignored, all are content instead, so that a name is never empty.
std::vector<Token> tokenize(std::string_view name);

// What the store's screening indexes hold for a listing with `name` and `aliases`: the
// canonical content tokens of each, separated by spaces, one name a line.
std::string index_text(std::string_view name, const std::vector<std::string>& aliases);

// The distinct canonical content tokens of `name` and `aliases`, sorted: what the store counts
// a listing version under, for the weight of each token.
std::vector<std::string> index_tokens(std::string_view name, const std::vector<std::string>& aliases);

} // namespace tw::screen
