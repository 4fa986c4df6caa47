// Screening: normalization and scoring on literal names, and the store's index kept in step
// with the listings.

#include "query/screening.hpp"
#include "screen/normalize.hpp"
#include "screen/score.hpp"
#include "store/listings.hpp"
#include "store/measures.hpp"
#include "store/screening.hpp"
#include "store/sqlite.hpp"
#include "store_fixture.hpp"
#include "values.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>
#include <vector>

using tw::screen::edit_distance;
using tw::screen::fold;
using tw::screen::index_text;
using tw::screen::Token;
using tw::screen::TokenFrequencies;
using tw::screen::tokenize;
using tw::screen::TokenRole;
using tw::screen::transliteration_key;

namespace {

// The tokens of `name` as "text" for content, "(text)" for ignored ones.
std::string shown(const std::string& name) {
  std::string text;
  for (const Token& token : tokenize(name)) {
    text += text.empty() ? "" : " ";
    text += token.role == TokenRole::content ? token.text : "(" + token.text + ")";
  }
  return text;
}

int score_of(const std::string& input, const std::string& listed, const TokenFrequencies& frequencies = {}) {
  return tw::screen::score(tokenize(input), tokenize(listed), frequencies).value;
}

} // namespace

TEST_CASE("fold: NFKC, case folded, marks stripped") {
  CHECK(fold("Société Générale") == "societe generale");
  CHECK(fold("ＡＢＣ Ｃｏ．") == "abc co.");
  CHECK(fold("STRAßE") == "strasse");
  CHECK(fold("Ångström") == "angstrom");
  CHECK(fold("合肥") == "合肥");
}

TEST_CASE("tokenize: legal forms, noise, abbreviations, plurals and ordinals") {
  CHECK(shown("GEOVIS TECH CO LTD") == "geovis technology (co) (ltd)");
  CHECK(shown("GEOVIS Technology Co., Ltd.") == "geovis technology (co) (ltd)");
  CHECK(shown("Hefei Natl. Lab for Quantum Information Sciences") ==
        "hefei national laboratory (for) quantum information science");
  CHECK(shown("China Electronic Technology Group Corp. 41st Research Inst.") ==
        "china electronic technology group (corp) 41 research institute");
  CHECK(shown("Acme S.A.") == "acme (sa)");
  CHECK(shown("Acme GmbH & Co. KG") == "acme (gmbh) (&) (co) (kg)");
  CHECK(shown("Rosneft Limited Liability Company") == "rosneft (ltd) (liability) (co)");
  CHECK(shown("People's Bank") == "people bank");
  CHECK(shown("U.S.A. Trading") == "usa trading");
  CHECK(shown("Industries, Systems (Holdings)") == "industry system holding");
}

TEST_CASE("tokenize: Han characters one token each, Han legal forms ignored") {
  CHECK(shown("本源量子计算科技(合肥)股份有限公司") == "本 源 量 子 计 算 科 技 合 肥 (股) (份) (有) (限) (公) (司)");
  CHECK(shown("華為") == "華 為");
}

TEST_CASE("tokenize: a name of legal forms only is kept whole") { CHECK(shown("Company Limited") == "co ltd"); }

TEST_CASE("tokenize: numbers and generic words are marked") {
  const auto tokens = tokenize("45th Research Institute");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].number);
  CHECK(tokens[0].original == "45th");
  CHECK(tokens[1].generic);
  CHECK_FALSE(tokens[0].generic);
}

TEST_CASE("index_text: the canonical tokens of the name and each alias, one a line") {
  CHECK(index_text("Origin Quantum Computing Technology (Hefei) Co., Ltd.", {"本源量子计算科技(合肥)股份有限公司"}) ==
        "origin quantum computing technology hefei\n本 源 量 子 计 算 科 技 合 肥");
  CHECK(index_text("GEOVIS Technology Co., Ltd.", {}) == "geovis technology");
}

