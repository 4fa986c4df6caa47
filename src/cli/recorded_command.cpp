#include "cli/recorded_command.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace tw::cli {

namespace {

// The global options of tradewatch_main that take a value as the next word.
constexpr std::array<std::string_view, 7> k_options_with_value = {"--db",    "--format", "-o",      "--output",
                                                                  "--color", "--author", "--reason"};

// Splits a command line quoted the way tradewatch_main records it: words separated by
// spaces, single quotes around words that need them, `'\''` for a quote inside them.
std::vector<std::string> shell_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '\'') {
        quoted = false;
      } else {
        word += c;
      }
    } else if (c == ' ') {
      if (in_word) {
        words.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
    } else {
      in_word = true;
      if (c == '\'') {
        quoted = true;
      } else if (c == '\\' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        word += c;
      }
    }
  }
  if (in_word) {
    words.push_back(std::move(word));
  }
  return words;
}

} // namespace

std::string recorded_command_word(std::string_view recorded) {
  const std::vector<std::string> words = shell_words(recorded);
  if (words.empty() || words.front() != "tradewatch") {
    return {};
  }
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (std::ranges::find(k_options_with_value, word) != k_options_with_value.end()) {
      ++i;
    } else if (!word.starts_with('-')) {
      return word;
    }
  }
  return {};
}

} // namespace tw::cli
