#pragma once

#include "report/model.hpp"

#include <cstddef>
#include <ostream>

namespace tw::report {

enum class Format { text, md, csv, json, html };

struct RenderOptions {
  std::size_t width = 0; // terminal columns for text; 0: no limit
  bool color = false;    // ANSI bold for titles and headers in text
};

// Writes `report` to `out` in `format`.
void render(const Report& report, Format format, const RenderOptions& options, std::ostream& out);

void render_text(const Report& report, const RenderOptions& options, std::ostream& out);
void render_markdown(const Report& report, std::ostream& out);
void render_csv(const Report& report, std::ostream& out);
void render_json(const Report& report, std::ostream& out);
// One self-contained page: the tables, and the charts drawn as inline SVG.
void render_html(const Report& report, std::ostream& out);

} // namespace tw::report
