#include "cli/options.hpp"

#include <fmt/format.h>

namespace tw::cli {

void FilterOptions::add_to(CLI::App& command, bool with_kind, bool with_on) {
  if (with_kind) {
    command.add_option("--kind", kind, "tariff, listing, control or other");
  }
  command.add_option("--imposer", imposer, "who imposes it (ISO country code, EU)");
  command.add_option("--origin", origin, "goods from this origin (lines on * included)");
  command.add_option("--hs", hs, "product code: lines on it, under it or covering it");
  command.add_option("--authority", authority, "legal layer: MFN, Section 301, …");
  if (with_on) {
    command.add_option("--on", on, "in force on this date (YYYY-MM-DD)");
  }
  add_as_known_on(command, as_known_on);
}

store::LineFilter FilterOptions::line_filter() const {
  if (kind && *kind != "tariff") {
    if (!parse_measure_kind(*kind)) {
      throw Error(ExitCode::usage, fmt::format("--kind \"{}\": unknown kind", *kind),
                  "kinds are tariff, listing, control and other");
    }
  }
  store::LineFilter filter;
  filter.imposer = parse_option<Jurisdiction>("--imposer", imposer);
  filter.origin = parse_option<Jurisdiction>("--origin", origin);
  filter.hs = parse_option<ProductCode>("--hs", hs);
  filter.authority = authority;
  filter.on = parse_option<Date>("--on", on);
  return filter;
}

std::vector<report::Field> FilterOptions::fields() const {
  std::vector<report::Field> result;
  auto add = [&](const char* key, const char* label, const std::optional<std::string>& value) {
    if (value) {
      result.push_back({key, label, report::Cell::of(*value)});
    }
  };
  add("kind", "kind", kind);
  add("imposer", "imposer", imposer);
  add("origin", "origin", origin);
  add("hs", "product", hs);
  add("authority", "authority", authority);
  add("on", "on", on);
  add("as_known_on", "as known on", as_known_on);
  return result;
}

void add_as_known_on(CLI::App& command, std::optional<std::string>& as_known_on) {
  command.add_option("--as-known-on", as_known_on,
                     "what the store said at that time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC)");
}

store::RecordPoint record_point(const store::Store& store, const std::optional<std::string>& as_known_on) {
  if (!as_known_on) {
    return {};
  }
  const std::string& text = *as_known_on;
  const bool is_date = text.size() == 10 && Date::parse(text).has_value();
  const bool is_time = text.size() == 20 && Date::parse(text.substr(0, 10)).has_value() && text[10] == 'T' &&
                       text[19] == 'Z' && text[13] == ':' && text[16] == ':';
  if (!is_date && !is_time) {
    throw Error(ExitCode::usage, fmt::format("--as-known-on \"{}\": not a date or UTC time", text),
                "write 2024-10-01 (the end of that day) or 2024-10-01T12:00:00Z");
  }
  return store.record_point_at(text);
}

} // namespace tw::cli
