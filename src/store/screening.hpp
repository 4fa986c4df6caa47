#pragma once

// Candidate retrieval for `screen` from the screening indexes (schema/0003_screening.sql).

#include "core/date.hpp"
#include "core/jurisdiction.hpp"
#include "core/model.hpp"
#include "screen/normalize.hpp"
#include "screen/score.hpp"
#include "store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tw::store {

// Which listing versions screening looks at.
struct ScreeningFilter {
  std::optional<std::string> list; // list name, any case
  std::optional<Jurisdiction> country;
  std::optional<EntityType> type;
  Date on;                       // listed on this day ...
  bool include_delisted = false; // ... or listed before it and delisted since
};

// Looks up, in the word index, how many listings have each token, with one prepared statement
// for all the names of a batch.
class TokenCounter {
public:
  explicit TokenCounter(const Store& store);

  // Adds to `frequencies` the content tokens of `tokens` it does not know yet, and the number
  // of listings, so that a batch asks once per token.
  void count(const std::vector<screen::Token>& tokens, screen::TokenFrequencies& frequencies);

private:
  const Store& m_store;
  Statement m_lookup;
};

// Listing versions visible at `point` that pass `filter` and share a rare token with `tokens`
// (word index), or part of a token no listing or hardly any holds, perhaps misspelt (trigram index).
// `frequencies` must know the tokens (TokenCounter). Never scans all listings: when even the
// rarest token is common, listings must have the rarest two or three of them.
std::vector<Listing> screening_candidates(const Store& store, const std::vector<screen::Token>& tokens,
                                          const screen::TokenFrequencies& frequencies, const ScreeningFilter& filter,
                                          RecordPoint point = {});

} // namespace tw::store