TEST_CASE("index_tokens: each content token of the name and aliases once, sorted") {
  CHECK(tw::screen::index_tokens("GEOVIS Tech Co., Ltd.", {"Geovis Technology", "中科星图股份有限公司"}) ==
        std::vector<std::string>{"geovis", "technology", "中", "图", "星", "科"});
  CHECK(tw::screen::index_tokens("Co. Ltd.", {}) == std::vector<std::string>{"co", "ltd"});
}

TEST_CASE("edit_distance counts transpositions as one edit, by code point") {
  CHECK(edit_distance("hefei", "hefie") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("quantum", "quantum") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("合肥", "合月") == 1);
}

TEST_CASE("transliteration_key sets spelling conventions aside") {
  CHECK(transliteration_key("aleksandr") == transliteration_key("alexandr"));
  CHECK(transliteration_key("shenzhen") == transliteration_key("shenzen"));
  CHECK(transliteration_key("philipp") == transliteration_key("filip"));
  CHECK(transliteration_key("hefei") != transliteration_key("hubei"));
}

TEST_CASE("score: the same name in other forms scores 100") {
  CHECK(score_of("GEOVIS TECH CO LTD", "GEOVIS Technology Co., Ltd.") == 100);
  CHECK(score_of("Beijing Academy Quantum Information Science", "Beijing Academy of Quantum Information Sciences") ==
        100);
  CHECK(score_of("Information Science Quantum Academy Beijing", "Beijing Academy of Quantum Information Sciences") ==
        100);
  CHECK(score_of("geovis technology limited", "GEOVIS Technology Co., Ltd.") == 100);
  CHECK(score_of("本源量子计算科技（合肥）有限公司", "本源量子计算科技(合肥)股份有限公司") == 100);
}

TEST_CASE("score: typos lower the score a little, other names a lot") {
  const int typo = score_of("Hefie National Laboratory for Quantum Information Science",
                            "Hefei National Laboratory for Quantum Information Science");
  CHECK(typo >= 90);
  CHECK(typo < 100);
  CHECK(score_of("Acme Plumbing Supplies", "GEOVIS Technology Co., Ltd.") == 0);
  CHECK(score_of("Beijing Ruidakang Technology", "Beijing Tianhaida Technology Co., Ltd.") <= 60);
}

TEST_CASE("score: different numbers lower the score") {
  const auto result =
      tw::screen::score(tokenize("China Electronics Technology Group Corporation 41st Research Institute"),
                        tokenize("China Electronics Technology Group Corporation 16th Research Institute"), {});
  CHECK(result.numbers_differ);
  CHECK(result.value < 50);
  CHECK(score_of("China Electronic Technology Group Corp. 41st Research Inst.",
                 "China Electronics Technology Group Corporation 41st Research Institute") == 100);
}

TEST_CASE("score: a rare token counts more than a common one") {
  TokenFrequencies frequencies;
  frequencies.listings = 1000;
  frequencies.listings_with = {{"geovis", 1}, {"technology", 400}, {"orbital", 1}};
  // Missing the rare word costs more than missing the common one.
  const int without_rare = score_of("Technology", "Geovis Technology", frequencies);
  const int without_common = score_of("Geovis", "Geovis Technology", frequencies);
  CHECK(without_common > 85);
  CHECK(without_rare < 30);
  CHECK(frequencies.weight(tokenize("geovis")[0]) > frequencies.weight(tokenize("technology")[0]));
}

TEST_CASE("score: the explanation names what matched, what was ignored and what lowered it") {
  const auto result = tw::screen::score(tokenize("Hefie Natl. Lab for Quantum Co., Ltd."),
                                        tokenize("Hefei National Laboratory for Quantum Information Science"), {});
  CHECK(result.explanation() ==
        "exact: quantum; same word: natl=national, lab=laboratory; approximate: hefie~hefei (1 edit); ignored legal "
        "forms: co ltd; ignored words: for; not in input: information, science");
}

