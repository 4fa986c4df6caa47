#pragma once

// Screening a name against the listings: candidates from the store's indexes, each scored
// on its name and every alias, the best per listing, ranked.

#include "core/model.hpp"
#include "screen/score.hpp"
#include "store/screening.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
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

// As many threads as the machine has cores, up to 4: screening a batch is CPU-bound.
std::size_t default_screening_workers();

// The matches of each of `names`, in their order, as Screener::screen finds them, screened by
// up to `workers` threads at once, each on its own connection to the store. The caller's
// `store` must be in a read transaction; another connection helps only if its own read
// transaction finds the same store. `progress`, when given, is called with the number of
// names screened so far, once per name and never from two threads at once.
std::vector<std::vector<ScreeningMatch>> screen_all(const store::Store& store, const std::vector<std::string>& names,
                                                    const ScreeningOptions& options, store::RecordPoint point,
                                                    std::size_t workers,
                                                    const std::function<void(std::size_t)>& progress = {});

} // namespace tw::query
