#pragma once

// How alike an input name and a listed name are, from 0 to 100, and why. Pure: the caller
// supplies how common each token is among the listings.

#include "screen/normalize.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace tw::screen {

// How many listings contain each canonical token, of how many listings in all. A token
// absent from `listings_with` is taken to be in none.
struct TokenFrequencies {
  std::int64_t listings = 0;
  std::unordered_map<std::string, std::int64_t> listings_with;

  // How much a match on `token` counts: rarer tokens more, generic words half.
  double weight(const Token& token) const;
};

enum class MatchKind {
  exact,         // the same text
  variant,       // the same canonical form: an abbreviation, plural or ordinal ("Natl." / "National")
  approximate,   // within a few edits ("Hefie" / "Hefei")
  transliterated // alike once spelling conventions are set aside ("Tsinghua" / "Qinghua")
};

struct TokenMatch {
  std::string input;  // the input's token as written (folded)
  std::string listed; // the listed token as written (folded)
  MatchKind kind = MatchKind::exact;
  int edits = 0; // for approximate matches
};

struct Score {
  int value = 0; // 0 to 100
  std::vector<TokenMatch> matches;
  std::vector<std::string> ignored_noise;       // noise words of either name
  std::vector<std::string> ignored_legal_forms; // legal forms of either name
  std::vector<std::string> only_in_input;       // content tokens of the input left unmatched
  std::vector<std::string> only_in_listing;     // content tokens of the listed name left unmatched
  bool numbers_differ = false;                  // each has a number the other lacks (16th / 41st)

  // The reasons in one line: what matched and how, what was ignored, what lowered the score.
  std::string explanation() const;
};

// Optimal-string-alignment distance (edits, with transpositions) between two UTF-8 strings,
// by code point.
int edit_distance(std::string_view a, std::string_view b);

// A spelling key that sets aside common transliteration differences (ph/f, ks/x, zh/z, …).
std::string transliteration_key(std::string_view token);

// The score of `listed` for `input`: weighted agreement of their content tokens, each input
// token paired with at most one listed token, order ignored; lowered by a factor when the
// names carry different numbers.
Score score(const std::vector<Token>& input, const std::vector<Token>& listed, const TokenFrequencies& frequencies);

} // namespace tw::screen
