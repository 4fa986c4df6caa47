#include "query/screening.hpp"

#include <algorithm>
#include <map>

namespace tw::query {

Screener::Screener(const store::Store& store, ScreeningOptions options, store::RecordPoint point)
    : m_store(store), m_options(std::move(options)), m_point(point), m_counter(store) {
  // Candidates are read from all over the file; mapping it saves a system call per page.
  store::Statement(store.db(), "PRAGMA mmap_size = 1073741824").step();
}

std::vector<ScreeningMatch> Screener::screen(std::string_view name) {
  const std::vector<screen::Token> input = screen::tokenize(name);
  m_counter.count(input, m_frequencies);
  const std::vector<Listing> candidates =
      store::screening_candidates(m_store, input, m_frequencies, m_options.filter, m_point);

  // Listed names are tokenized first and their tokens counted in one pass, then scored.
  std::vector<std::vector<std::vector<screen::Token>>> names(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    names[i].push_back(screen::tokenize(candidates[i].name));
    for (const auto& alias : candidates[i].aliases) {
      names[i].push_back(screen::tokenize(alias));
    }
    for (const auto& tokens : names[i]) {
      m_counter.count(tokens, m_frequencies);
    }
  }

  std::map<std::string, ScreeningMatch> best; // by measure id
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    for (std::size_t n = 0; n < names[i].size(); ++n) {
      screen::Score score = screen::score(input, names[i][n], m_frequencies);
      if (score.value < m_options.threshold) {
        continue;
      }
      const Listing& listing = candidates[i];
      auto found = best.find(listing.measure_id);
      // The better score, and between equal ones the later version.
      if (found == best.end() || score.value > found->second.score.value ||
          (score.value == found->second.score.value && listing.valid.from > found->second.listing.valid.from)) {
        const std::string& matched_name = n == 0 ? listing.name : listing.aliases[n - 1];
        best.insert_or_assign(listing.measure_id, ScreeningMatch{listing, matched_name, std::move(score)});
      }
    }
  }
  std::vector<ScreeningMatch> matches;
  for (auto& [id, match] : best) {
    matches.push_back(std::move(match));
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const ScreeningMatch& a, const ScreeningMatch& b) { return a.score.value > b.score.value; });
  if (matches.size() > m_options.limit) {
    matches.resize(m_options.limit);
  }
  return matches;
}

} // namespace tw::query
