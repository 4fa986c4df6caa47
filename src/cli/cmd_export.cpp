#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "io/native.hpp"

#include <fmt/format.h>

namespace tw::cli {

namespace {
struct ExportOptions {
  std::optional<std::string> kind;
  FilterOptions filters;
  std::optional<std::string> as;
};
// --as, else JSON when the global --format asks for it, else by the -o file's extension, else CSV.
io::DataFormat export_format(const std::optional<std::string>& as, const Context& context) {
  if (as) {
    return parse_choice("--as", *as, io::parse_data_format, "csv, json, ndjson");
  }
  if (context.format == report::Format::json) {
    return io::DataFormat::json;
  }
  return io::format_of_extension(context.output_path).value_or(io::DataFormat::csv);
}
} // namespace

void add_export_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "export", "write tariff lines, listings or acts as a native CSV, JSON or NDJSON file that import reads back");
  auto options = std::make_shared<ExportOptions>();
  command->add_option("--kind", options->kind, "tariff (default; listing with --list or --country), listing or act");
  options->filters.add_to(*command, false, true);
  command->add_option("--as", options->as,
                      "csv, json or ndjson (default: json with --format json, else by the -o file's extension, else "
                      "csv)");
  command->callback([&context, options] {
    const FilterOptions& filters = options->filters;
    const io::NativeKind kind =
        options->kind ? parse_choice("--kind", *options->kind, io::parse_native_kind, "tariff, listing, act")
        : filters.list || filters.country ? io::NativeKind::listing
                                          : io::NativeKind::tariff;
    const io::DataFormat format = export_format(options->as, context);
    const bool listing_filters = filters.list || filters.country || filters.text;
    if ((kind == io::NativeKind::tariff && listing_filters) || (kind == io::NativeKind::listing && filters.hs) ||
        (kind == io::NativeKind::act &&
         (listing_filters || filters.hs || filters.origin || filters.authority || filters.on))) {
      throw Error(ExitCode::usage, fmt::format("a filter given does not apply to the {} kind", io::to_string(kind)),
                  "tariffs: --imposer --origin --hs --authority --on; listings: --imposer --origin --list --country "
                  "--text --authority --on; acts: --imposer");
    }

    const auto store = context.open_store(store::Store::Access::read_only);
    const store::RecordPoint point = record_point(store, filters.as_known_on);
    std::ostream& out = context.out();
    switch (kind) {
    case io::NativeKind::tariff:
      io::export_tariff_lines(store, filters.line_filter(), point, format, out);
      break;
    case io::NativeKind::listing:
      io::export_listings(store, filters.listing_filter(), point, format, out);
      break;
    case io::NativeKind::act:
      io::export_acts(store, parse_option<Jurisdiction>("--imposer", filters.imposer), point, format, out);
      break;
    }
    flush_output(context);
  });
}

} // namespace tw::cli
