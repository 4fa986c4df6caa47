#include "store/screening.hpp"

#include "core/error.hpp"
#include "store/listings.hpp"
#include "store/versions.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <set>
#include <unordered_map>

namespace tw::store {

namespace {

// Listings a query may read through the word index before it narrows to rarer combinations.
constexpr std::int64_t k_word_budget = 500;
// At most this many listings from either index, whatever the query.
constexpr std::size_t k_word_cap = 1000;
constexpr std::size_t k_trigram_cap = 200;
// The shortest token the trigram index is asked about.
constexpr std::size_t k_shortest_fuzzy_token = 4;
// Tokens in at most this many listings are also looked up as possible misspellings.
constexpr std::int64_t k_rare_enough_to_be_misspelt = 2;

// A token as an FTS5 string, which the tokenizer reads as itself, not as query syntax.
std::string fts_string(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    quoted += c;
    if (c == '"') {
      quoted += '"';
    }
  }
  return quoted + "\"";
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const auto& part : parts) {
    text += (text.empty() ? "" : std::string(separator)) + part;
  }
  return text;
}

std::size_t code_point_count(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The first `count` code points of `text`, as bytes.
std::size_t prefix_bytes(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == count) {
        return i;
      }
      ++seen;
    }
  }
  return text.size();
}

// The word-index query: the rare tokens, any of them; when even the rarest is common, the
// rarest few together; a lone common token only when no misspelt token can find the listing
// through the trigram index instead.
std::string word_query(const std::vector<const screen::Token*>& known, const screen::TokenFrequencies& frequencies,
                       bool fuzzy_parts) {
  if (known.empty()) {
    return {};
  }
  const auto count = [&](const screen::Token* token) { return frequencies.listings_with.at(token->text); };
  std::vector<std::string> any;
  std::int64_t reached = 0;
  for (const auto* token : known) {
    if (reached + count(token) > k_word_budget && !any.empty()) {
      break;
    }
    reached += count(token);
    any.push_back(fts_string(token->text));
  }
  if (reached <= k_word_budget) {
    return joined(any, " OR ");
  }
  if (known.size() == 1) {
    return fuzzy_parts ? std::string() : any.front();
  }
  std::vector<std::string> all;
  for (std::size_t i = 0; i < std::min<std::size_t>(known.size(), 3); ++i) {
    all.push_back(fts_string(known[i]->text));
  }
  return joined(all, " AND ");
}

// Whether the trigram index is asked about `token`: Han characters and numbers match only
// exactly, and so do tokens too short for a part of them to tell anything.
bool looked_up_by_parts(const screen::Token& token, std::size_t length) {
  return !token.cjk && !token.number && length >= k_shortest_fuzzy_token;
}

// The parts of misspelt tokens the trigram index is asked about, as FTS5 strings: halves of
// the long tokens (one edit leaves one half whole), the ends of the short ones.
std::vector<std::string> trigram_parts(const std::vector<const screen::Token*>& unknown) {
  std::vector<std::string> parts;
  for (const auto* token : unknown) {
    const std::size_t length = code_point_count(token->text);
    if (!looked_up_by_parts(*token, length)) {
      continue;
    }
    if (length >= 6) {
      const std::size_t middle = prefix_bytes(token->text, length / 2);
      parts.push_back(fts_string(token->text.substr(0, middle)));
      parts.push_back(fts_string(token->text.substr(middle)));
    } else {
      // Its first and last three letters: an edit at either end leaves the other.
      parts.push_back(fts_string(token->text.substr(0, prefix_bytes(token->text, 3))));
      parts.push_back(fts_string(token->text.substr(prefix_bytes(token->text, length - 3))));
    }
  }
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  return parts;
}

// The row ids `match` finds for `query`, ascending, at most `limit` of them.
std::vector<std::int64_t> matching(Statement& match, const std::string& query,
                                   std::size_t limit = std::numeric_limits<std::size_t>::max()) {
  match.reset();
  match.bind(1, query);
  std::vector<std::int64_t> rows;
  while (rows.size() < limit && match.step()) {
    rows.push_back(match.integer(0));
  }
  return rows;
}

} // namespace

