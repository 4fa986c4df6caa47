#include "cli/commands.hpp"
#include "cli/input_file.hpp"
#include "cli/options.hpp"
#include "io/import.hpp"
#include "io/native.hpp"
#include "io/public_import.hpp"
#include "report/import_report.hpp"

#include <fmt/format.h>

#include <functional>
#include <iostream>
#include <unistd.h>

namespace tw::cli {

namespace {

struct ImportCommandOptions {
  std::vector<std::string> files;
  std::optional<std::string> as;
  bool dry_run = false;
  std::optional<std::string> as_of;
  bool ignore_unknown = false;
  bool snapshot = false;
  int max_shrink = 20;
  bool allow_shrink = false;
};

// How the files of a format are read, and how they meet the store.
struct InputFormat {
  io::ReconcileMode mode;
  std::function<void(std::istream& in, const std::string& file_name, io::Importer& importer)> read;
};

constexpr std::string_view k_format_names = "csv, json, ndjson, csl, hts-json, fr-json";

InputFormat input_format(std::string_view name, const ImportCommandOptions& options) {
  if (const auto format = io::parse_public_format(name)) {
    return InputFormat{io::reconcile_mode(*format), {}}; // read by io::PublicImport, which spans the files
  }
  const io::DataFormat format = parse_choice("--as", std::string(name), io::parse_data_format, k_format_names);
  return InputFormat{options.snapshot ? io::ReconcileMode::snapshot : io::ReconcileMode::history,
                     [format, &options](std::istream& in, const std::string& file_name, io::Importer& importer) {
                       io::read_native(in, file_name, format, importer, options.ignore_unknown);
                     }};
}

// The format of `file` open as `in`: --as, else its extension, else its first character.
std::string format_name(const ImportCommandOptions& options, const std::string& file, std::istream& in) {
  if (options.as) {
    return *options.as;
  }
  if (const auto format = io::format_of_extension(file)) {
    return std::string(io::to_string(*format));
  }
  const int first = in.peek(); // standard input cannot be rewound, so only one character is looked at
  return first == '[' || first == '{' ? "json" : "csv";
}

void read_native_files(const ImportCommandOptions& options, io::Importer& importer) {
  for (const auto& file : options.files) {
    read_input_file(file, [&](std::istream& in, const std::string& name) {
      input_format(format_name(options, file, in), options).read(in, name, importer);
    });
  }
}

// The public formats: a CSL file's sources, checked against the shrink guard once all files
// are read; what was read but not recorded is said on standard error.
void read_public_files(io::PublicFormat format, const ImportCommandOptions& options, io::Importer& importer) {
  io::PublicImport reader(format, importer, io::ShrinkGuard{options.max_shrink, options.allow_shrink});
  for (const auto& file : options.files) {
    read_input_file(file, [&](std::istream& in, const std::string& name) { reader.read(in, name); });
  }
  reader.check([](const std::string& message) { std::cerr << "tradewatch: warning: " << message << '\n'; });
}

} // namespace

void add_import_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "import", "import tariff lines, listings or acts from files; prints what was added, modified and deleted");
  auto options = std::make_shared<ImportCommandOptions>();
  command->add_option("file", options->files, "files to import; - reads standard input")->required();
  command->add_option("--as", options->as,
                      "the files' format: csv, json or ndjson (default: by extension or content); csl (the "
                      "Consolidated Screening List, CSV or JSON), hts-json (the USITC HTS export) or fr-json "
                      "(Federal Register documents)");
  command->add_flag("--dry-run", options->dry_run, "reconcile and print the counts, write nothing");
  command->add_option("--as-of", options->as_of,
                      "with --snapshot, csl and hts-json, the date the files give the state on (default today); a "
                      "change that takes a line out of force on it counts as deleted");
  command->add_flag("--ignore-unknown", options->ignore_unknown, "skip columns tradewatch does not know");
  command
      ->add_option("--max-shrink", options->max_shrink,
                   "csl: refuse a source whose entries fall by more than PCT% against the store (default 20)")
      ->type_name("PCT")
      ->check(CLI::Range(0, 100));
  command->add_flag("--allow-shrink", options->allow_shrink, "csl: import a source however much it shrank");
  command->add_flag("--snapshot", options->snapshot,
                    "the files give the whole state of their lists or measures on --as-of, not their history: "
                    "changes take effect on that date, and what they no longer hold ends on it");
  command->callback([&context, options] {
    io::ImportOptions engine;
    engine.as_of = options->as_of ? parse_option<Date>("--as-of", *options->as_of) : context.today();
    // Without --as the files are native; a bad --as is a usage error before any reading.
    engine.mode = options->as         ? input_format(*options->as, *options).mode
                  : options->snapshot ? io::ReconcileMode::snapshot
                                      : io::ReconcileMode::history;
    engine.dry_run = options->dry_run;
    engine.progress = isatty(STDERR_FILENO) != 0 ? &std::cerr : nullptr;

    auto store = context.open_store(store::Store::Access::read_write);
    io::Importer importer(store, engine);
    if (const auto format = options->as ? io::parse_public_format(*options->as) : std::nullopt) {
      read_public_files(*format, *options, importer);
    } else {
      read_native_files(*options, importer);
    }
    const io::ImportResult result = importer.finish(context.new_changeset());
    if (!context.quiet) {
      context.print(report::import_report(result, options->files, engine));
    }
  });
}

} // namespace tw::cli
