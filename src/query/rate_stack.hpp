#pragma once

#include "store/tariff_lines.hpp"

#include <string>
#include <vector>

namespace tw::query {

// One line that could apply to the goods, and whether it does.
struct Layer {
  store::MeasureLine source;
  bool applied = false;
  std::string set_aside_because; // empty when applied
};

// The duty on goods: the applied layers (MFN first, then by authority) and the lines that
// were considered and set aside, with the total of the applied layers.
struct StackedRate {
  std::vector<Layer> layers;
  Rate total = Rate::free();
};

// Stacks the lines in force that cover the goods (`candidates`): within one authority the
// most specific line applies (longest product code, then origin-specific over `*`, then the
// named `company`'s line over the all-others line; a tie goes to the line in force since
// the latest date); across authorities the duties add up. Lines for another exporter than
// `company` are set aside. Then exclusive groups apply: a layer whose measure shares a group
// with an applying layer of higher priority in it is set aside (EO 14289, EO 14257).
StackedRate stack_rate(std::vector<store::MeasureLine> candidates, const std::string& company);

} // namespace tw::query
