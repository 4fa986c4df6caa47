#pragma once

#include "core/model.hpp"
#include "report/model.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tw::report {

// A rate: its canonical text; in JSON {"text", "ad_valorem_pct", "specific": [...]}.
Cell rate_cell(const Rate& rate);
Cell optional_rate_cell(const std::optional<Rate>& rate);
Cell date_cell(const std::optional<Date>& date);
Cell text_cell(const std::optional<std::string>& text);

// Finds an act by id, for citations; the report layer does not read the store itself.
using ActLookup = std::function<std::optional<Act>(const std::string& id)>;

// An act's citation; empty when there is no act or it has none.
std::string citation_of(const std::optional<std::string>& act_id, const ActLookup& find_act);
// How an act is cited where no other column names it: its citation, else its id.
std::string act_reference(const std::optional<std::string>& act_id, const ActLookup& find_act);

// A list of texts: joined by "; " for text, an array for JSON.
Cell list_cell(const std::vector<std::string>& items);

// The fields every measure report starts with.
std::vector<Field> measure_fields(const Measure& measure, const ActLookup& find_act);

} // namespace tw::report
