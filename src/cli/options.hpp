#pragma once

#include "core/error.hpp"
#include "report/model.hpp"
#include "store/store.hpp"
#include "store/tariff_lines.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::cli {

// Reads the value of command-line option `option` with T::parse (Date, Jurisdiction,
// ProductCode, Rate); a bad value is a usage error (exit 64) that points at it.
template <typename T> T parse_option(std::string_view option, const std::string& value) {
  auto parsed = T::parse(value);
  if (!parsed) {
    throw option_error(option, value, parsed.error());
  }
  return *parsed;
}

template <typename T> std::optional<T> parse_option(std::string_view option, const std::optional<std::string>& value) {
  return value ? std::optional(parse_option<T>(option, *value)) : std::nullopt;
}

// The filters that `list` and the reports share.
struct FilterOptions {
  std::optional<std::string> kind;
  std::optional<std::string> imposer;
  std::optional<std::string> origin;
  std::optional<std::string> hs;
  std::optional<std::string> authority;
  std::optional<std::string> on;
  std::optional<std::string> as_known_on;

  // Adds --imposer --origin --hs --authority (and --kind, --on when asked) to `command`.
  void add_to(CLI::App& command, bool with_kind, bool with_on);
  store::LineFilter line_filter() const;
  // The filters given, as report fields.
  std::vector<report::Field> fields() const;
};

// Adds --as-known-on to `command`.
void add_as_known_on(CLI::App& command, std::optional<std::string>& as_known_on);
// The record point for --as-known-on (an ISO date or UTC time), or the current one.
store::RecordPoint record_point(const store::Store& store, const std::optional<std::string>& as_known_on);

} // namespace tw::cli
