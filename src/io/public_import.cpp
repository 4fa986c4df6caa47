#include "io/public_import.hpp"

#include "io/fr_json.hpp"
#include "io/hts_json.hpp"
#include "store/acts.hpp"
#include "store/listings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tw::io {

namespace {

// The imposer of all three: the United States.
Jurisdiction united_states() { return *Jurisdiction::parse("US"); }

// The CSL's files come as .csv or .json; other names are told by their first character
// (after a byte order mark, which both readers do without).
CslFormat csl_format(std::istream& in, const std::string& file_name) {
  if (file_name.ends_with(".json")) {
    return CslFormat::json;
  }
  if (file_name.ends_with(".csv")) {
    return CslFormat::csv;
  }
  if (in.peek() == 0xEF) {
    in.ignore(3);
  }
  const int first = in.peek(); // standard input cannot be rewound
  return first == '[' || first == '{' ? CslFormat::json : CslFormat::csv;
}

void merge_unmapped(std::vector<UnmappedCountry>& all, const std::vector<UnmappedCountry>& more) {
  for (const auto& country : more) {
    auto seen = std::ranges::find(all, country.text, &UnmappedCountry::text);
    if (seen == all.end()) {
      all.push_back(country);
    } else {
      seen->count += country.count;
    }
  }
}

} // namespace

std::optional<PublicFormat> parse_public_format(std::string_view text) {
  if (text == "csl") {
    return PublicFormat::csl;
  }
  if (text == "hts-json") {
    return PublicFormat::hts_json;
  }
  if (text == "fr-json") {
    return PublicFormat::fr_json;
  }
  return std::nullopt;
}

ReconcileMode reconcile_mode(PublicFormat format) {
  return format == PublicFormat::fr_json ? ReconcileMode::history : ReconcileMode::snapshot;
}

PublicImport::PublicImport(PublicFormat format, Importer& importer, ShrinkGuard guard)
    : m_format(format), m_importer(importer), m_guard(guard) {}

void PublicImport::read(std::istream& in, const std::string& file_name) {
  switch (m_format) {
  case PublicFormat::csl:
    read_csl_file(in, file_name);
    break;
  case PublicFormat::hts_json:
    read_hts_file(in, file_name);
    break;
  case PublicFormat::fr_json:
    read_fr_file(in, file_name);
    break;
  }
}

std::optional<std::string> PublicImport::act_citing(const std::vector<std::string>& citations) {
  for (const auto& citation : citations) {
    auto [known, inserted] = m_acts_by_citation.try_emplace(citation);
    if (inserted) {
      known->second = store::find_act_id_by_citation(m_importer.store(), citation);
    }
    if (known->second) {
      return known->second;
    }
  }
  return std::nullopt;
}

void PublicImport::read_csl_file(std::istream& in, const std::string& file_name) {
  const CslFormat format = csl_format(in, file_name);
  const CslReadResult result = read_csl(in, file_name, format, m_importer.options().as_of, [&](CslEntry&& entry) {
    ++m_rows_by_source[std::string(entry.source.code)];
    // The entry's notice names the act that listed it, when the store has that act.
    entry.listing.act_id = act_citing(entry.citations);
    const Measure measure{{}, MeasureKind::listing, united_states(), entry.listing.list, {}, {}, {}, {}, {}};
    m_importer.stage_listing(measure, entry.listing, RowSource{entry.at, {}});
  });
  merge_unmapped(m_unmapped_countries, result.unmapped_countries);
}

void PublicImport::read_hts_file(std::istream& in, const std::string& file_name) {
  const HtsReadResult result = read_hts_json(in, file_name, [&](HtsLine&& line) {
    const Measure measure{fmt::format("us-hts-mfn-{}", line.chapter),
                          MeasureKind::tariff,
                          united_states(),
                          "MFN",
                          {},
                          fmt::format("HTS chapter {}: column 1 general rates", line.chapter),
                          {},
                          {},
                          {}};
    TariffLine tariff;
    tariff.measure_id = measure.id;
    tariff.key = LineKey{Jurisdiction::all(), line.hs, {}};
    tariff.rate = line.rate;
    tariff.note = line.note;
    tariff.valid.from = m_importer.options().as_of;
    m_importer.stage_tariff(measure, tariff, RowSource{line.at, {}});
  });
  for (const auto& unread : result.unread) {
    m_unread_rates.push_back(fmt::format("{}: {} rate \"{}\" cannot be read ({}); not loaded", unread.at.to_string(),
                                         unread.hts, unread.text, unread.reason));
  }
}

void PublicImport::read_fr_file(std::istream& in, const std::string& file_name) {
  read_fr_json(in, file_name, [&](FrDocument&& document) {
    // An act the store knows by its document number is corrected under its own id; what the
    // document does not say (search results carry no citation) stays as the store has it.
    const auto known_id = store::find_act_id_by_document_number(m_importer.store(), document.number);
    const auto known = known_id ? store::find_act(m_importer.store(), *known_id) : std::nullopt;
    if (!known) {
      m_importer.stage_act(document.act, RowSource{document.at, {}});
      return;
    }
    Act act = *known;
    act.title = document.act.title;
    for (auto field : {&Act::citation, &Act::document_number, &Act::url}) {
      if (document.act.*field) {
        act.*field = document.act.*field;
      }
    }
    for (auto field : {&Act::announced, &Act::published}) {
      if (document.act.*field) {
        act.*field = document.act.*field;
      }
    }
    m_importer.stage_act(act, RowSource{document.at, {}});
  });
}

void PublicImport::check(const Warn& warn) const {
  for (const auto& [code, rows] : m_rows_by_source) {
    const std::size_t listed =
        store::count_listings_in_force(m_importer.store(), code + ":", m_importer.options().as_of);
    const auto kept_percent = static_cast<std::size_t>(100 - m_guard.max_shrink_percent);
    if (!m_guard.allow && rows * 100 < listed * kept_percent) {
      throw Error(ExitCode::data_error,
                  fmt::format("the {} source holds {} row{} where the store lists {} of it: it shrank by {}%, "
                              "more than {}%; nothing was imported",
                              code, rows, rows == 1 ? "" : "s", listed, (listed - rows) * 100 / listed,
                              m_guard.max_shrink_percent),
                  "a feed that lost most of a list is a known failure of the CSL; check the file, then import with "
                  "--allow-shrink if the list did shrink (or raise --max-shrink)");
    }
  }
  for (const auto& country : m_unmapped_countries) {
    warn(fmt::format("{}: {} address{} name{} the country \"{}\", which tradewatch does not know; recorded without "
                     "that country",
                     country.first.to_string(), country.count, country.count == 1 ? "" : "es",
                     country.count == 1 ? "s" : "", country.text));
  }
  for (const auto& unread : m_unread_rates) {
    warn(unread);
  }
}

} // namespace tw::io
