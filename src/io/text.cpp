#include "io/text.hpp"

#include <algorithm>

namespace tw::io {

namespace {

constexpr std::string_view k_no_break_space = "\xC2\xA0";

bool starts_with_space(std::string_view text) {
  return !text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                           text.front() == '\n' || text.starts_with(k_no_break_space));
}

bool ends_with_space(std::string_view text) {
  return !text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n' ||
                           text.ends_with(k_no_break_space));
}

} // namespace

std::string_view trimmed(std::string_view text) {
  while (starts_with_space(text)) {
    text.remove_prefix(text.starts_with(k_no_break_space) ? k_no_break_space.size() : 1);
  }
  while (ends_with_space(text)) {
    text.remove_suffix(text.ends_with(k_no_break_space) ? k_no_break_space.size() : 1);
  }
  return text;
}

std::vector<std::string> split_packed(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (true) {
    const auto end = text.find(separator);
    const std::string part(trimmed(text.substr(0, end)));
    if (!part.empty() && std::ranges::find(parts, part) == parts.end()) {
      parts.push_back(part);
    }
    if (end == std::string_view::npos) {
      return parts;
    }
    text.remove_prefix(end + 1);
  }
}

} // namespace tw::io
