#include "store/screening.hpp"

#include "core/error.hpp"
#include "store/listings.hpp"
#include "store/versions.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace tw::store {

namespace {

// Listings a query may read through the word index before it narrows to rarer combinations.
constexpr std::int64_t k_word_budget = 500;
// At most this many listings from either index, whatever the query.
constexpr int k_word_cap = 1000;
constexpr int k_trigram_cap = 200;
// The shortest token the trigram index is asked about: shorter ones match only exactly.
constexpr std::size_t k_shortest_fuzzy_token = 4;
// Tokens counted one by one before the whole vocabulary of the word index is read at once: a
// single name asks about far fewer, a batch about many more.
constexpr std::size_t k_counts_before_whole_vocabulary = 2000;
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

// The trigram-index query: halves of the long tokens (one edit leaves one half whole), the
// ends of the short ones.
std::string trigram_query(const std::vector<const screen::Token*>& unknown) {
  std::vector<std::string> parts;
  for (const auto* token : unknown) {
    const std::size_t length = code_point_count(token->text);
    if (token->cjk || token->number || length < k_shortest_fuzzy_token) {
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
  return joined(parts, " OR ");
}

} // namespace

ScreeningIndex::ScreeningIndex(const Store& store)
    : m_store(store), m_count(store.db(), "SELECT doc FROM screening_word_counts WHERE term = ?1"),
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
    if (!m_whole_vocabulary && m_counted == k_counts_before_whole_vocabulary) {
      Statement vocabulary(m_store.db(), "SELECT term, doc FROM screening_word_counts");
      while (vocabulary.step()) {
        frequencies.listings_with.insert_or_assign(vocabulary.text(0), vocabulary.integer(1));
      }
      m_whole_vocabulary = true;
    }
    if (m_whole_vocabulary) {
      // Not in the vocabulary, so in no listing.
      frequencies.listings_with.emplace(token.text, 0);
      continue;
    }
    m_count.reset();
    m_count.bind(1, token.text);
    frequencies.listings_with[token.text] = m_count.step() ? m_count.integer(0) : 0;
    ++m_counted;
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

  Conditions where;
  std::vector<std::string> sources;
  const std::string parts = trigram_query(unknown);
  if (const std::string words = word_query(known, frequencies, !parts.empty()); !words.empty()) {
    sources.push_back(
        fmt::format("SELECT rowid FROM (SELECT rowid FROM screening_words WHERE screening_words MATCH {} LIMIT {})",
                    where.parameter(words), k_word_cap));
  }
  if (!parts.empty()) {
    // Listings with a part of a misspelt token and one of the other tokens as written are few,
    // and found without ranking; with no other token, the best ranked by bm25 (slower).
    // The rarer of them, or the rarest: common ones would make the intersection slow.
    std::vector<std::string> others;
    for (const auto* token : known) {
      if (std::find(unknown.begin(), unknown.end(), token) != unknown.end()) {
        continue;
      }
      if (others.empty() || frequencies.listings_with.at(token->text) <= k_word_budget) {
        others.push_back(fts_string(token->text));
      }
    }
    sources.push_back(
        others.empty()
            ? fmt::format("SELECT rowid FROM (SELECT rowid FROM screening_trigrams WHERE screening_trigrams MATCH {} "
                          "ORDER BY rank LIMIT {})",
                          where.parameter(parts), k_trigram_cap)
            : fmt::format("SELECT rowid FROM (SELECT rowid FROM screening_trigrams WHERE screening_trigrams MATCH {} "
                          "INTERSECT SELECT rowid FROM screening_words WHERE screening_words MATCH {} LIMIT {})",
                          where.parameter(parts), where.parameter(joined(others, " OR ")), k_word_cap));
  }
  if (sources.empty()) {
    return {};
  }
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
  std::string sql = fmt::format("SELECT l.row_id, l.measure_id, l.valid_from FROM listings l WHERE l.row_id IN ({}) "
                                "AND {}{}",
                                joined(sources, " UNION "), visible("l", point), where.sql());
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
