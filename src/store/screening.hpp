#pragma once

// Candidate retrieval for `screen` from the screening indexes (schema/0003_screening.sql).

#include "core/date.hpp"
#include "core/jurisdiction.hpp"
#include "core/model.hpp"
#include "screen/normalize.hpp"
#include "screen/score.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
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

// A listing version found by the screening indexes: what tells it apart from the other
// versions of its listing. Its names and its whole row are read separately, for the few
// candidates that need them.
struct ScreeningCandidate {
  std::int64_t row_id = 0;
  std::string measure_id;
  Date valid_from;
};

// The name and aliases of a listing version, which are what screening scores.
struct ListingNames {
  std::string name;
  std::vector<std::string> aliases;
};

// The screening indexes of one store, for the names of a batch: each statement is prepared
// once, however many names are screened.
class ScreeningIndex {
public:
  explicit ScreeningIndex(const Store& store);

  // Adds to `frequencies` the content tokens of `tokens` it does not know yet, and the number
  // of listing versions with each, so that a batch asks once per token.
  void count(const std::vector<screen::Token>& tokens, screen::TokenFrequencies& frequencies);

  // Listing versions visible at `point` that pass `filter` and share a rare token with
  // `tokens` (word index), or part of a token no listing or hardly any holds, perhaps misspelt
  // (trigram index). `frequencies` must know the tokens (count). Never scans all listings:
  // when even the rarest token is common, listings must have the rarest two or three of them.
  std::vector<ScreeningCandidate> candidates(const std::vector<screen::Token>& tokens,
                                             const screen::TokenFrequencies& frequencies, const ScreeningFilter& filter,
                                             RecordPoint point = {});

  ListingNames names(std::int64_t row_id);
  Listing listing(std::int64_t row_id);

private:
  // The listings, at most a few hundred, that share the most telling trigrams with the
  // misspelt tokens `unknown` (trigram index); there are `listings` in all.
  std::vector<std::int64_t> best_by_trigrams(const std::vector<const screen::Token*>& unknown, std::int64_t listings);

  const Store& m_store;
  Statement m_count;
  Statement m_words;    // listings by whole tokens
  Statement m_trigrams; // listings by parts of tokens
  Statement m_text_length;
  Statement m_names;
  Statement m_listing;
  // The candidate queries by their SQL, which varies only with the filter.
  std::map<std::string, Statement, std::less<>> m_queries;
};

} // namespace tw::store
