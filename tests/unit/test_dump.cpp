#include "io/csv.hpp"
#include "io/dump.hpp"
#include "store/store.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using tw::io::decode_field;
using tw::io::encode_field;

namespace fs = std::filesystem;

namespace {

using Values = std::vector<std::optional<std::string>>;

// Writes `values` as one dump record and reads them back as load does.
Values round_trip(const Values& values) {
  std::vector<std::string> fields;
  for (const auto& value : values) {
    fields.push_back(encode_field(value));
  }
  std::ostringstream out;
  tw::io::write_dump_record(out, fields);
  std::istringstream in(out.str());
  tw::io::CsvReader reader(in, "t.csv");
  tw::io::CsvRecord record;
  REQUIRE(reader.next(record));
  Values read;
  for (const auto& field : record.fields) {
    auto value = decode_field(field);
    REQUIRE(value.has_value());
    read.push_back(*value);
  }
  CHECK_FALSE(reader.next(record));
  return read;
}

std::optional<std::string> decoded(std::string_view field) {
  auto value = decode_field(field);
  REQUIRE(value.has_value());
  return *value;
}

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TemporaryFolder {
  fs::path path;
  TemporaryFolder() : path(fs::temp_directory_path() / fs::path("tw-dump-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TemporaryFolder() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("dump fields tell NULL from every text", "[dump]") {
  CHECK(encode_field(std::nullopt) == "\\N");
  CHECK(encode_field("") == "");
  CHECK(encode_field("\\N") == "\\\\N");
  CHECK(encode_field("\\") == "\\\\");
  CHECK(encode_field("a\\N") == "a\\N"); // only a leading backslash is doubled
  CHECK(decoded("\\N") == std::optional<std::string>());
  CHECK(decoded("") == std::optional<std::string>(""));
  CHECK(decoded("\\\\N") == std::optional<std::string>("\\N"));
  CHECK(decoded("a\\b") == std::optional<std::string>("a\\b"));
  CHECK(decode_field("\\n").error() ==
        "\"\\n\" starts with a backslash that is neither \\N (NULL) nor \\\\ (a backslash)");
  CHECK_FALSE(decode_field("\\").has_value());
}

TEST_CASE("dump records round-trip through CSV", "[dump]") {
  const Values values{
      std::nullopt,       "",    "plain", "a, b", "say \"hi\"",  "two\nlines",       "crlf\r\nend", " padded ",
      "本源量子 Ünïcode", "\\N", "\\\\N", "\\",   "back\\slash", "\\N, \"quoted\"\n"};
  CHECK(round_trip(values) == values);
  CHECK(round_trip({""}) == Values{""}); // a lone empty field is not a blank line
  CHECK(round_trip({std::nullopt}) == Values{std::nullopt});
}

TEST_CASE("dump records are CSV lines ending with LF", "[dump]") {
  std::ostringstream out;
  tw::io::write_dump_record(out, {"1", encode_field(std::nullopt), "", "a,b", encode_field("\\x")});
  tw::io::write_dump_record(out, {""});
  CHECK(out.str() == "1,\\N,,\"a,b\",\\\\x\n\"\"\n");
}

TEST_CASE("load(dump(store)) restores every row, and dumps again to the same bytes", "[dump]") {
  TemporaryFolder folder;
  const fs::path first_store = folder.path / "a.db";
  const fs::path second_store = folder.path / "b.db";
  {
    auto store = tw::store::Store::create(first_store);
    store.db().execute(R"sql(
      INSERT INTO changesets (id, recorded_at, author, reason, command)
        VALUES (3, '2024-01-01T00:00:00Z', 'ana', 'two
lines, "quoted"', 'tradewatch add act'),
               (7, '2024-02-01T00:00:00Z', '\N', '', 'tradewatch add tariff');
      INSERT INTO acts (id) VALUES ('act,1');
      INSERT INTO act_versions (row_id, act_id, imposer, title, citation, url, recorded_in)
        VALUES (11, 'act,1', 'US', '本源量子', '', '\share', 3);
      INSERT INTO measures (id, kind) VALUES ('m', 'tariff');
      INSERT INTO measure_versions (row_id, measure_id, imposer, authority, note, recorded_in)
        VALUES (5, 'm', 'US', 'MFN', '\N', 7);
      INSERT INTO tariff_lines (row_id, measure_id, origin, hs, rate, ad_valorem_milli, act_id, note, valid_from,
                                recorded_in)
        VALUES (40, 'm', 'CN', '8703', '25%', 25000, 'act,1', NULL, '2018-07-06', 7);
    )sql");
  }
  const fs::path first_dump = folder.path / "d1";
  const fs::path second_dump = folder.path / "d2";
  {
    auto store = tw::store::Store::open(first_store, tw::store::Store::Access::read_only);
    const auto summary = tw::io::dump_store(store, first_dump, tw::io::Overwrite::only_an_earlier_dump);
    CHECK(summary.rows == 7);
  }
  CHECK(file_text(first_dump / "act_versions.csv") ==
        "row_id,act_id,imposer,title,citation,document_number,url,announced,published,recorded_in,superseded_in,"
        "added,removed\n"
        "11,\"act,1\",US,本源量子,,\\N,\\\\share,\\N,\\N,3,\\N,\\N,\\N\n");
  CHECK(file_text(first_dump / "changesets.csv") == "id,recorded_at,author,reason,command,undoes\n"
                                                    "3,2024-01-01T00:00:00Z,ana,\"two\nlines, \"\"quoted\"\"\","
                                                    "tradewatch add act,\\N\n"
                                                    "7,2024-02-01T00:00:00Z,\\\\N,,tradewatch add tariff,\\N\n");
  {
    auto store = tw::store::Store::create(second_store);
    const auto summary = tw::io::load_store(store, first_dump);
    CHECK(summary.rows == 7);
    CHECK(summary.tables == 8);
    tw::store::Statement notes(store.db(), "SELECT note IS NULL, url FROM measure_versions, act_versions");
    REQUIRE(notes.step());
    CHECK(notes.integer(0) == 0); // the text \N, not NULL
    CHECK(notes.text(1) == "\\share");
    tw::io::dump_store(store, second_dump, tw::io::Overwrite::only_an_earlier_dump);
  }
  for (const auto& entry : fs::directory_iterator(first_dump)) {
    INFO(entry.path().filename().string());
    CHECK(file_text(entry.path()) == file_text(second_dump / entry.path().filename()));
  }
  CHECK(std::distance(fs::directory_iterator(first_dump), fs::directory_iterator()) ==
        std::distance(fs::directory_iterator(second_dump), fs::directory_iterator()));
}
