#include "report/text_width.hpp"

#include <utf8proc.h>

namespace tw::report {

namespace {

// Calls `visit(bytes, width)` for each character of `text`.
template <typename Visit> void for_each_char(std::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t codepoint = 0;
    const auto length = utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &codepoint);
    if (length <= 0) {
      if (!visit(text.substr(at, 1), std::size_t{1})) {
        return;
      }
      ++at;
      continue;
    }
    const auto size = static_cast<std::size_t>(length);
    if (!visit(text.substr(at, size), static_cast<std::size_t>(utf8proc_charwidth(codepoint)))) {
      return;
    }
    at += size;
  }
}

} // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for_each_char(text, [&](std::string_view, std::size_t columns) {
    width += columns;
    return true;
  });
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) {
    return std::string(text);
  }
  std::string result;
  std::size_t used = 0;
  for_each_char(text, [&](std::string_view bytes, std::size_t columns) {
    if (used + columns + 1 > width) { // keep one column for the ellipsis
      return false;
    }
    result += bytes;
    used += columns;
    return true;
  });
  return width == 0 ? std::string() : result + "\xE2\x80\xA6";
}

} // namespace tw::report
