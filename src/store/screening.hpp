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
  // of listings with each (word index), so that a batch asks once per token. After many
  // questions it reads the whole vocabulary of the index instead, at about the cost of a
  // thousand of them.
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
  const Store& m_store;
  Statement m_count;
  std::size_t m_counted = 0;
  bool m_whole_vocabulary = false;
  Statement m_names;
  Statement m_listing;
  // The candidate queries by their SQL, which varies only with the indexes a name needs and
  // the filter.
  std::map<std::string, Statement, std::less<>> m_queries;
};

} // namespace tw::store