ScreeningIndex::ScreeningIndex(const Store& store)
    : m_store(store), m_count(store.db(), "SELECT listings FROM screening_token_counts WHERE term = ?1"),
      m_words(store.db(), "SELECT rowid FROM screening_words WHERE screening_words MATCH ?1"),
      m_trigrams(store.db(), "SELECT rowid FROM screening_trigrams WHERE screening_trigrams MATCH ?1"),
      m_text_length(store.db(), "SELECT length(name) + length(aliases) FROM listings WHERE row_id = ?1"),
      m_names(store.db(), "SELECT name, aliases FROM listings WHERE row_id = ?1"),
      m_listing(store.db(), fmt::format("SELECT {} FROM listings l WHERE l.row_id = ?1", k_listing_columns)) {}

void ScreeningIndex::count(const std::vector<screen::Token>& tokens, screen::TokenFrequencies& frequencies) {
  if (frequencies.listings == 0) {
    // Row ids count the listing versions ever written, near enough the number indexed.
    Statement listings(m_store.db(), "SELECT coalesce(max(row_id), 0) FROM listings");
    listings.step();
    frequencies.listings = listings.integer(0);
  }
  for (const auto& token : tokens) {
    if (token.role != screen::TokenRole::content || frequencies.listings_with.contains(token.text)) {
      continue;
    }
    m_count.reset();
    m_count.bind(1, token.text);
    frequencies.listings_with[token.text] = m_count.step() ? m_count.integer(0) : 0;
  }
}

std::vector<ScreeningCandidate> ScreeningIndex::candidates(const std::vector<screen::Token>& tokens,
                                                           const screen::TokenFrequencies& frequencies,
                                                           const ScreeningFilter& filter, RecordPoint point) {
  std::vector<const screen::Token*> known;
  std::vector<const screen::Token*> unknown;
  std::set<std::string> seen;
  for (const auto& token : tokens) {
    if (token.role != screen::TokenRole::content || !seen.insert(token.text).second) {
      continue;
    }
    // A token of a listing or two may be a misspelling of another listing's: both are looked up.
    const std::int64_t count = frequencies.listings_with.at(token.text);
    if (count > 0) {
      known.push_back(&token);
    }
    if (count <= k_rare_enough_to_be_misspelt) {
      unknown.push_back(&token);
    }
  }
  std::stable_sort(known.begin(), known.end(), [&](const screen::Token* a, const screen::Token* b) {
    return frequencies.listings_with.at(a->text) < frequencies.listings_with.at(b->text);
  });

  // The row ids are merged here rather than in SQL: SQLite's UNION and INTERSECT copy every
  // row of each side into a temporary table, which cost several times the index look-ups.
  std::vector<std::int64_t> rows;
  const std::vector<std::string> parts = trigram_parts(unknown);
  if (const std::string words = word_query(known, frequencies, !parts.empty()); !words.empty()) {
    rows = matching(m_words, words, k_word_cap);
  }
  if (!parts.empty()) {
    // Listings with a part of a misspelt token and one of the other tokens as written are few;
    // the rarer of those tokens, or the rarest: common ones would make the intersection slow.
    std::vector<std::string> others;
    for (const auto* token : known) {
      if (std::find(unknown.begin(), unknown.end(), token) != unknown.end()) {
        continue;
      }
      if (others.empty() || frequencies.listings_with.at(token->text) <= k_word_budget) {
        others.push_back(fts_string(token->text));
      }
    }
    std::vector<std::int64_t> found;
    if (others.empty()) {
      found = best_by_trigrams(unknown, frequencies.listings);
    } else {
      const std::vector<std::int64_t> with_part = matching(m_trigrams, joined(parts, " OR "));
      const std::vector<std::int64_t> with_other = matching(m_words, joined(others, " OR "));
      std::set_intersection(with_part.begin(), with_part.end(), with_other.begin(), with_other.end(),
                            std::back_inserter(found));
      found.resize(std::min<std::size_t>(found.size(), k_word_cap));
    }
    std::vector<std::int64_t> both;
    std::set_union(rows.begin(), rows.end(), found.begin(), found.end(), std::back_inserter(both));
    rows = std::move(both);
  }
  if (rows.empty()) {
    return {};
  }

  Conditions where;
  const std::string row_ids = where.parameter(nlohmann::json(rows).dump());
  if (filter.list) {
    where.add("l.list_name = {0} COLLATE NOCASE", *filter.list);
  }
  if (filter.country) {
    where.add("l.country = {0}", filter.country->code());
  }
  if (filter.type) {
    where.add("l.entity_type = {0}", to_string(*filter.type));
  }
  where.add("l.valid_from <= {0}", filter.on.to_string());
  if (!filter.include_delisted) {
    where.add("(l.valid_to IS NULL OR l.valid_to > {0})", filter.on.to_string());
  }
  std::string sql = fmt::format("SELECT l.row_id, l.measure_id, l.valid_from FROM listings l "
                                "WHERE l.row_id IN (SELECT value FROM json_each({})) AND {}{}",
                                row_ids, visible("l", point), where.sql());
  auto query = m_queries.find(sql);
  if (query == m_queries.end()) {
    Statement prepared(m_store.db(), sql);
    query = m_queries.emplace(std::move(sql), std::move(prepared)).first;
  }
  Statement& select = query->second;
  select.reset();
  where.bind(select, point);
  std::vector<ScreeningCandidate> candidates;
  while (select.step()) {
    candidates.push_back({select.integer(0), select.text(1), Date::parse(select.text(2)).value()});
  }
  return candidates;
}