namespace {

// Records GEOVIS on the Entity List from 2024-05-09 to 2025-01-01, with a Chinese alias.
void record_geovis(tw::store::Store& store) {
  const auto changeset =
      store.record_changeset(tw::Changeset{0, "2026-01-01T00:00:00Z", "tester", "", "test", std::nullopt});
  tw::Measure measure;
  measure.id = "el-geovis";
  measure.kind = tw::MeasureKind::listing;
  measure.imposer = tw::test::jurisdiction("US");
  measure.authority = "EAR 744.11";
  tw::store::insert_measure(store, measure, changeset);
  tw::Listing listing;
  listing.measure_id = "el-geovis";
  listing.list = "Entity List";
  listing.name = "GEOVIS Technology Co., Ltd.";
  listing.aliases = {"中科星图股份有限公司"};
  listing.country = tw::test::jurisdiction("CN");
  listing.valid.from = tw::test::day("2024-05-09");
  listing.valid.to = tw::test::day("2025-01-01");
  tw::store::insert_listing(store, listing, changeset);
}

tw::query::ScreeningOptions on(const std::string& date) {
  tw::query::ScreeningOptions options;
  options.filter.on = tw::test::day(date);
  return options;
}

// Records `name` on the Entity List from 2024-05-09, as measure `id`.
void record_listing(tw::store::Store& store, const std::string& id, const std::string& name) {
  const auto changeset =
      store.record_changeset(tw::Changeset{0, "2026-01-03T00:00:00Z", "tester", "", "test", std::nullopt});
  tw::Measure measure;
  measure.id = id;
  measure.kind = tw::MeasureKind::listing;
  measure.imposer = tw::test::jurisdiction("US");
  measure.authority = "EAR 744.11";
  tw::store::insert_measure(store, measure, changeset);
  tw::Listing listing;
  listing.measure_id = id;
  listing.list = "Entity List";
  listing.name = name;
  listing.country = tw::test::jurisdiction("CN");
  listing.valid.from = tw::test::day("2024-05-09");
  tw::store::insert_listing(store, listing, changeset);
}

// Each name's matches as "measure score explanation" lines.
std::string shown(const std::vector<tw::query::ScreeningMatch>& matches) {
  std::string text;
  for (const auto& match : matches) {
    text += fmt::format("{} {} {}\n", match.listing.measure_id, match.score.value, match.score.explanation());
  }
  return text;
}

} // namespace

TEST_CASE("the screening index follows every listing written, and retrieval finds misspellings") {
  tw::test::TempDir dir;
  auto store = tw::store::Store::create(dir / "tw.db");
  record_geovis(store);

  tw::query::Screener screener(store, on("2024-06-01"));
  REQUIRE(screener.screen("Geovsi Tech").size() == 1);
  const auto by_alias = screener.screen("中科星图");
  REQUIRE(by_alias.size() == 1);
  CHECK(by_alias[0].matched_name == "中科星图股份有限公司");
  CHECK(screener.screen("Orbital Dynamics").empty());

  // Delisted on 2025-01-01: not a match from that day unless delisted entities are asked for.
  CHECK(tw::query::Screener(store, on("2024-12-31")).screen("GEOVIS Technology").size() == 1);
  CHECK(tw::query::Screener(store, on("2025-01-01")).screen("GEOVIS Technology").empty());
  auto delisted_too = on("2025-01-01");
  delisted_too.filter.include_delisted = true;
  CHECK(tw::query::Screener(store, delisted_too).screen("GEOVIS Technology").size() == 1);
}

