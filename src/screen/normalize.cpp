#include "screen/normalize.hpp"

#include "screen/score.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace tw::screen {

namespace {

// Abbreviations and spelling variants, mapped to the form compared.
const std::unordered_map<std::string_view, std::string_view>& canonical_forms() {
  static const std::unordered_map<std::string_view, std::string_view> forms{
      {"natl", "national"},
      {"nat", "national"},
      {"intl", "international"},
      {"internat", "international"},
      {"tech", "technology"},
      {"techn", "technology"},
      {"technol", "technology"},
      {"techs", "technology"},
      {"univ", "university"},
      {"inst", "institute"},
      {"instit", "institute"},
      {"acad", "academy"},
      {"sci", "science"},
      {"scient", "scientific"},
      {"elec", "electronic"},
      {"electr", "electronic"},
      {"info", "information"},
      {"lab", "laboratory"},
      {"labs", "laboratory"},
      {"laboratorie", "laboratory"},
      {"ctr", "center"},
      {"cntr", "center"},
      {"centre", "center"},
      {"grp", "group"},
      {"mfg", "manufacturing"},
      {"manuf", "manufacturing"},
      {"eng", "engineering"},
      {"engg", "engineering"},
      {"dept", "department"},
      {"assn", "association"},
      {"assoc", "association"},
      {"hldg", "holding"},
      {"hldgs", "holding"},
      {"svc", "service"},
      {"svcs", "service"},
      {"sys", "system"},
      {"equip", "equipment"},
      {"mach", "machinery"},
      {"mech", "mechanical"},
      {"ind", "industrial"},
      {"indus", "industrial"},
      {"dev", "development"},
      {"devt", "development"},
      {"res", "research"},
      {"comm", "communication"},
      {"telecom", "telecommunication"},
      {"aviat", "aviation"},
      {"auto", "automation"},
      {"corporation", "corp"},
      {"incorporated", "inc"},
      {"limited", "ltd"},
      {"company", "co"},
      {"cie", "co"},
      {"bros", "brother"},
      {"and", "&"},
      {"et", "&"},
      {"und", "&"},
  };
  return forms;
}

// Legal forms, as sequences of canonical tokens; the longest is tried first.
const std::vector<std::vector<std::string>>& legal_forms() {
  static const std::vector<std::vector<std::string>> forms = [] {
    const std::vector<std::vector<std::string>> latin{
        {"ltd", "liability", "co"},
        {"joint", "stock", "co"},
        {"public", "joint", "stock", "co"},
        {"co"},
        {"corp"},
        {"inc"},
        {"ltd"},
        {"llc"},
        {"llp"},
        {"plc"},
        {"gmbh"},
        {"ag"},
        {"kg"},
        {"sa"},
        {"sas"},
        {"sarl"},
        {"srl"},
        {"spa"},
        {"bv"},
        {"nv"},
        {"pte"},
        {"pty"},
        {"kk"},
        {"jsc"},
        {"ojsc"},
        {"pjsc"},
        {"cjsc"},
        {"ooo"},
        {"oao"},
        {"zao"},
        {"pao"},
        {"ao"},
        {"sdn", "bhd"},
        {"bhd"},
    };
    // Han legal forms, one token per character.
    const std::vector<std::u32string> han{U"股份有限公司", U"有限责任公司", U"有限公司", U"株式会社", U"公司"};
    std::vector<std::vector<std::string>> all = latin;
    for (const auto& form : han) {
      std::vector<std::string> characters;
      for (const char32_t code_point : form) {
        std::array<utf8proc_uint8_t, 4> bytes{};
        const auto size = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), bytes.data());
        characters.emplace_back(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(size));
      }
      all.push_back(std::move(characters));
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return all;
  }();
  return forms;
}

