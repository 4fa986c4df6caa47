#include "cli/commands.hpp"
#include "cli/input_file.hpp"
#include "cli/options.hpp"
#include "io/csv.hpp"
#include "query/screening.hpp"
#include "report/screening_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <iostream>
#include <unistd.h>

namespace tw::cli {

namespace {

struct ScreenOptions {
  std::vector<std::string> names;
  std::optional<std::string> batch;
  std::optional<std::string> column;
  std::optional<std::string> list;
  std::optional<std::string> country;
  std::optional<std::string> type;
  std::optional<std::string> on;
  std::optional<std::string> as_known_on;
  bool include_delisted = false;
  std::string threshold = std::to_string(query::k_default_threshold);
  std::string limit = "10";
  bool fail_on_match = false;
};

constexpr std::size_t k_progress_every = 1000;

int parse_threshold(const std::string& value) {
  int number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || number < 0 || number > 100) {
    throw Error(
        ExitCode::usage, fmt::format("--threshold \"{}\": not a whole number from 0 to 100", value),
        fmt::format("a score is 0 to 100; the default, {}, is explained in README.md", query::k_default_threshold));
  }
  return number;
}

// The names of the batch file: the column `column` of a CSV file with a header, else each
// line; empty names are skipped.
std::vector<std::string> read_batch(const std::string& file, const std::optional<std::string>& column) {
  std::vector<std::string> names;
  read_input_file(file, [&](std::istream& in, const std::string& name) {
    if (column) {
      io::CsvTable table(in, name);
      const auto index = table.column(*column);
      if (!index) {
        std::string columns;
        for (const auto& header : table.header()) {
          columns += (columns.empty() ? "" : ", ") + header;
        }
        throw Error(ExitCode::usage, fmt::format("--column \"{}\": {} has no such column", *column, name),
                    fmt::format("its columns are: {}", columns));
      }
      io::CsvRecord record;
      while (table.next(record)) {
        if (!record.fields[*index].empty()) {
          names.push_back(record.fields[*index]);
        }
      }
      return;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      if (!line.empty()) {
        names.push_back(line);
      }
    }
  });
  return names;
}

} // namespace

void add_screen_command(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "screen", "screen names against the restricted-party listings: ranked matches, each score explained");
  auto options = std::make_shared<ScreenOptions>();
  command->add_option("name", options->names, "names to screen");
  command->add_option("--batch", options->batch, "screen the names in FILE (- for standard input), one per line")
      ->type_name("FILE");
  command->add_option("--column", options->column, "with --batch: FILE is CSV with a header; screen this column")
      ->type_name("NAME");
  command->add_option("--list", options->list, "only listings on this list (Entity List, SDN, …)");
  command->add_option("--country", options->country, "only listings of entities in this country (ISO code)");
  command->add_option("--type", options->type, "only listings of this type: entity, individual, vessel, aircraft");
  command->add_option("--on", options->on, "listed on this date (YYYY-MM-DD; default today)");
  command->add_flag("--include-delisted", options->include_delisted,
                    "also match entities listed before --on and delisted since");
  command->add_option("--threshold", options->threshold,
                      fmt::format("the least score reported, 0 to 100 (default {})", query::k_default_threshold));
  command->add_option("--limit", options->limit, "at most this many matches per name (default 10)");
  command->add_flag("--fail-on-match", options->fail_on_match, "exit 1 when any name has a match");
  add_as_known_on(*command, options->as_known_on);
  command->callback([&context, options] {
    if (options->names.empty() == !options->batch) {
      throw Error(ExitCode::usage,
                  options->batch ? "screen takes names or --batch FILE, not both"
                                 : "screen needs names to screen, or --batch FILE",
                  "tradewatch screen \"Name Co., Ltd.\" …, or tradewatch screen --batch names.csv --column name");
    }
    if (options->column && !options->batch) {
      throw Error(ExitCode::usage, "--column is for --batch", "name the batch file with --batch FILE");
    }
    query::ScreeningOptions screening;
    screening.threshold = parse_threshold(options->threshold);
    screening.limit = static_cast<std::size_t>(
        parse_positive("--limit", options->limit, "the most matches to show for each name, such as 10"));
    screening.filter.list = options->list;
    screening.filter.country = parse_country("--country", options->country);
    if (options->type) {
      screening.filter.type =
          parse_choice("--type", *options->type, parse_entity_type, "entity, individual, vessel, aircraft");
    }
    screening.filter.on = options->on ? parse_option<Date>("--on", *options->on) : context.today();
    screening.filter.include_delisted = options->include_delisted;

    const std::vector<std::string> names =
        options->batch ? read_batch(*options->batch, options->column) : options->names;
    auto store = context.open_store(store::Store::Access::read_only);
    // One read transaction: every name sees the same store (screen_all's other connections
    // too), and SQLite takes its lock once.
    store::Transaction snapshot(store.db(), store::Transaction::Kind::deferred);
    const bool show_progress = options->batch && isatty(STDERR_FILENO) != 0;
    const auto progress = [](std::size_t screened) {
      if (screened % k_progress_every == 0) {
        std::cerr << "\rscreened names: " << screened << std::flush;
      }
    };
    auto matches = query::screen_all(store, names, screening, record_point(store, options->as_known_on),
                                     query::default_screening_workers(),
                                     show_progress ? std::function<void(std::size_t)>(progress) : nullptr);
    if (show_progress) {
      std::cerr << "\rscreened names: " << names.size() << '\n';
    }
    std::vector<report::ScreenedName> screened;
    for (std::size_t i = 0; i < names.size(); ++i) {
      screened.push_back({names[i], std::move(matches[i])});
    }

    std::vector<report::Field> fields{
        {"on", "on", report::Cell::of(screening.filter.on.to_string())},
        {"threshold", "threshold", report::Cell::number(screening.threshold)},
        {"list", "list", report::Cell::of(options->list.value_or(""))},
        {"country", "country", report::Cell::of(options->country.value_or(""))},
        {"type", "type", report::Cell::of(options->type.value_or(""))},
        {"include_delisted", "include delisted",
         report::Cell::with_json(options->include_delisted ? "yes" : "", options->include_delisted)}};
    context.print(report::screening_report(screened, std::move(fields)));
    if (options->fail_on_match &&
        std::any_of(screened.begin(), screened.end(), [](const auto& name) { return !name.matches.empty(); })) {
      context.status = ExitCode::findings;
    }
  });
}

} // namespace tw::cli
