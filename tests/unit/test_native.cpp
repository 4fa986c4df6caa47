#include "io/import.hpp"
#include "io/native.hpp"
#include "store/store.hpp"
#include "temp_store.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using tw::Changeset;
using tw::Error;
using tw::io::DataFormat;
using tw::io::Importer;
using tw::io::ImportOptions;
using tw::io::ImportResult;
using tw::io::ReconcileMode;
using tw::test::error_from;
using tw::test::select_integer;
using tw::test::TempStore;

namespace {

ImportResult import_text(tw::store::Store& store, const std::string& text, DataFormat format,
                         bool ignore_unknown = false) {
  std::istringstream in(text);
  ImportOptions options;
  options.as_of = tw::test::day("2026-01-01");
  Importer importer(store, options);
  tw::io::read_native(in, "t.csv", format, importer, ignore_unknown);
  return importer.finish(Changeset{0, "2026-01-01T00:00:00Z", "tester", "", "tradewatch import t.csv", std::nullopt});
}

std::string exported(const tw::store::Store& store, DataFormat format) {
  std::ostringstream out;
  tw::io::export_tariff_lines(store, {}, {}, format, out);
  return out.str();
}

} // namespace

TEST_CASE("a native file exported and imported into a fresh store exports the same bytes", "[native]") {
  TempStore first;
  const std::string csv = "measure,imposer,authority,origin,hs,rate,from,to,note\r\n"
                          "ev,US,Section 301,CN,8703.80,25%,2018-07-06,,\"List 1, note 20(b)\"\r\n"
                          "ev,US,Section 301,CN,8703.80,100%,2024-09-27,,\r\n"
                          "mfn,US,MFN,*,8703.80.00,2.5%,2018-01-01,,\r\n";
  CHECK(import_text(first.store(), csv, DataFormat::csv).tariff_lines.added == 2);
  // A row without `to` ends where the next row of its line starts.
  CHECK(
      exported(first.store(), DataFormat::csv) ==
      "measure,imposer,authority,origin,hs,company,rate,heading,from,to,act,end_act,title,announced,exclusive,note\r\n"
      "ev,US,Section 301,CN,8703.80,,25%,,2018-07-06,2024-09-27,,,,,,\"List 1, note 20(b)\"\r\n"
      "ev,US,Section 301,CN,8703.80,,100%,,2024-09-27,,,,,,,\r\n"
      "mfn,US,MFN,*,8703.80.00,,2.5%,,2018-01-01,,,,,,,\r\n");
  CHECK(exported(first.store(), DataFormat::ndjson)
            .starts_with("{\"measure\":\"ev\",\"imposer\":\"US\",\"authority\":\"Section "
                         "301\",\"origin\":\"CN\",\"hs\":\"8703.80\","
                         "\"company\":null,\"rate\":\"25%\",\"heading\":null,\"from\":\"2018-07-06\",\"to\":\"2024-09-"
                         "27\",\"act\":null,"
                         "\"end_act\":null,\"title\":null,\"announced\":null,\"exclusive\":null,\"note\":\"List 1, "
                         "note 20(b)\"}\n"));
  for (const auto format : {DataFormat::csv, DataFormat::json, DataFormat::ndjson}) {
    const std::string written = exported(first.store(), format);
    TempStore second;
    import_text(second.store(), written, format);
    CHECK(exported(second.store(), format) == written);
    // Re-imported into the store it came from, it changes nothing.
    CHECK(import_text(first.store(), written, format).changed() == 0);
  }
}