TEST_CASE("a batch screened by several threads finds, name by name and in order, what one screener finds") {
  tw::test::TempDir dir;
  auto store = tw::store::Store::create(dir / "tw.db");
  record_geovis(store);
  record_listing(store, "el-orbital", "Orbital Dynamics Co., Ltd.");
  record_listing(store, "el-hefei", "Hefei National Laboratory for Quantum Information Sciences");
  const std::vector<std::string> some{"Geovsi Tech", "Orbitl Dynamics", "Hefei Natl. Lab", "Acme Trading", "中科星图"};
  std::vector<std::string> names;
  for (std::size_t i = 0; i < 300; ++i) {
    names.push_back(some[i % some.size()]);
  }

  tw::store::Transaction snapshot(store.db(), tw::store::Transaction::Kind::deferred);
  const auto batch = tw::query::screen_all(store, names, on("2024-06-01"), {}, 3);
  REQUIRE(batch.size() == names.size());
  tw::query::Screener one(store, on("2024-06-01"));
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(shown(batch[i]) == shown(one.screen(names[i])));
  }
  CHECK(shown(batch[1]).starts_with("el-orbital "));
  CHECK(batch[3].empty());
}

TEST_CASE("a batch's other connections help only when they read the store the caller reads") {
  tw::test::TempDir dir;
  auto store = tw::store::Store::create(dir / "tw.db");
  record_geovis(store);
  const std::vector<std::string> names(200, "Orbital Dynamics");

  tw::store::Transaction snapshot(store.db(), tw::store::Transaction::Kind::deferred);
  std::size_t progress_calls = 0;
  const auto before =
      tw::query::screen_all(store, names, on("2024-06-01"), {}, 2, [&](std::size_t) { ++progress_calls; });
  CHECK(progress_calls == names.size());
  {
    // Recorded after the caller's read transaction began: a connection opened now sees it.
    auto writer = tw::store::Store::open(dir / "tw.db", tw::store::Store::Access::read_write);
    record_listing(writer, "el-orbital", "Orbital Dynamics");
  }
  const auto after = tw::query::screen_all(store, names, on("2024-06-01"), {}, 2);
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(before[i].empty());
    CHECK(after[i].empty());
  }
}

TEST_CASE("listing names are never changed in place, so the index cannot go stale") {
  tw::test::TempDir dir;
  auto store = tw::store::Store::create(dir / "tw.db");
  record_geovis(store);
  CHECK_THROWS(store.db().execute("UPDATE listings SET name = 'Other Name'"));
}

namespace {

// Each token and the number of listing versions counted under it, as "token=n" in order.
std::string token_counts(const tw::store::Store& store) {
  tw::store::Statement counts(store.db(), "SELECT group_concat(term || '=' || listings, ' ') FROM "
                                          "(SELECT * FROM screening_token_counts ORDER BY term)");
  counts.step();
  return counts.text(0);
}

} // namespace

TEST_CASE("the token counts follow every listing version written, as the word index holds them") {
  tw::test::TempDir dir;
  auto store = tw::store::Store::create(dir / "tw.db");
  record_geovis(store);
  tw::Listing next = tw::query::Screener(store, on("2024-06-01")).screen("GEOVIS")[0].listing;
  next.valid.from = tw::test::day("2025-01-01");
  next.valid.to.reset();
  next.aliases = {"Geovis Tech"};
  const auto changeset =
      store.record_changeset(tw::Changeset{0, "2026-01-02T00:00:00Z", "tester", "", "test", std::nullopt});
  tw::store::insert_listing(store, next, changeset);

  // "geovis" and "technology" are in both versions, counted once in each.
  CHECK(token_counts(store) == "geovis=2 technology=2 中=1 图=1 星=1 科=1");
  store.db().execute("CREATE VIRTUAL TABLE temp.word_vocabulary USING fts5vocab(main, screening_words, 'row')");
  tw::store::Statement vocabulary(
      store.db(), "SELECT group_concat(term || '=' || doc, ' ') FROM (SELECT * FROM word_vocabulary ORDER BY term)");
  vocabulary.step();
  CHECK(vocabulary.text(0) == token_counts(store));
}

