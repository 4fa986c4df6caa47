#pragma once

#include "core/model.hpp"
#include "core/versioning.hpp"
#include "store/store.hpp"
#include "store/tariff_lines.hpp"
#include "store/versions.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tw::store {

// Lines of control and other measures.
void insert_control_line(Store& store, const ControlLine& line, ChangesetId changeset);
void apply_plan(Store& store, const VersionPlan<ControlLine>& plan, ChangesetId changeset);

// Every version of measure `measure_id`'s lines visible at `point`.
std::vector<ControlLine> control_lines_of_measure(const Store& store, const std::string& measure_id,
                                                  RecordPoint point = {});

using MeasureControl = WithMeasure<ControlLine>;

// Which control and other line versions a query looks at; unset fields do not filter.
struct ControlFilter {
  std::optional<MeasureKind> kind; // control or other; both when unset
  std::optional<Jurisdiction> imposer;
  std::optional<Jurisdiction> partner; // lines on this partner or on *
  std::optional<ProductCode> hs;       // lines on related codes, and on all products
  std::optional<std::string> authority;
  std::optional<std::string> text; // in the description, title or note, any case
  std::optional<Date> on;
  std::optional<std::pair<Date, Date>> changing_between;
};

std::vector<MeasureControl> find_control_lines(const Store& store, const ControlFilter& filter, RecordPoint point = {});

} // namespace tw::store
