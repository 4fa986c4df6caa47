#include "query/screening.hpp"

#include "store/changesets.hpp"

#include <algorithm>
#include <atomic>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace tw::query {

namespace {

// Once the tokens of this many listing versions are kept, the next name starts afresh: the
// cache costs about 1 kB a listing.
constexpr std::size_t k_cached_listings = 20000;

// A thread of a batch screens at least this many names: fewer would not pay for opening its
// connection.
constexpr std::size_t k_names_per_worker = 50;
constexpr std::size_t k_most_workers = 4;

} // namespace

Screener::Screener(const store::Store& store, ScreeningOptions options, store::RecordPoint point)
    : m_store(store), m_options(std::move(options)), m_point(point), m_index(store) {
  // Candidates are read from all over the file; mapping it saves a system call per page.
  store::Statement(store.db(), "PRAGMA mmap_size = 1073741824").step();
}

const std::vector<std::vector<screen::Token>>& Screener::listed_tokens(std::int64_t row_id) {
  if (const auto found = m_listed_tokens.find(row_id); found != m_listed_tokens.end()) {
    return found->second;
  }
  const store::ListingNames names = m_index.names(row_id);
  std::vector<std::vector<screen::Token>> tokens;
  tokens.push_back(screen::tokenize(names.name));
  for (const auto& alias : names.aliases) {
    tokens.push_back(screen::tokenize(alias));
  }
  for (const auto& one : tokens) {
    m_index.count(one, m_frequencies);
  }
  return m_listed_tokens.emplace(row_id, std::move(tokens)).first->second;
}

std::vector<ScreeningMatch> Screener::screen(std::string_view name) {
  if (m_listed_tokens.size() >= k_cached_listings) {
    m_listed_tokens.clear();
  }
  const std::vector<screen::Token> input = screen::tokenize(name);
  m_index.count(input, m_frequencies);
  const std::vector<store::ScreeningCandidate> candidates =
      m_index.candidates(input, m_frequencies, m_options.filter, m_point);

  // Listed names are tokenized, and their tokens counted, before any is scored: a token's
  // weight must not depend on the order the candidates come in.
  std::vector<const std::vector<std::vector<screen::Token>>*> names;
  names.reserve(candidates.size());
  for (const auto& candidate : candidates) {
    names.push_back(&listed_tokens(candidate.row_id));
  }

  struct Best {
    const store::ScreeningCandidate* candidate;
    std::size_t name; // 0 for the name, n for alias n
    screen::Score score;
  };
  std::map<std::string_view, Best> best; // by measure id
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    for (std::size_t n = 0; n < names[i]->size(); ++n) {
      screen::Score score = screen::score(input, (*names[i])[n], m_frequencies);
      if (score.value < m_options.threshold) {
        continue;
      }
      const store::ScreeningCandidate& candidate = candidates[i];
      auto found = best.find(candidate.measure_id);
      // The better score, and between equal ones the later version.
      if (found == best.end() || score.value > found->second.score.value ||
          (score.value == found->second.score.value && candidate.valid_from > found->second.candidate->valid_from)) {
        best.insert_or_assign(candidate.measure_id, Best{&candidate, n, std::move(score)});
      }
    }
  }
  std::vector<ScreeningMatch> matches;
  for (auto& [id, found] : best) {
    Listing listing = m_index.listing(found.candidate->row_id);
    std::string matched_name = found.name == 0 ? listing.name : listing.aliases[found.name - 1];
    matches.push_back({std::move(listing), std::move(matched_name), std::move(found.score)});
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const ScreeningMatch& a, const ScreeningMatch& b) { return a.score.value > b.score.value; });
  if (matches.size() > m_options.limit) {
    matches.resize(m_options.limit);
  }
  return matches;
}

std::size_t default_screening_workers() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, k_most_workers);
}

std::vector<std::vector<ScreeningMatch>> screen_all(const store::Store& store, const std::vector<std::string>& names,
                                                    const ScreeningOptions& options, store::RecordPoint point,
                                                    std::size_t workers,
                                                    const std::function<void(std::size_t)>& progress) {
  const std::size_t wanted =
      std::clamp<std::size_t>(names.size() / k_names_per_worker, 1, std::max<std::size_t>(workers, 1));
  // The other connections, each in a read transaction of its own. Every write records a
  // changeset, so one that finds the caller's newest changeset reads the caller's store; one
  // opened after a write does not help.
  std::deque<store::Store> stores;
  std::deque<store::Transaction> snapshots; // declared after stores: ended before they close
  std::deque<Screener> screeners;
  screeners.emplace_back(store, options, point);
  const ChangesetId newest = store::newest_changeset(store);
  while (stores.size() + 1 < wanted) {
    store::Store& helper = stores.emplace_back(store::Store::open(store.db().path(), store::Store::Access::read_only));
    snapshots.emplace_back(helper.db(), store::Transaction::Kind::deferred);
    if (store::newest_changeset(helper) != newest) {
      break;
    }
    screeners.emplace_back(helper, options, point);
  }

  std::vector<std::vector<ScreeningMatch>> matches(names.size());
  std::atomic<std::size_t> next = 0;
  std::mutex reporting; // guards screened, progress and failure
  std::size_t screened = 0;
  std::exception_ptr failure;
  const auto work = [&](Screener& screener) {
    try {
      for (std::size_t i = next++; i < names.size(); i = next++) {
        matches[i] = screener.screen(names[i]);
        const std::lock_guard lock(reporting);
        ++screened;
        if (progress) {
          progress(screened);
        }
      }
    } catch (...) {
      next = names.size(); // the others stop too
      const std::lock_guard lock(reporting);
      if (!failure) {
        failure = std::current_exception();
      }
    }
  };
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 1; i < screeners.size(); ++i) {
      threads.emplace_back(work, std::ref(screeners[i]));
    }
    work(screeners.front());
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
  return matches;
}

} // namespace tw::query
