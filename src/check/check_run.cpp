#include "check/check_run.hpp"

#include "check/lint.hpp"
#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/source.hpp"
#include "query/rate_stack.hpp"
#include "store/listings.hpp"
#include "store/read_only_sql.hpp"
#include "store/tariff_lines.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace tw::check {

namespace {

constexpr std::size_t k_diff_lines = 8;

store::RecordPoint point_of(const store::Store& store, const Check& check) {
  return check.as_known_on ? store.record_point_at(*check.as_known_on) : store::RecordPoint{};
}

std::string toml_string(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    switch (c) {
    case '"':
      quoted += "\\\"";
      break;
    case '\\':
      quoted += "\\\\";
      break;
    case '\n':
      quoted += "\\n";
      break;
    case '\t':
      quoted += "\\t";
      break;
    case '\r':
      quoted += "\\r";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        quoted += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
      } else {
        quoted += c;
      }
    }
  }
  return quoted + "\"";
}

// A result value as TOML: numbers as numbers, text as a string, NULL as an empty string
// (which is how it compares).
std::string toml_value(const store::SqlValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    return fmt::format("{}", *integer);
  }
  if (const auto* real = std::get_if<double>(&value)) {
    std::string text = fmt::format("{}", *real);
    const bool looks_whole = text.find_first_of(".eEn") == std::string::npos; // nan, inf
    return looks_whole ? text + ".0" : text;
  }
  return toml_string(store::sql_value_text(value));
}

