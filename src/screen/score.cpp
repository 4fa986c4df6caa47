#include "screen/score.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace tw::screen {

namespace {

constexpr double k_generic_factor = 0.5;
constexpr double k_numbers_differ_factor = 0.6;
constexpr double k_transliterated_similarity = 0.9;
constexpr double k_least_similarity = 0.7;

std::u32string code_points(std::string_view text) {
  std::u32string points;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t code_point = 0;
    const auto size = utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &code_point);
    if (size <= 0) {
      break;
    }
    points.push_back(static_cast<char32_t>(code_point));
    at += static_cast<std::size_t>(size);
  }
  return points;
}

std::size_t code_point_count(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The edits a token of `length` code points may differ by and still match.
int edits_allowed(std::size_t length) {
  if (length >= 8) {
    return 2;
  }
  return length >= 4 ? 1 : 0;
}

struct Pairing {
  std::size_t input;
  std::size_t listed;
  double similarity;
  MatchKind kind;
  int edits;
  double weight;
};

std::optional<Pairing> pair_tokens(const Token& input, const Token& listed) {
  if (input.text == listed.text) {
    return Pairing{0, 0, 1.0, input.original == listed.original ? MatchKind::exact : MatchKind::variant, 0, 0};
  }
  if (input.cjk || listed.cjk || input.number || listed.number) {
    return std::nullopt;
  }
  // Canonical forms and the forms as written are both compared: a typo can make a word look
  // plural ("geovls" → "geovl"), or hide one.
  for (const auto& [a, b] : {std::pair{&input.text, &listed.text}, std::pair{&input.original, &listed.original}}) {
    const std::size_t a_length = code_point_count(*a);
    const std::size_t b_length = code_point_count(*b);
    const int allowed = edits_allowed(std::min(a_length, b_length));
    const std::size_t longer = std::max(a_length, b_length);
    // Lengths alone can rule a pair out, before the edits are counted.
    if (allowed == 0 || longer - std::min(a_length, b_length) > static_cast<std::size_t>(allowed)) {
      continue;
    }
    const int edits = edit_distance(*a, *b);
    const double similarity = 1.0 - static_cast<double>(edits) / static_cast<double>(longer);
    if (edits <= allowed && similarity >= k_least_similarity) {
      return Pairing{0, 0, similarity, MatchKind::approximate, edits, 0};
    }
  }
  if (!input.spelling.empty() && input.spelling == listed.spelling) {
    return Pairing{0, 0, k_transliterated_similarity, MatchKind::transliterated, 0, 0};
  }
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    text += (text.empty() ? "" : ", ") + item;
  }
  return text;
}

void add_unique(std::vector<std::string>& items, const std::string& item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) {
    items.push_back(item);
  }
}

} // namespace

double TokenFrequencies::weight(const Token& token) const {
  const auto found = listings_with.find(token.text);
  const double with = found == listings_with.end() ? 0.0 : static_cast<double>(found->second);
  const double rarity = 1.0 + std::log((static_cast<double>(listings) + 1.0) / (with + 1.0));
  return std::max(rarity, 1.0) * (token.generic ? k_generic_factor : 1.0);
}

