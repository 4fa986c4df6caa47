#pragma once

#include "core/model.hpp"
#include "core/versioning.hpp"
#include "store/store.hpp"
#include "store/versions.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tw::store {

// The columns read_tariff_line expects, in order, of tariff_lines aliased `l`.
extern const char* const k_tariff_line_columns;
// Reads a line version from a row whose first columns are k_tariff_line_columns.
TariffLine read_tariff_line(const Statement& row);

void insert_line(Store& store, const TariffLine& line, ChangesetId changeset);

// Carries out `plan` as changeset `changeset`.
void apply_plan(Store& store, const VersionPlan<TariffLine>& plan, ChangesetId changeset);

// Every version of measure `measure_id`'s lines visible at `point`.
std::vector<TariffLine> lines_of_measure(const Store& store, const std::string& measure_id, RecordPoint point = {});

using MeasureLine = WithMeasure<TariffLine>;

enum class CodeMatch {
  related,  // lines on codes covering the code or under it
  covering, // lines on the code or on shorter codes covering it
};

// Which line versions a query looks at; unset fields do not filter.
struct LineFilter {
  std::optional<Jurisdiction> imposer;
  std::optional<Jurisdiction> origin; // lines on this origin or on *
  std::optional<ProductCode> hs;
  CodeMatch hs_match = CodeMatch::related;
  std::optional<std::string> authority;
  std::optional<std::string> measure_id;
  std::optional<Date> on; // in force on that day
  // Only versions whose validity starts or ends in [from, to] (both inclusive).
  std::optional<std::pair<Date, Date>> changing_between;
};

// The filter as SQL conditions on tariff_lines `l` and measure_versions `mv`.
Conditions line_conditions(const LineFilter& filter);
std::vector<MeasureLine> find_lines(const Store& store, const LineFilter& filter, RecordPoint point = {});

// The line versions in force on `on` that apply to goods `hs` from `origin` imposed by
// `imposer`: lines on `hs` or a shorter code covering it, on `origin` or `*`.
std::vector<MeasureLine> lines_applying(const Store& store, const Jurisdiction& imposer, const Jurisdiction& origin,
                                        const ProductCode& hs, Date on, RecordPoint point = {});

// Adds to `conditions` that column `hs` of `alias` is a code related to `code` (`match`).
void add_code_condition(Conditions& conditions, std::string_view alias, const ProductCode& code, CodeMatch match);
// Adds that the version of `alias` is in force on `on`, or starts or ends in `between`.
void add_validity_conditions(Conditions& conditions, std::string_view alias, const std::optional<Date>& on,
                             const std::optional<std::pair<Date, Date>>& between);

} // namespace tw::store