bool is_noise(std::string_view text) {
  static const std::unordered_set<std::string_view> words{"&",   "the", "of",  "for", "in",  "at",  "on", "by",
                                                          "to",  "de",  "la",  "le",  "les", "des", "du", "del",
                                                          "der", "die", "das", "von", "el",  "y",   "no"};
  return words.contains(text);
}

// Words so common in organisation names that they say little about which one is meant.
bool is_generic(std::string_view text) {
  static const std::unordered_set<std::string_view> words{
      "technology",    "group",       "international", "industrial",  "industry",   "holding",    "trading",
      "trade",         "science",     "scientific",    "research",    "institute",  "university", "academy",
      "center",        "electronic",  "engineering",   "development", "equipment",  "system",     "service",
      "manufacturing", "investment",  "import",        "export",      "logistics",  "global",     "national",
      "laboratory",    "information", "enterprise",    "product",     "commercial", "material",   "machinery",
      "communication", "network",     "solution",      "new",         "general",    "china",      "chinese"};
  return words.contains(text);
}

bool is_han(utf8proc_int32_t code_point) {
  return (code_point >= 0x4E00 && code_point <= 0x9FFF) || (code_point >= 0x3400 && code_point <= 0x4DBF) ||
         (code_point >= 0xF900 && code_point <= 0xFAFF) || (code_point >= 0x20000 && code_point <= 0x2FA1F);
}

bool is_word_character(utf8proc_int32_t code_point) {
  const auto category = utf8proc_category(code_point);
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO);
}

bool is_apostrophe(utf8proc_int32_t code_point) { return code_point == '\'' || code_point == 0x2019; }

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_single_latin_letter(std::string_view text) { return text.size() == 1 && text[0] >= 'a' && text[0] <= 'z'; }

// "41st" → "41"; other text unchanged.
std::string without_ordinal_suffix(const std::string& text) {
  if (text.size() >= 3) {
    const std::string_view suffix = std::string_view(text).substr(text.size() - 2);
    const std::string_view number = std::string_view(text).substr(0, text.size() - 2);
    if ((suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") && all_digits(number)) {
      return std::string(number);
    }
  }
  return text;
}

// "technologies" → "technology", "systems" → "system"; short words and -ss, -us, -is kept.
std::string singular(const std::string& text) {
  if (text.size() <= 4 || text.back() != 's') {
    return text;
  }
  if (text.ends_with("ies")) {
    return text.substr(0, text.size() - 3) + "y";
  }
  if (text.ends_with("ss") || text.ends_with("us") || text.ends_with("is")) {
    return text;
  }
  return text.substr(0, text.size() - 1);
}

std::string canonical(const std::string& original) {
  std::string text = without_ordinal_suffix(original);
  if (const auto found = canonical_forms().find(text); found != canonical_forms().end()) {
    return std::string(found->second);
  }
  text = singular(text);
  if (const auto found = canonical_forms().find(text); found != canonical_forms().end()) {
    return std::string(found->second);
  }
  return text;
}

struct RawToken {
  std::string text;
  bool cjk = false;
  bool initials = false; // joined from single letters
};

std::vector<RawToken> split(const std::string& folded) {
  std::vector<RawToken> tokens;
  std::string word;
  const auto finish_word = [&] {
    if (!word.empty()) {
      tokens.push_back({std::move(word), false, false});
      word.clear();
    }
  };
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  std::size_t at = 0;
  while (at < folded.size()) {
    utf8proc_int32_t code_point = 0;
    const auto size = utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(folded.size() - at), &code_point);
    if (size <= 0) {
      break;
    }
    const std::string_view character(folded.data() + at, static_cast<std::size_t>(size));
    at += static_cast<std::size_t>(size);
    if (is_han(code_point)) {
      finish_word();
      tokens.push_back({std::string(character), true, false});
    } else if (is_word_character(code_point)) {
      word += character;
    } else if (is_apostrophe(code_point)) {
      continue;
    } else {
      finish_word();
      if (code_point == '&') {
        tokens.push_back({"&", false, false});
      }
    }
  }
  finish_word();
  return tokens;
}