std::string shown_row(const std::vector<std::string>& row) {
  std::vector<std::string> quoted;
  for (const auto& cell : row) {
    quoted.push_back(toml_string(cell));
  }
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

std::vector<std::vector<std::string>> text_rows(const store::SqlResult& result) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : result.rows) {
    std::vector<std::string> cells;
    for (const auto& value : row) {
      cells.push_back(store::sql_value_text(value));
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::string counted_rows(std::size_t count) { return fmt::format("{} row{}", count, count == 1 ? "" : "s"); }

// Where the expected and actual rows first differ, as "expected … got …" texts.
std::pair<std::string, std::string> rows_difference(const std::vector<std::vector<std::string>>& expected,
                                                    const std::vector<std::vector<std::string>>& got) {
  for (std::size_t i = 0; i < std::min(expected.size(), got.size()); ++i) {
    if (expected[i] != got[i]) {
      return {fmt::format("row {} {}", i + 1, shown_row(expected[i])), shown_row(got[i])};
    }
  }
  if (expected.size() < got.size()) {
    return {counted_rows(expected.size()),
            fmt::format("{}, the next {}", counted_rows(got.size()), shown_row(got[expected.size()]))};
  }
  return {counted_rows(expected.size()), counted_rows(got.size())};
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The lines between the common start and end of the two texts, a few of each side.
std::vector<std::string> short_diff(std::string_view expected, std::string_view got) {
  const auto before = split_lines(expected);
  const auto after = split_lines(got);
  std::size_t head = 0;
  while (head < before.size() && head < after.size() && before[head] == after[head]) {
    ++head;
  }
  std::size_t tail = 0;
  while (tail < before.size() - head && tail < after.size() - head &&
         before[before.size() - 1 - tail] == after[after.size() - 1 - tail]) {
    ++tail;
  }
  std::vector<std::string> diff{fmt::format("@@ line {} @@", head + 1)};
  const auto side = [&](const std::vector<std::string>& lines, char sign) {
    const std::size_t end = lines.size() - tail;
    for (std::size_t i = head; i < end && i < head + k_diff_lines; ++i) {
      diff.push_back(fmt::format("{}{}", sign, lines[i]));
    }
    if (end > head + k_diff_lines) {
      diff.push_back(fmt::format("{}… {} more lines", sign, end - head - k_diff_lines));
    }
  };
  side(before, '-');
  side(after, '+');
  if (expected.ends_with('\n') != got.ends_with('\n')) {
    diff.emplace_back(got.ends_with('\n') ? "(the expected output has no newline at its end)"
                                          : "(the output has no newline at its end)");
  }
  return diff;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void run_rate(const store::Store& store, const Check& check, const RateCheck& rate, Outcome& outcome) {
  auto candidates = store::lines_applying(store, rate.imposer, rate.origin, rate.hs, rate.on, point_of(store, check));
  const query::StackedRate stacked = query::stack_rate(std::move(candidates), rate.company);
  outcome.expected = rate.expect.to_string();
  if (!rate.authority) {
    outcome.passed = stacked.total == rate.expect;
    outcome.got = stacked.total.to_string();
    outcome.recorded = toml_string(outcome.got);
    return;
  }
  const auto same_authority = [&](const query::Layer& layer) {
    const std::string& authority = layer.source.measure.authority;
    return layer.applied && std::ranges::equal(authority, *rate.authority, [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  const auto layer = std::ranges::find_if(stacked.layers, same_authority);
  if (layer == stacked.layers.end()) {
    outcome.got = fmt::format("no {} layer", *rate.authority);
    return;
  }
  outcome.passed = layer->source.line.rate == rate.expect;
  outcome.got = layer->source.line.rate.to_string();
  outcome.recorded = toml_string(outcome.got);
}

void run_listed(const store::Store& store, const Check& check, const ListedCheck& listed, Outcome& outcome) {
  store::ListingFilter filter;
  filter.imposer = listed.imposer;
  filter.list = listed.list;
  filter.name = listed.entity;
  filter.on = listed.on;
  const bool found = !store::find_listings(store, filter, point_of(store, check)).empty();
  const auto said = [](bool on_list) { return on_list ? "listed" : "not listed"; };
  outcome.passed = found == listed.expect;
  outcome.expected = said(listed.expect);
  outcome.got = said(found);
  outcome.recorded = found ? "true" : "false";
}

void run_count(const store::Store& store, const Check& check, const CountCheck& count, Outcome& outcome) {
  const auto found = static_cast<std::int64_t>(query::count_measures(store, count.filter, point_of(store, check)));
  outcome.passed = found == count.expect;
  outcome.expected = fmt::format("{}", count.expect);
  outcome.got = fmt::format("{}", found);
  outcome.recorded = outcome.got;
}

void run_query(const store::Store& store, const QueryCheck& query, Outcome& outcome) {
  const store::SqlResult result = store::run_read_only_sql(store, query.sql);
  const auto rows = text_rows(result);
  switch (query.kind) {
  case QueryCheck::Expect::scalar:
    outcome.expected = toml_string(query.scalar);
    if (result.rows.size() != 1 || result.columns.size() != 1) {
      outcome.got = fmt::format("{} of {} column{}", counted_rows(result.rows.size()), result.columns.size(),
                                result.columns.size() == 1 ? "" : "s");
      return;
    }
    outcome.got = toml_string(rows[0][0]);
    outcome.passed = rows[0][0] == query.scalar;
    outcome.recorded = toml_value(result.rows[0][0]);
    return;
  case QueryCheck::Expect::row_count:
    outcome.expected = counted_rows(static_cast<std::size_t>(query.row_count));
    outcome.got = counted_rows(rows.size());
    outcome.passed = static_cast<std::int64_t>(rows.size()) == query.row_count;
    outcome.recorded = fmt::format("{}", rows.size());
    return;
  case QueryCheck::Expect::rows: {
    outcome.passed = rows == query.rows;
    std::tie(outcome.expected, outcome.got) = rows_difference(query.rows, rows);
    std::string recorded = "[\n";
    for (const auto& row : result.rows) {
      std::vector<std::string> cells;
      for (const auto& value : row) {
        cells.push_back(toml_value(value));
      }
      recorded += fmt::format("  [{}],\n", fmt::join(cells, ", "));
    }
    outcome.recorded = recorded + "]";
    return;
  }
  case QueryCheck::Expect::csv_file: {
    std::ostringstream csv;
    io::write_csv_record(csv, result.columns);
    for (const auto& row : rows) {
      io::write_csv_record(csv, row);
    }
    outcome.recorded = csv.str();
    if (!query.csv_file_exists) {
      outcome.expected = fmt::format("the rows in {}", query.csv_file.string());
      outcome.got = "no such file";
      return;
    }
    if (query.header != result.columns) {
      outcome.expected = fmt::format("columns {}", shown_row(query.header));
      outcome.got = shown_row(result.columns);
      return;
    }
    outcome.passed = rows == query.rows;
    std::tie(outcome.expected, outcome.got) = rows_difference(query.rows, rows);
    return;
  }
  }
}

void run_golden(const CheckFile& file, const GoldenCheck& golden, const CommandRunner& run_command, Outcome& outcome) {
  const CommandOutput output = run_command(golden.args);
  const auto expected = read_file(file.directory / golden.output);
  if (output.status != golden.status) {
    const auto error_lines = split_lines(output.err);
    outcome.expected = fmt::format("exit status {}", golden.status);
    outcome.got = fmt::format("{}{}", output.status, error_lines.empty() ? "" : ": " + error_lines.front());
    return;
  }
  outcome.recorded = output.out;
  outcome.expected = fmt::format("the output in {}", golden.output.string());
  if (!expected) {
    outcome.got = "no such file";
    return;
  }
  outcome.passed = output.out == *expected;
  if (!outcome.passed) {
    outcome.got = "another output";
    outcome.diff = short_diff(*expected, output.out);
  }
}

void run_lint(const store::Store& store, const Check& check, const LintCheck& lint_check, Outcome& outcome) {
  std::vector<const LintRule*> rules;
  for (const auto& rule : lint_rules()) {
    if (lint_check.rules.empty() || std::ranges::find(lint_check.rules, rule.name) != lint_check.rules.end()) {
      rules.push_back(&rule);
    }
  }
  const std::vector<Finding> findings = lint(read_lint_input(store, point_of(store, check)), rules);
  outcome.passed = findings.empty();
  outcome.expected = "no findings";
  outcome.got = findings.empty() ? "none"
                                 : fmt::format("{} finding{}, the first {}: {}: {}", findings.size(),
                                               findings.size() == 1 ? "" : "s", findings.front().id,
                                               findings.front().rule, findings.front().message);
}

std::string xml_escaped(std::string_view text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
    case '&':
      escaped += "&amp;";
      break;
    case '<':
      escaped += "&lt;";
      break;
    case '>':
      escaped += "&gt;";
      break;
    case '"':
      escaped += "&quot;";
      break;
    default:
      // XML 1.0 allows no control characters but tab and line ends.
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
        escaped += '?';
      } else {
        escaped += c;
      }
    }
  }
  return escaped;
}

// The byte offset of 1-based `line` and byte `column` in `text`.
std::size_t offset_of(std::string_view text, std::size_t line, std::size_t column) {
  std::size_t offset = 0;
  for (std::size_t current = 1; current < line; ++current) {
    offset = text.find('\n', offset) + 1;
  }
  return offset + column - 1;
}

void write_file(const std::filesystem::path& path, std::string_view content) {
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path());
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.flush();
  if (!out) {
    throw Error(ExitCode::cant_create, fmt::format("cannot write {}", path.string()));
  }
}

} // namespace

void refuse_unsafe_queries(const store::Store& store, std::span<const CheckFile> files) {
  for (const auto& file : files) {
    for (const auto& check : file.checks) {
      const auto* query = std::get_if<QueryCheck>(&check.what);
      if (query == nullptr) {
        continue;
      }
      if (auto allowed = store::refuse_unless_read_only(store, query->sql); !allowed) {
        throw io::data_error({file.path, check.sql_at.begin_line, check.sql_at.begin_column},
                             fmt::format("{}: {}", check.name, allowed.error()),
                             "a [[query]] check runs one SELECT over the documented views (v_tariff_lines, "
                             "v_listings, …)");
      }
    }
  }
}

std::vector<Outcome> run_checks(const store::Store& store, std::span<const CheckFile> files,
                                const CommandRunner& run_command) {
  std::vector<Outcome> outcomes;
  for (const auto& file : files) {
    for (const auto& check : file.checks) {
      Outcome outcome;
      outcome.file = &file;
      outcome.check = &check;
      try {
        std::visit(
            [&](const auto& what) {
              using What = std::decay_t<decltype(what)>;
              if constexpr (std::is_same_v<What, RateCheck>) {
                run_rate(store, check, what, outcome);
              } else if constexpr (std::is_same_v<What, ListedCheck>) {
                run_listed(store, check, what, outcome);
              } else if constexpr (std::is_same_v<What, CountCheck>) {
                run_count(store, check, what, outcome);
              } else if constexpr (std::is_same_v<What, QueryCheck>) {
                run_query(store, what, outcome);
              } else if constexpr (std::is_same_v<What, GoldenCheck>) {
                run_golden(file, what, run_command, outcome);
              } else {
                run_lint(store, check, what, outcome);
              }
            },
            check.what);
      } catch (const Error& error) {
        // A check that cannot run fails on its own; the others still run.
        outcome.passed = false;
        outcome.diff.clear();
        outcome.recorded.reset();
        outcome.expected = "an answer";
        outcome.got = fmt::format("error: {}", error.what());
      }
      outcomes.push_back(std::move(outcome));
    }
  }
  return outcomes;
}

std::string failure_text(const Outcome& outcome) {
  std::string text = fmt::format("{}:{}: {}: expected {} got {}", outcome.file->path, outcome.check->line,
                                 outcome.check->name, outcome.expected, outcome.got);
  for (const auto& line : outcome.diff) {
    text += fmt::format("\n  {}", line);
  }
  return text;
}

void print_failures(std::ostream& out, std::span<const Outcome> outcomes) {
  for (const auto& outcome : outcomes) {
    if (!outcome.passed) {
      out << failure_text(outcome) << '\n';
    }
  }
}

void write_junit(std::ostream& out, std::span<const Outcome> outcomes) {
  const auto failed = [](const Outcome& outcome) { return !outcome.passed; };
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"tradewatch check\" tests=\"{}\" failures=\"{}\">\n", outcomes.size(),
                     std::ranges::count_if(outcomes, failed));
  for (auto begin = outcomes.begin(); begin != outcomes.end();) {
    const auto end =
        std::find_if(begin, outcomes.end(), [&](const Outcome& outcome) { return outcome.file != begin->file; });
    const std::string suite = xml_escaped(begin->file->path);
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n", suite, end - begin,
                       std::count_if(begin, end, failed));
    for (auto outcome = begin; outcome != end; ++outcome) {
      out << fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"", suite,
                         xml_escaped(outcome->check->name), suite, outcome->check->line);
      if (outcome->passed) {
        out << "/>\n";
        continue;
      }
      out << fmt::format(">\n      <failure message=\"expected {} got {}\">{}</failure>\n    </testcase>\n",
                         xml_escaped(outcome->expected), xml_escaped(outcome->got),
                         xml_escaped(failure_text(*outcome)));
    }
    out << "  </testsuite>\n";
    begin = end;
  }
  out << "</testsuites>\n";
}

