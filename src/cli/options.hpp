#pragma once

#include "core/error.hpp"
#include "core/versioning.hpp"
#include "query/measure_filter.hpp"
#include "report/model.hpp"
#include "store/control_lines.hpp"
#include "store/listings.hpp"
#include "store/store.hpp"
#include "store/tariff_lines.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tw::cli {

// Reads the value of command-line option `option` with `parse`, which returns a
// std::expected<T, ParseError>; a bad value is a usage error (exit 64) that points at it.
template <typename Parse> auto parse_option_with(std::string_view option, const std::string& value, Parse parse) {
  auto parsed = parse(value);
  if (!parsed) {
    throw option_error(option, value, parsed.error());
  }
  return *parsed;
}

// Reads the value of command-line option `option` with T::parse (Date, Jurisdiction,
// ProductCode, Rate); a bad value is a usage error (exit 64) that points at it.
template <typename T> T parse_option(std::string_view option, const std::string& value) {
  return parse_option_with(option, value, [](std::string_view text) { return T::parse(text); });
}

template <typename T> std::optional<T> parse_option(std::string_view option, const std::optional<std::string>& value) {
  return value ? std::optional(parse_option<T>(option, *value)) : std::nullopt;
}

// The filters that `list`, `history` and the reports share.
struct FilterOptions {
  std::optional<std::string> kind;
  std::optional<std::string> imposer;
  std::optional<std::string> origin;
  std::optional<std::string> hs;
  std::optional<std::string> authority;
  std::optional<std::string> list;
  std::optional<std::string> country;
  std::optional<std::string> text;
  std::optional<std::string> on;
  std::optional<std::string> as_known_on;

  // Adds --imposer --origin --hs --authority --list --country --text (and --kind, --on when
  // asked) to `command`.
  void add_to(CLI::App& command, bool with_kind, bool with_on);
  // The filters, parsed; a bad value is a usage error.
  query::MeasureFilter measure_filter() const;
  // Whether measures of `kind` are asked for (see query::MeasureFilter::wants).
  bool wants(MeasureKind kind) const;
  store::LineFilter line_filter() const;
  store::ListingFilter listing_filter() const;
  store::ControlFilter control_filter() const;
  // The filters given, as report fields.
  std::vector<report::Field> fields() const;
};

// The options that set the terms of a line version, for `amend` and `correct`.
struct LineFieldOptions {
  std::optional<std::string> act;
  std::optional<std::string> note;
  std::optional<std::string> rate;
  std::optional<std::string> heading;
  std::optional<std::string> name;
  std::vector<std::string> aliases;
  std::optional<std::string> type;
  std::optional<std::string> country;
  std::vector<std::string> addresses;
  std::optional<std::string> license_requirement;
  std::optional<std::string> license_policy;
  std::optional<std::string> source_key;
  std::optional<std::string> direction;
  std::optional<std::string> requirement;
  std::optional<std::string> quota;
  std::optional<std::string> text;

  void add_to(CLI::App& command);
  // The update the options ask for; a bad value is a usage error.
  LineUpdate update() const;
};

// Reads an enumerated option value with `parse`; an unknown one is a usage error listing `known`.
template <typename Parse>
auto parse_choice(std::string_view option, const std::string& value, Parse parse, std::string_view known) {
  auto parsed = parse(value);
  if (!parsed) {
    throw Error(ExitCode::usage, fmt::format("{} \"{}\": unknown value", option, value),
                fmt::format("{} is one of {}", option, known));
  }
  return *parsed;
}

// A country (not * or EU) given as option `option`: where a listed entity is.
Jurisdiction parse_country(std::string_view option, const std::string& value);
std::optional<Jurisdiction> parse_country(std::string_view option, const std::optional<std::string>& value);

// Reads a whole number of 1 or more (a changeset, a limit); anything else is a usage error
// (exit 64) with `hint`.
std::int64_t parse_positive(std::string_view option, const std::string& value, std::string_view hint);

// The validity given by --from and --to; fails (exit 64) unless `to` is after `from`.
Validity parse_validity(const std::string& from, const std::optional<std::string>& to);

// Adds --as-known-on to `command`.
void add_as_known_on(CLI::App& command, std::optional<std::string>& as_known_on);
// The record point for --as-known-on (an ISO date or UTC time), or the current one.
store::RecordPoint record_point(const store::Store& store, const std::optional<std::string>& as_known_on);

} // namespace tw::cli
