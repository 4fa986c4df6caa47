#include "report/render.hpp"

namespace tw::report {

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
  case Format::html:
    render_html(report, out);
    break;
  }
}

} // namespace tw::report
