#pragma once

#include "core/date.hpp"
#include "core/jurisdiction.hpp"
#include "core/product_code.hpp"
#include "core/rate.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tw {

// Changesets are numbered in the order they were recorded; a version of a row is visible
// at record point `p` when it was recorded at or before `p` and not superseded by then.
using ChangesetId = std::int64_t;

struct Changeset {
  ChangesetId id = 0;
  std::string recorded_at; // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string author;
  std::string reason;
  std::string command;
};

// A half-open validity interval [from, to); no `to` means until further notice.
struct Validity {
  Date from;
  std::optional<Date> to;

  bool contains(Date day) const { return from <= day && (!to || day < *to); }
  bool operator==(const Validity&) const = default;
};

struct Act {
  std::string id;
  Jurisdiction imposer = Jurisdiction::all();
  std::string title;
  std::optional<std::string> citation;
  std::optional<std::string> document_number;
  std::optional<std::string> url;
  std::optional<Date> announced;
  std::optional<Date> published;
};

enum class MeasureKind { tariff, listing, control, other };
std::string_view to_string(MeasureKind kind);
std::optional<MeasureKind> parse_measure_kind(std::string_view text);

struct Measure {
  std::string id;
  MeasureKind kind = MeasureKind::tariff;
  Jurisdiction imposer = Jurisdiction::all();
  std::string authority; // the legal layer: MFN, Section 301, …
  std::optional<std::string> act_id;
  std::optional<std::string> title;
  std::optional<Date> announced;
  std::optional<std::string> note;
};

// The identity of a tariff line within its measure; its versions differ in valid time.
struct LineKey {
  Jurisdiction origin = Jurisdiction::all();
  ProductCode hs;
  std::string company; // empty: all other exporters

  auto operator<=>(const LineKey&) const = default;
};

// One version of a tariff line: its rate over `valid`, as recorded by changeset
// `recorded_in` (and superseded by `superseded_in`, if it was).
struct TariffLine {
  std::int64_t row_id = 0; // 0 until stored
  std::string measure_id;
  LineKey key;
  Rate rate = Rate::free();
  std::optional<std::string> heading;    // the tariff heading it is charged under (9903.91.03)
  std::optional<std::string> act_id;     // the act behind this version
  std::optional<std::string> end_act_id; // the act that ended it, when `end` set `valid.to`
  std::optional<std::string> note;
  Validity valid;
  ChangesetId recorded_in = 0;
  std::optional<ChangesetId> superseded_in;
};

} // namespace tw
