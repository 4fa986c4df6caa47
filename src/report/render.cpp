#include "report/render.hpp"

namespace tw::report {

std::optional<Format> parse_format(std::string_view text) {
  if (text == "text") {
    return Format::text;
  }
  if (text == "md") {
    return Format::md;
  }
  if (text == "csv") {
    return Format::csv;
  }
  if (text == "json") {
    return Format::json;
  }
  return std::nullopt;
}

void render(const Report& report, Format format, const RenderOptions& options, std::ostream& out) {
  switch (format) {
  case Format::text:
    render_text(report, options, out);
    break;
  case Format::md:
    render_markdown(report, out);
    break;
  case Format::csv:
    render_csv(report, out);
    break;
  case Format::json:
    render_json(report, out);
    break;
  }
}

} // namespace tw::report