namespace {

template <typename Text> int alignment_distance(const Text& a, const Text& b) {
  // Three rows of the table: two back for transpositions. Tokens are short: rows of a short
  // one fit on the stack.
  constexpr std::size_t k_on_stack = 64;
  std::array<int, 3 * k_on_stack> stack_rows{};
  std::vector<int> heap_rows;
  int* rows = stack_rows.data();
  if (b.size() + 1 > k_on_stack) {
    heap_rows.resize(3 * (b.size() + 1));
    rows = heap_rows.data();
  }
  const std::size_t width = b.size() + 1;
  int* before = rows;
  int* previous = rows + width;
  int* current = rows + 2 * width;
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = static_cast<int>(j);
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

int edit_distance(std::string_view a, std::string_view b) {
  // In ASCII a byte is a code point.
  if (is_ascii(a) && is_ascii(b)) {
    return alignment_distance(a, b);
  }
  return alignment_distance(code_points(a), code_points(b));
}

std::string transliteration_key(std::string_view token) {
  static const std::vector<std::pair<std::string_view, std::string_view>> spellings{
      {"tsch", "ch"}, {"sch", "sh"}, {"ph", "f"}, {"ck", "k"}, {"ks", "x"}, {"kh", "h"}, {"zh", "z"},
      {"tz", "z"},    {"ts", "z"},   {"dj", "j"}, {"q", "k"},  {"c", "k"},  {"y", "i"},  {"w", "v"},
      {"ou", "u"},    {"oo", "u"},   {"ee", "i"}, {"ie", "i"}, {"ei", "i"}};
  std::string key;
  std::size_t at = 0;
  while (at < token.size()) {
    bool replaced = false;
    for (const auto& [from, to] : spellings) {
      if (token.substr(at).starts_with(from)) {
        key += to;
        at += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      key += token[at++];
    }
  }
  // Doubled letters as one.
  std::string collapsed;
  for (const char c : key) {
    if (collapsed.empty() || collapsed.back() != c) {
      collapsed += c;
    }
  }
  return collapsed;
}

Score score(const std::vector<Token>& input, const std::vector<Token>& listed, const TokenFrequencies& frequencies) {
  Score result;
  std::vector<std::size_t> input_content;
  std::vector<std::size_t> listed_content;
  // Ignored tokens are named in runs as written ("co ltd", "有限公司").
  const auto sort_out = [&](const std::vector<Token>& tokens, std::vector<std::size_t>& content) {
    std::string run;
    const auto end_run = [&](std::size_t i) {
      if (!run.empty()) {
        add_unique(tokens[i - 1].role == TokenRole::noise ? result.ignored_noise : result.ignored_legal_forms, run);
        run.clear();
      }
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].role == TokenRole::content) {
        end_run(i);
        content.push_back(i);
        continue;
      }
      if (i > 0 && tokens[i - 1].role != tokens[i].role) {
        end_run(i);
      }
      run += run.empty() || tokens[i].cjk ? "" : " ";
      run += tokens[i].original;
    }
    end_run(tokens.size());
  };
  sort_out(input, input_content);
  sort_out(listed, listed_content);

  std::vector<double> input_weight(input.size(), 0.0);
  std::vector<double> listed_weight(listed.size(), 0.0);
  for (const std::size_t i : input_content) {
    input_weight[i] = frequencies.weight(input[i]);
  }
  for (const std::size_t j : listed_content) {
    listed_weight[j] = frequencies.weight(listed[j]);
  }

  // Every acceptable pair, the most telling first; each token is then paired at most once.
  std::vector<Pairing> pairings;
  for (const std::size_t i : input_content) {
    for (const std::size_t j : listed_content) {
      if (auto pairing = pair_tokens(input[i], listed[j])) {
        pairing->input = i;
        pairing->listed = j;
        // A misspelt input token is as rare as the word it stands for.
        const double input_side = pairing->kind == MatchKind::approximate || pairing->kind == MatchKind::transliterated
                                      ? listed_weight[j]
                                      : input_weight[i];
        pairing->weight = input_side + listed_weight[j];
        pairings.push_back(*pairing);
      }
    }
  }
  std::stable_sort(pairings.begin(), pairings.end(), [](const Pairing& a, const Pairing& b) {
    return a.similarity * a.weight > b.similarity * b.weight;
  });
  std::vector<bool> input_used(input.size(), false);
  std::vector<bool> listed_used(listed.size(), false);
  double matched = 0.0;
  double total = 0.0;
  std::vector<const Pairing*> chosen;
  for (const auto& pairing : pairings) {
    if (input_used[pairing.input] || listed_used[pairing.listed]) {
      continue;
    }
    input_used[pairing.input] = true;
    listed_used[pairing.listed] = true;
    matched += pairing.similarity * pairing.weight;
    total += pairing.weight;
    chosen.push_back(&pairing);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Pairing* a, const Pairing* b) { return a->input < b->input; });
  for (const Pairing* pairing : chosen) {
    result.matches.push_back(
        {input[pairing->input].original, listed[pairing->listed].original, pairing->kind, pairing->edits});
  }

  bool input_number_left = false;
  bool listed_number_left = false;
  for (const std::size_t i : input_content) {
    if (!input_used[i]) {
      total += input_weight[i];
      result.only_in_input.push_back(input[i].original);
      input_number_left = input_number_left || input[i].number;
    }
  }
  for (const std::size_t j : listed_content) {
    if (!listed_used[j]) {
      total += listed_weight[j];
      result.only_in_listing.push_back(listed[j].original);
      listed_number_left = listed_number_left || listed[j].number;
    }
  }
  double ratio = total > 0.0 ? matched / total : 0.0;
  result.numbers_differ = input_number_left && listed_number_left;
  if (result.numbers_differ) {
    ratio *= k_numbers_differ_factor;
  }
  result.value = static_cast<int>(std::lround(100.0 * ratio));
  return result;
}

std::string Score::explanation() const {
  std::vector<std::string> exact;
  std::vector<std::string> variants;
  std::vector<std::string> approximate;
  for (const auto& match : matches) {
    switch (match.kind) {
    case MatchKind::exact:
      exact.push_back(match.input);
      break;
    case MatchKind::variant:
      variants.push_back(fmt::format("{}={}", match.input, match.listed));
      break;
    case MatchKind::approximate:
      approximate.push_back(
          fmt::format("{}~{} ({} edit{})", match.input, match.listed, match.edits, match.edits == 1 ? "" : "s"));
      break;
    case MatchKind::transliterated:
      approximate.push_back(fmt::format("{}~{} (spelling)", match.input, match.listed));
      break;
    }
  }
  std::vector<std::string> parts;
  if (!exact.empty()) {
    parts.push_back("exact: " + joined(exact));
  }
  if (!variants.empty()) {
    parts.push_back("same word: " + joined(variants));
  }
  if (!approximate.empty()) {
    parts.push_back("approximate: " + joined(approximate));
  }
  if (!ignored_legal_forms.empty()) {
    parts.push_back("ignored legal forms: " + joined(ignored_legal_forms));
  }
  if (!ignored_noise.empty()) {
    parts.push_back("ignored words: " + joined(ignored_noise));
  }
  if (!only_in_input.empty()) {
    parts.push_back("not in listing: " + joined(only_in_input));
  }
  if (!only_in_listing.empty()) {
    parts.push_back("not in input: " + joined(only_in_listing));
  }
  if (numbers_differ) {
    parts.push_back(fmt::format("numbers differ (score x{})", k_numbers_differ_factor));
  }
  std::string text;
  for (const auto& part : parts) {
    text += (text.empty() ? "" : "; ") + part;
  }
  return text;
}

} // namespace tw::screen