TEST_CASE("listings and acts read from JSON, with aliases as an array or a list", "[native]") {
  TempStore temp;
  const auto result = import_text(
      temp.store(),
      "[{\"id\":\"review\",\"imposer\":\"US\",\"title\":\"Entity List additions\",\"citation\":\"89 FR 41886\","
      "\"added\":\"RU=3;CN=37\"}]",
      DataFormat::json);
  CHECK(result.acts.added == 1);
  const auto listings =
      import_text(temp.store(),
                  "{\"list\":\"Entity List\",\"imposer\":\"US\",\"name\":\"本源量子\",\"aliases\":[\"Origin Quantum\"],"
                  "\"country\":\"CN\",\"from\":\"2024-05-09\",\"act\":\"review\",\"source_key\":\"EL-1\"}\n"
                  "{\"list\":\"Entity List\",\"imposer\":\"US\",\"name\":\"Hefei Lab\",\"aliases\":\"HL; Hefei L.\","
                  "\"country\":\"CN\",\"from\":\"2024-05-09\",\"type\":\"entity\"}\n",
                  DataFormat::ndjson);
  CHECK(listings.listings.added == 2);
  std::ostringstream out;
  tw::io::export_listings(temp.store(), {}, {}, DataFormat::csv, out);
  CHECK(out.str() == "id,list,imposer,name,aliases,type,country,address,from,to,license_requirement,"
                     "license_policy,source_key,act,end_act,authority,title,announced,note\r\n"
                     "us-entity-list-1,Entity List,US,本源量子,Origin Quantum,entity,CN,,2024-05-09,,,,EL-1,review,,"
                     "Entity List,,,\r\n"
                     "us-entity-list-2,Entity List,US,Hefei Lab,HL; Hefei L.,entity,CN,,2024-05-09,,,,,,,"
                     "Entity List,,,\r\n");
  std::ostringstream acts;
  tw::io::export_acts(temp.store(), std::nullopt, {}, DataFormat::csv, acts);
  CHECK(acts.str() == "id,imposer,title,citation,document_number,url,announced,published,added,removed\r\n"
                      "review,US,Entity List additions,89 FR 41886,,,,,CN=37;RU=3,\r\n");
}

TEST_CASE("native files are checked column by column", "[native]") {
  TempStore temp;
  auto read = [&](const std::string& text, bool ignore_unknown = false) {
    return import_text(temp.store(), text, DataFormat::csv, ignore_unknown);
  };
  const std::string header = "measure,imposer,authority,origin,hs,rate,from";
  const Error bad_rate = error_from(
      [&] { read(header + "\nev,US,301,CN,8703.80,25%,2018-07-06\nev,US,301,CN,8703.60,2O%,2018-07-06\n"); });
  // The column is that of the bad character, under which the caret stands.
  CHECK(std::string(bad_rate.what()) == "t.csv:3:23: rate \"2O%\": expected %, ¢ or a currency code after the number");
  CHECK(bad_rate.context() == "  2O%\n   ^");
  CHECK(select_integer(temp.store(), "SELECT count(*) FROM tariff_lines") == 0);
  CHECK(std::string(error_from([&] { read(header + "\nev,US,301,CN,8703.80,,2018-07-06\n"); }).what()) ==
        "t.csv:2:22: rate is empty");
  CHECK(std::string(error_from([&] {
                      read(header + ",to\nev,US,301,CN,8703.80,25%,2018-07-06,2018-01-01\n");
                    }).what()) == "t.csv:2:37: to 2018-01-01 is not after from 2018-07-06");
  CHECK(std::string(error_from([&] { read(header + ",colour\nev,US,301,CN,8703.80,25%,2018-07-06,red\n"); }).what()) ==
        "t.csv:1:47: unknown column \"colour\" in a file of tariff lines");
  CHECK(read(header + ",colour\nev,US,301,CN,8703.80,25%,2018-07-06,red\n", true).tariff_lines.added == 1);
  CHECK(std::string(error_from([&] { read("measure,imposer,authority,origin,hs,from\n"); }).what()) ==
        "t.csv:1: no column \"rate\", which tariff lines need");
  CHECK(std::string(error_from([&] { read("colour,size\n"); }).what()) ==
        "t.csv:1: cannot tell from its columns whether the file holds tariff lines, listings or acts");
  CHECK(std::string(error_from([&] {
                      import_text(temp.store(), "[{\"id\":\"a\",\"imposer\":\"US\",\"title\":7,\"citation\":\"x\"}]",
                                  DataFormat::json);
                    }).what()) == "t.csv:1: title is number, not text");
}

