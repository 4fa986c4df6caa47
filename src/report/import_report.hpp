#pragma once

#include "io/import.hpp"
#include "report/model.hpp"

#include <string>
#include <vector>

namespace tw::report {

// What an import of `files` changed: a row of counts per kind of thing (added, modified with
// the fields changed, deleted, unchanged), the changeset it recorded, and a one-line summary.
Report import_report(const io::ImportResult& result, const std::vector<std::string>& files,
                     const io::ImportOptions& options);

} // namespace tw::report