std::vector<std::int64_t> ScreeningIndex::best_by_trigrams(const std::vector<const screen::Token*>& unknown,
                                                           std::int64_t listings) {
  // Every three letters of each token: a listing with a token an edit or two away shares most
  // of them, and its rarer ones tell it from the listings that share only a common syllable.
  std::vector<std::string> parts;
  for (const auto* token : unknown) {
    const std::size_t length = code_point_count(token->text);
    if (!looked_up_by_parts(*token, length)) {
      continue;
    }
    for (std::size_t i = 0; i + 3 <= length; ++i) {
      const std::size_t from = prefix_bytes(token->text, i);
      parts.push_back(fts_string(token->text.substr(from, prefix_bytes(token->text, i + 3) - from)));
    }
  }
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());

  // Each counts by its rarity, as bm25 weighs a term; bm25 itself, ranking every listing with
  // a common part, was ten times slower.
  std::unordered_map<std::int64_t, double> weights;
  for (const auto& part : parts) {
    const std::vector<std::int64_t> with_part = matching(m_trigrams, part);
    const double rarity =
        std::log((static_cast<double>(listings) + 1.0) / (static_cast<double>(with_part.size()) + 0.5));
    for (const std::int64_t row : with_part) {
      weights[row] += rarity;
    }
  }
  std::vector<std::pair<double, std::int64_t>> ranked; // by weight, heaviest first, then by row
  ranked.reserve(weights.size());
  for (const auto& [row, weight] : weights) {
    ranked.emplace_back(-weight, row);
  }
  std::vector<std::int64_t> rows;
  if (ranked.size() <= k_trigram_cap) {
    for (const auto& [weight, row] : ranked) {
      rows.push_back(row);
    }
  } else {
    // Rows with the same parts weigh the same, and often more of them than are kept (every
    // listing with "aerospace", for "aerospahe"). Among those, as bm25 would, the shorter
    // listings first: their names hold more of what was asked.
    std::nth_element(ranked.begin(), ranked.begin() + k_trigram_cap - 1, ranked.end());
    const double least = ranked[k_trigram_cap - 1].first;
    std::vector<std::pair<std::int64_t, std::int64_t>> tied; // length, row
    for (const auto& [weight, row] : ranked) {
      if (weight < least) {
        rows.push_back(row);
      } else if (weight == least) {
        m_text_length.reset();
        m_text_length.bind(1, row);
        m_text_length.step();
        tied.emplace_back(m_text_length.integer(0), row);
      }
    }
    const std::size_t wanted = k_trigram_cap - rows.size();
    std::partial_sort(tied.begin(), tied.begin() + static_cast<std::ptrdiff_t>(wanted), tied.end());
    for (std::size_t i = 0; i < wanted; ++i) {
      rows.push_back(tied[i].second);
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

ListingNames ScreeningIndex::names(std::int64_t row_id) {
  m_names.reset();
  m_names.bind(1, row_id);
  if (!m_names.step()) {
    throw Error(ExitCode::internal, fmt::format("listing row {} is not in the store", row_id));
  }
  return {m_names.text(0), nlohmann::json::parse(m_names.text(1)).get<std::vector<std::string>>()};
}

Listing ScreeningIndex::listing(std::int64_t row_id) {
  m_listing.reset();
  m_listing.bind(1, row_id);
  if (!m_listing.step()) {
    throw Error(ExitCode::internal, fmt::format("listing row {} is not in the store", row_id));
  }
  return read_listing(m_listing);
}

} // namespace tw::store