// Runs of single letters ("s a", "u.s.a.") as one token.
std::vector<RawToken> join_initials(std::vector<RawToken> tokens) {
  std::vector<RawToken> joined;
  for (auto& token : tokens) {
    const bool letter = is_single_latin_letter(token.text);
    if (letter && !joined.empty() && (joined.back().initials || is_single_latin_letter(joined.back().text))) {
      joined.back().text += token.text;
      joined.back().initials = true;
    } else {
      joined.push_back(std::move(token));
    }
  }
  return joined;
}

void mark_legal_forms(std::vector<Token>& tokens) {
  std::size_t at = 0;
  while (at < tokens.size()) {
    std::size_t matched = 0;
    for (const auto& form : legal_forms()) {
      if (form.size() <= tokens.size() - at &&
          std::equal(form.begin(), form.end(), tokens.begin() + static_cast<std::ptrdiff_t>(at),
                     [](const std::string& part, const Token& token) { return part == token.text; })) {
        matched = form.size();
        break;
      }
    }
    for (std::size_t i = 0; i < matched; ++i) {
      tokens[at + i].role = TokenRole::legal_form;
    }
    at += std::max<std::size_t>(matched, 1);
  }
}

} // namespace

std::string fold(std::string_view text) {
  // ASCII is its own NFKC form and has no marks: folding it only lowers its case.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string lowered(text);
    for (char& c : lowered) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
    return lowered;
  }
  utf8proc_uint8_t* folded = nullptr;
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                   static_cast<utf8proc_ssize_t>(text.size()), &folded,
                                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                                  UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
  if (length < 0) {
    return std::string(text);
  }
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(folded, &std::free);
  return std::string(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length));
}

std::vector<Token> tokenize(std::string_view name) {
  std::vector<Token> tokens;
  for (auto& raw : join_initials(split(fold(name)))) {
    Token token;
    token.cjk = raw.cjk;
    token.text = raw.cjk ? raw.text : canonical(raw.text);
    token.original = std::move(raw.text);
    token.number = all_digits(token.text);
    token.generic = is_generic(token.text);
    if (!token.cjk && !token.number && token.text.size() >= 4) {
      token.spelling = transliteration_key(token.text);
    }
    tokens.push_back(std::move(token));
  }
  mark_legal_forms(tokens);
  for (auto& token : tokens) {
    if (token.role == TokenRole::content && is_noise(token.text)) {
      token.role = TokenRole::noise;
    }
  }
  if (std::none_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.role == TokenRole::content; })) {
    for (auto& token : tokens) {
      token.role = TokenRole::content;
    }
  }
  return tokens;
}

namespace {

// The canonical content tokens of `name`, then of each alias, one list a name.
std::vector<std::vector<std::string>> content_tokens(std::string_view name, const std::vector<std::string>& aliases) {
  std::vector<std::vector<std::string>> names;
  const auto add = [&](std::string_view one) {
    auto& texts = names.emplace_back();
    for (auto& token : tokenize(one)) {
      if (token.role == TokenRole::content) {
        texts.push_back(std::move(token.text));
      }
    }
  };
  add(name);
  for (const auto& alias : aliases) {
    add(alias);
  }
  return names;
}

} // namespace

std::string index_text(std::string_view name, const std::vector<std::string>& aliases) {
  std::string text;
  for (const auto& texts : content_tokens(name, aliases)) {
    if (!text.empty()) {
      text += '\n';
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
      text += i == 0 ? "" : " ";
      text += texts[i];
    }
  }
  return text;
}

std::vector<std::string> index_tokens(std::string_view name, const std::vector<std::string>& aliases) {
  std::vector<std::string> tokens;
  for (auto& texts : content_tokens(name, aliases)) {
    tokens.insert(tokens.end(), std::make_move_iterator(texts.begin()), std::make_move_iterator(texts.end()));
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

} // namespace tw::screen