namespace {

// Tariff rows over several measures and lines, out of line order, with versions that end
// where the next starts, closed versions, acts and notes with commas and quotes.
std::string mixed_tariff_rows() {
  std::string csv = "measure,imposer,authority,origin,hs,rate,from,to,title,note\n";
  const char* origins[] = {"CN", "MX", "DE"};
  for (int i = 0; i < 60; ++i) {
    const int code = (i * 37) % 23;
    for (int version = 0; version < 1 + i % 3; ++version) {
      csv += fmt::format("{},US,{},{},{:04d}.10,{}%,{}-0{}-01,{},\"title, {}\",\"note \"\"{}\"\"\"\n",
                         i % 2 == 0 ? "s301" : "s232", i % 2 == 0 ? "Section 301" : "Section 232", origins[i % 3],
                         8700 + code, 5 * version + i % 7, 2018 + version, 1 + i % 9,
                         i % 4 == 0 ? fmt::format("{}-01-01", 2019 + version) : "", i % 2, i);
    }
  }
  return csv;
}

// The tariff lines in the order of their row ids, without them.
std::string lines_by_row_id(const tw::store::Store& store) {
  tw::store::Statement rows(store.db(), "SELECT measure_id, origin, hs, rate, note, valid_from, "
                                        "coalesce(valid_to, '-') FROM tariff_lines ORDER BY row_id");
  std::string text;
  while (rows.step()) {
    for (int i = 0; i < 7; ++i) {
      text += rows.text(i) + (i == 6 ? "\n" : ",");
    }
  }
  return text;
}

// The lines of `text` in sorted order.
std::string sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0, end = 0; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
  }
  std::ranges::sort(lines);
  return fmt::format("{}", fmt::join(lines, "\n"));
}

} // namespace