namespace {

// A store at `dir` holding GEOVIS, taken back to an older schema by `downgrade`, then opened
// by this tradewatch (which migrates it).
tw::store::Store migrated(const tw::test::TempDir& dir, const std::string& downgrade) {
  {
    auto store = tw::store::Store::create(dir / "tw.db");
    record_geovis(store);
    // Schema 5 changed only an index of tariff lines.
    store.db().execute("DROP INDEX tariff_lines_by_line; "
                       "CREATE INDEX tariff_lines_by_measure ON tariff_lines (measure_id)");
    store.db().execute(downgrade);
  }
  return tw::store::Store::open(dir / "tw.db", tw::store::Store::Access::read_only);
}

} // namespace

TEST_CASE("migrating a store of schema 2 indexes the listings it already has") {
  tw::test::TempDir dir;
  // Schema 2 had no screening indexes.
  const auto store =
      migrated(dir, "DROP TRIGGER listings_screening_index; DROP TRIGGER listings_names_unchanged; "
                    "DROP TRIGGER listings_screening_counts; DROP TABLE screening_token_counts; "
                    "DROP TABLE screening_words; DROP TABLE screening_trigrams; PRAGMA user_version = 2");
  CHECK(tw::query::Screener(store, on("2024-06-01")).screen("GEOVIS Technology").size() == 1);
  CHECK(token_counts(store) == "geovis=1 technology=1 中=1 图=1 星=1 科=1");
}

TEST_CASE("migrating a store of schema 3 counts the tokens of the listings it already has") {
  tw::test::TempDir dir;
  // Schema 3 read the counts through fts5vocab.
  const auto store =
      migrated(dir, "DROP TRIGGER listings_screening_counts; DROP TABLE screening_token_counts; "
                    "CREATE VIRTUAL TABLE screening_word_counts USING fts5vocab (screening_words, 'row'); "
                    "PRAGMA user_version = 3");
  CHECK(token_counts(store) == "geovis=1 technology=1 中=1 图=1 星=1 科=1");
  tw::store::Statement old_counts(store.db(),
                                  "SELECT count(*) FROM sqlite_schema WHERE name = 'screening_word_counts'");
  old_counts.step();
  CHECK(old_counts.integer(0) == 0);
}

TEST_CASE("fold: ASCII is only lowered, its punctuation and spacing kept") {
  CHECK(fold("GEOVIS Tech Co., Ltd.\t41ST") == "geovis tech co., ltd.\t41st");
}

TEST_CASE("edit_distance: the same by bytes in ASCII, by code points otherwise, on tokens of any length") {
  CHECK(edit_distance("strasse", "straße") == 2);
  const std::string long_token(100, 'a');
  CHECK(edit_distance(long_token, long_token + "b") == 1);
  CHECK(edit_distance(long_token + "xy", long_token + "yx") == 1);
}

TEST_CASE("a screener's matches do not depend on the names it screened before, and carry the whole listing") {
  tw::test::TempDir dir;
  auto store = tw::store::Store::create(dir / "tw.db");
  record_geovis(store);

  tw::query::Screener batch(store, on("2024-06-01"));
  CHECK(batch.screen("Geovis").size() == 1);
  CHECK(batch.screen("Orbital Dynamics").empty());
  const auto later = batch.screen("GEOVIS Technology Company");
  const auto fresh = tw::query::Screener(store, on("2024-06-01")).screen("GEOVIS Technology Company");
  REQUIRE(later.size() == 1);
  REQUIRE(fresh.size() == 1);
  CHECK(later[0].score.value == fresh[0].score.value);
  CHECK(later[0].score.explanation() == fresh[0].score.explanation());
  const tw::Listing& listing = later[0].listing;
  CHECK(listing.measure_id == "el-geovis");
  CHECK(listing.list == "Entity List");
  CHECK(listing.aliases == std::vector<std::string>{"中科星图股份有限公司"});
  CHECK(listing.country == tw::test::jurisdiction("CN"));
  CHECK(listing.valid.to == tw::test::day("2025-01-01"));
  CHECK(later[0].matched_name == "GEOVIS Technology Co., Ltd.");
}
