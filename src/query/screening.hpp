#pragma once

// Screening a name against the listings: candidates from the store's indexes, each scored
// on its name and every alias, the best per listing, ranked.

#include "core/model.hpp"
#include "screen/score.hpp"
#include "store/screening.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tw::query {

// The score from which a listing is reported as a match unless --threshold says otherwise.
// tests/data/screening/ measures what it catches and what it lets through (`make bench`).
constexpr int k_default_threshold = 80;

struct ScreeningOptions {
  store::ScreeningFilter filter;
  int threshold = k_default_threshold;
  std::size_t limit = 10; // matches per name, best first
};

struct ScreeningMatch {
  Listing listing;          // the version that scored best
  std::string matched_name; // its name, or the alias that scored best
  screen::Score score;
};

// Screens names one after another against one store, remembering how common each token is.
class Screener {
public:
  Screener(const store::Store& store, ScreeningOptions options, store::RecordPoint point = {});

  // The listings that score at least the threshold for `name`, best first (ties by id).
  std::vector<ScreeningMatch> screen(std::string_view name);

private:
  const store::Store& m_store;
  ScreeningOptions m_options;
  store::RecordPoint m_point;
  store::ScreeningIndex m_index;
  screen::TokenFrequencies m_frequencies;
  // The tokens of the name and of each alias of listing versions already scored, by row id:
  // the same listings are candidates for many names of a batch.
  std::unordered_map<std::int64_t, std::vector<std::vector<screen::Token>>> m_listed_tokens;

  const std::vector<std::vector<screen::Token>>& listed_tokens(std::int64_t row_id);
};

} // namespace tw::query