TEST_CASE("lines new to the store are written as the line-by-line reconcile writes them", "[native]") {
  const std::string mfn = "zz,US,MFN,*,0101,1%,2015-01-01,,mfn,\n";
  const std::string rows = mixed_tariff_rows() + mfn;
  // Every line new: written straight from the staged rows.
  TempStore fresh;
  const ImportResult added = import_text(fresh.store(), rows, DataFormat::csv);
  // One line of the file already in the store: every line reconciled one by one.
  TempStore holding;
  import_text(holding.store(), "measure,imposer,authority,origin,hs,rate,from,to,title,note\n" + mfn, DataFormat::csv);
  const ImportResult reconciled = import_text(holding.store(), rows, DataFormat::csv);
  CHECK(added.tariff_lines.added == reconciled.tariff_lines.added + 1);
  CHECK(reconciled.tariff_lines.unchanged == 1);
  CHECK(exported(fresh.store(), DataFormat::csv) == exported(holding.store(), DataFormat::csv));
  // The same rows. Into an empty table they go straight in, in the order of the file: the
  // line of the last row last.
  const std::string fresh_lines = lines_by_row_id(fresh.store());
  const std::string zz = "zz,*,0101,1%,,2015-01-01,-\n";
  CHECK(fresh_lines.ends_with(zz));
  CHECK(sorted_lines(fresh_lines) == sorted_lines(lines_by_row_id(holding.store())));
  // Into a table with lines of other measures they are staged, then written in the order in
  // which the line-by-line walk writes them: sorted by line, after the line held before.
  TempStore beside;
  import_text(beside.store(),
              "measure,imposer,authority,origin,hs,rate,from,to,title,note\n"
              "aa,US,MFN,*,0102,2%,2015-01-01,,mfn,\n",
              DataFormat::csv);
  import_text(beside.store(), rows, DataFormat::csv);
  const std::string held_lines = lines_by_row_id(holding.store());
  CHECK(lines_by_row_id(beside.store()) == "aa,*,0102,2%,,2015-01-01,-\n" + held_lines.substr(zz.size()) + zz);
  // The indexes rebuilt after the rows are the schema's.
  CHECK(select_integer(fresh.store(), "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                      "tbl_name = 'tariff_lines'") == 2);
  CHECK(select_integer(fresh.store(), "SELECT count(*) FROM tariff_lines INDEXED BY tariff_lines_by_code "
                                      "WHERE hs = '870310'") ==
        select_integer(fresh.store(), "SELECT count(*) FROM tariff_lines WHERE hs = '870310'"));

  // Overlapping versions fail alike on both paths.
  const std::string overlapping = rows + "s301,US,Section 301,CN,8700.10,9%,2018-06-01,,\"title, 0\",\n";
  TempStore other;
  const Error new_error = error_from([&] { import_text(other.store(), overlapping, DataFormat::csv); });
  const Error held_error = error_from([&] { import_text(holding.store(), overlapping, DataFormat::csv); });
  CHECK(std::string(new_error.what()) == std::string(held_error.what()));
  CHECK(std::string(new_error.what()).find("overlaps") != std::string::npos);
  CHECK(select_integer(other.store(), "SELECT count(*) FROM tariff_lines") == 0);
  CHECK(select_integer(other.store(), "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                      "tbl_name = 'tariff_lines'") == 2);
}

TEST_CASE("versions ended by the next are ended alike whether few or many are, and every key holds", "[native]") {
  const std::string header = "measure,imposer,authority,origin,hs,rate,from,to,title,note\n";
  const std::string mfn = "zz,US,MFN,*,0101,1%,2015-01-01,,mfn,\n";
  std::string singles;
  for (int i = 0; i < 1000; ++i) {
    singles += fmt::format("mfn,US,MFN,*,{:04d}.20,1%,2015-01-01,,mfn,\n", 1000 + i);
  }
  // A third of the mixed rows are ended by the next version, past the fifth at which the line
  // index is built again; with the single versions, a twentieth, moved in the index in place.
  for (const std::string& rows : {mixed_tariff_rows() + mfn, mixed_tariff_rows() + singles + mfn}) {
    TempStore fresh;
    import_text(fresh.store(), rows, DataFormat::csv);
    TempStore holding;
    import_text(holding.store(), header + mfn, DataFormat::csv);
    import_text(holding.store(), rows, DataFormat::csv);
    CHECK(exported(fresh.store(), DataFormat::csv) == exported(holding.store(), DataFormat::csv));
    // The index entries match the rows, and the foreign keys SQLite did not check hold.
    CHECK(select_integer(fresh.store(), "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") ==
          0);
    CHECK(select_integer(fresh.store(), "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    CHECK(select_integer(fresh.store(), "SELECT count(*) FROM tariff_lines INDEXED BY tariff_lines_by_line "
                                        "WHERE measure_id = 's301' AND valid_to IS NOT NULL") ==
          select_integer(fresh.store(), "SELECT count(*) FROM tariff_lines WHERE measure_id = 's301' "
                                        "AND valid_to IS NOT NULL"));
    CHECK(select_integer(fresh.store(), "PRAGMA foreign_keys") == 1); // checked again after the import
  }
}

TEST_CASE("lines written straight into an empty table fail as staged lines do, and leave nothing", "[native]") {
  // mixed_tariff_rows with an empty act column.
  std::string rows;
  std::istringstream mixed(mixed_tariff_rows());
  for (std::string line; std::getline(mixed, line);) {
    rows += line + (rows.empty() ? ",act\n" : ",\n");
  }
  TempStore holding; // holds a line of the measure, so that the same rows are staged
  import_text(holding.store(),
              rows.substr(0, rows.find('\n') + 1) + "s301,US,Section 301,CN,0101,1%,2015-01-01,,\"title, 0\",,\n",
              DataFormat::csv);
  const auto both_fail = [&](const std::string& text, const std::string& expected) {
    TempStore fresh;
    const Error direct = error_from([&] { import_text(fresh.store(), text, DataFormat::csv); });
    const Error staged = error_from([&] { import_text(holding.store(), text, DataFormat::csv); });
    INFO(direct.what());
    CHECK(std::string(direct.what()) == std::string(staged.what()));
    CHECK(std::string(direct.what()).find(expected) != std::string::npos);
    for (const char* table : {"tariff_lines", "measures", "acts", "changesets"}) {
      CHECK(select_integer(fresh.store(), fmt::format("SELECT count(*) FROM {}", table)) == 0);
    }
    CHECK(select_integer(fresh.store(), "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                        "tbl_name = 'tariff_lines'") == 2);
  };
  // Rows citing acts nobody recorded: the first row to cite one is named, at the act's column.
  both_fail(rows + "s232,US,Section 232,MX,9900.10,1%,2020-01-01,,\"title, 1\",,act-b\n"
                   "s232,US,Section 232,MX,9900.20,1%,2020-01-01,,\"title, 1\",,act-a\n",
            "t.csv:122:59: act act-b: no such act");
  // Two versions of one line from the same day.
  both_fail(rows + "s301,US,Section 301,CN,8700.10,9%,2018-01-01,,\"title, 0\",,\n", "a second version");
}