std::size_t update_checks(std::span<const CheckFile> files, std::span<const Outcome> outcomes) {
  std::size_t updated = 0;
  for (const auto& file : files) {
    // Replacements in the check file, last first, so that earlier positions stay right.
    std::map<std::size_t, std::pair<std::size_t, std::string>, std::greater<>> replacements;
    for (const auto& outcome : outcomes) {
      if (outcome.file != &file || outcome.passed || !outcome.recorded) {
        continue;
      }
      const Check& check = *outcome.check;
      if (const auto* golden = std::get_if<GoldenCheck>(&check.what)) {
        write_file(file.directory / golden->output, *outcome.recorded);
      } else if (const auto* query = std::get_if<QueryCheck>(&check.what);
                 query != nullptr && query->kind == QueryCheck::Expect::csv_file) {
        write_file(file.directory / query->csv_file, *outcome.recorded);
      } else {
        const SourceSpan& at = check.expect_at;
        const std::size_t begin = offset_of(file.text, at.begin_line, at.begin_column);
        const std::size_t end = offset_of(file.text, at.end_line, at.end_column);
        replacements[begin] = {end, *outcome.recorded};
      }
      ++updated;
    }
    if (replacements.empty()) {
      continue;
    }
    std::string text = file.text;
    for (const auto& [begin, replacement] : replacements) {
      text.replace(begin, replacement.first - begin, replacement.second);
    }
    write_file(file.path, text);
  }
  return updated;
}

} // namespace tw::check
