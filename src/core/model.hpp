#pragma once

#include "core/date.hpp"
#include "core/jurisdiction.hpp"
#include "core/product_code.hpp"
#include "core/rate.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  std::optional<ChangesetId> undoes; // the changeset an undo reverses
};

// A half-open validity interval [from, to); no `to` means until further notice.
struct Validity {
  Date from;
  std::optional<Date> to;

  bool contains(Date day) const { return from <= day && (!to || day < *to); }
  bool operator==(const Validity&) const = default;
};

// Entities an act declares it adds to or removes from a list, by country, as the act counts
// them (whether or not each entity is recorded). Written `CN=37;RU=3`, sorted by country.
struct EntityCount {
  Jurisdiction country = Jurisdiction::all();
  int count = 0;
  auto operator<=>(const EntityCount&) const = default;
};
using EntityCounts = std::vector<EntityCount>;
// Reads one `CC=N` (from the command line).
std::expected<EntityCount, ParseError> parse_entity_count(std::string_view text);
std::string format_entity_counts(const EntityCounts& counts);
std::expected<EntityCounts, ParseError> parse_entity_counts(std::string_view text);
int total(const EntityCounts& counts);

struct Act {
  std::string id;
  Jurisdiction imposer = Jurisdiction::all();
  std::string title;
  std::optional<std::string> citation;
  std::optional<std::string> document_number;
  std::optional<std::string> url;
  std::optional<Date> announced;
  std::optional<Date> published;
  EntityCounts added;
  EntityCounts removed;

  bool operator==(const Act&) const = default;
};

enum class MeasureKind { tariff, listing, control, other };
std::string_view to_string(MeasureKind kind);
std::optional<MeasureKind> parse_measure_kind(std::string_view text);

// A stacking group a measure belongs to: of the measures of one group that apply to goods,
// only those of the highest priority are charged (as US EO 14289 orders for 232 and IEEPA).
// Written `eo-14289:2`.
struct ExclusiveGroup {
  std::string name;
  int priority = 0;
  auto operator<=>(const ExclusiveGroup&) const = default;
};
std::expected<ExclusiveGroup, ParseError> parse_exclusive_group(std::string_view text);
// Groups as the store holds them: `a:1 b:2`, sorted by name.
std::string format_exclusive_groups(const std::vector<ExclusiveGroup>& groups);
std::vector<ExclusiveGroup> parse_exclusive_groups(std::string_view text);

struct Measure {
  std::string id;
  MeasureKind kind = MeasureKind::tariff;
  Jurisdiction imposer = Jurisdiction::all();
  std::string authority; // the legal layer: MFN, Section 301, …
  std::optional<std::string> act_id;
  std::optional<std::string> title;
  std::optional<Date> announced;
  std::optional<std::string> note;
  std::vector<ExclusiveGroup> exclusive_groups;

  bool operator==(const Measure&) const = default;
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

  const LineKey& version_key() const { return key; }
  bool operator==(const TariffLine&) const = default;
};

enum class EntityType { entity, individual, vessel, aircraft };
std::string_view to_string(EntityType type);
std::optional<EntityType> parse_entity_type(std::string_view text);

// One version of a restricted-party listing: a measure of kind listing holds one entry,
// whose versions record its addition, modifications, delisting (`valid.to`) and re-listing.
struct Listing {
  std::int64_t row_id = 0; // 0 until stored
  std::string measure_id;
  std::string list; // Entity List, SDN, …
  std::string name;
  std::vector<std::string> aliases;
  EntityType type = EntityType::entity;
  std::optional<Jurisdiction> country;
  std::vector<std::string> addresses;
  std::optional<std::string> license_requirement;
  std::optional<std::string> license_policy;
  std::optional<std::string> source_key; // the source's own key, for imported lists
  std::optional<std::string> act_id;     // the act that listed it (or changed the entry)
  std::optional<std::string> end_act_id; // the act that delisted it
  std::optional<std::string> note;
  Validity valid;
  ChangesetId recorded_in = 0;
  std::optional<ChangesetId> superseded_in;

  // A listing measure has one entry, so all its versions are versions of one line.
  int version_key() const { return 0; }
  bool operator==(const Listing&) const = default;
};

enum class Direction { exports, imports };
std::string_view to_string(Direction direction);
std::optional<Direction> parse_direction(std::string_view text);

enum class Requirement { licence, ban, quota };
std::string_view to_string(Requirement requirement);
std::optional<Requirement> parse_requirement(std::string_view text);

struct ControlKey {
  Jurisdiction partner = Jurisdiction::all();
  ProductCode hs;
  auto operator<=>(const ControlKey&) const = default;
};

// One version of a line of a control measure (a licence requirement, ban or quota on trade
// in products with a partner) or of an `other` measure (free text, no requirement).
struct ControlLine {
  std::int64_t row_id = 0; // 0 until stored
  std::string measure_id;
  ControlKey key;
  std::optional<Direction> direction;
  std::optional<Requirement> requirement; // none for `other` measures
  std::optional<std::string> quota;
  std::optional<std::string> description;
  std::optional<std::string> act_id;
  std::optional<std::string> end_act_id;
  std::optional<std::string> note;
  Validity valid;
  ChangesetId recorded_in = 0;
  std::optional<ChangesetId> superseded_in;

  const ControlKey& version_key() const { return key; }
  bool operator==(const ControlLine&) const = default;
};

} // namespace tw
