#include "io/csl.hpp"

#include "io/csv.hpp"
#include "io/json_records.hpp"
#include "io/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <unordered_set>

namespace tw::io {

namespace {

using nlohmann::json;

std::string lower(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(), [](unsigned char c) { return std::tolower(c); });
  return result;
}

bool same_letters(std::string_view a, std::string_view b) { return lower(a) == lower(b); }

// Short codes the CSL has used besides the current ones, in the brackets of its names.
struct CodeAlias {
  std::string_view alias;
  std::string_view code;
};
constexpr std::array<CodeAlias, 4> k_code_aliases{{
    {"NS-MBS List", "MBS"},
    {"NS-MBS", "MBS"},
    {"NS-CMIC", "CMIC"},
    {"CAPTA", "CAP"},
}};

// Country names the lists write that are not the names of the ISO table.
struct CountryAlias {
  std::string_view name; // lower case
  std::string_view code;
};
constexpr std::array<CountryAlias, 27> k_country_aliases{{
    {"bahamas, the", "BS"},
    {"brunei", "BN"},
    {"burma", "MM"},
    {"china (prc)", "CN"},
    {"congo, democratic republic of the", "CD"},
    {"congo, republic of the", "CG"},
    {"cote d ivoire", "CI"},
    {"cote d'ivoire", "CI"},
    {"czech republic", "CZ"},
    {"democratic republic of the congo", "CD"},
    {"gambia, the", "GM"},
    {"great britain", "GB"},
    {"korea, north", "KP"},
    {"korea, south", "KR"},
    {"macau", "MO"},
    {"north korea (dprk)", "KP"},
    {"people's republic of china", "CN"},
    {"people's republic of china (prc)", "CN"},
    {"russia", "RU"},
    {"the gambia", "GM"},
    {"turkey", "TR"},
    {"turkey (turkiye)", "TR"},
    {"u.a.e.", "AE"},
    {"uae", "AE"},
    {"united arab emirates (uae)", "AE"},
    {"uk", "GB"},
    {"viet nam", "VN"},
}};

// A text of a record and where it is.
struct Field {
  std::string text;
  SourcePosition at;
};

struct RawAddress {
  std::string text;    // the whole address, its parts joined with ", "; it ends with `country`
  std::string country; // its country part as written
  SourcePosition at;
};

// A CSL record as read from either format, before it is checked and mapped.
struct RawRecord {
  SourcePosition at;
  Field id, source, entity_number, type, name, title, federal_register_notice, start_date, end_date,
      license_requirement, license_policy, remarks;
  std::vector<std::string> programs;
  std::vector<std::string> alt_names;
  std::vector<RawAddress> addresses;
};

// Reads one packed CSV address, "street, city, state, postal code, country": the country is
// the last part.
RawAddress packed_address(std::string_view text, const SourcePosition& at) {
  const auto comma = text.rfind(',');
  const std::string_view country = comma == std::string_view::npos ? text : text.substr(comma + 1);
  return RawAddress{std::string(text), std::string(trimmed(country)), at};
}

const char* const k_source_hint = "the CSL's sources are EL, DPL, UVL, MEU, ISN, DTC, SDN, FSE, SSI, PLC, CAP, CMIC "
                                  "and MBS, named as in the CSL's source column";

class Mapper {
public:
  Mapper(Date undated_from, CslReadResult& result) : m_undated_from(undated_from), m_result(result) {}

  CslEntry map(const RawRecord& raw) {
    CslEntry entry;
    entry.at = raw.at;
    const auto source = find_csl_source(raw.source.text);
    if (!source) {
      throw data_error(raw.source.at,
                       raw.source.text.empty() ? std::string("a record without a source list")
                                               : fmt::format("unknown CSL source \"{}\"", raw.source.text),
                       k_source_hint);
    }
    entry.source = *source;
    Listing& listing = entry.listing;
    listing.list = std::string(source->list);
    if (raw.name.text.empty()) {
      throw data_error(raw.name.at, "a record without a name", "every CSL record names the listed party");
    }
    listing.name = raw.name.text;
    for (const auto& alias : raw.alt_names) {
      if (alias != listing.name) {
        listing.aliases.push_back(alias);
      }
    }
    listing.type = entity_type(raw.type);
    listing.source_key = source_key(raw, *source);
    if (!m_keys.insert(*listing.source_key).second) {
      throw data_error(raw.at, fmt::format("source key {} appears twice", *listing.source_key),
                       "each record of a source has its own entity number (or id)");
    }
    for (const auto& address : raw.addresses) {
      std::string text = address.text;
      const AddressCountry country = read_address_country(address.country);
      if (country.kind == AddressCountry::Kind::mapped) {
        // A country written by name ends the address with its code instead, as in the JSON,
        // so that the CSV and the JSON of one list give the same entries.
        text.replace(text.size() - address.country.size(), address.country.size(), country.country->code());
        listing.country = listing.country.value_or(*country.country);
      } else if (country.kind == AddressCountry::Kind::unmapped) {
        note_unmapped(address);
      }
      listing.addresses.push_back(std::move(text));
    }
    listing.license_requirement = optional_text(raw.license_requirement);
    listing.license_policy = optional_text(raw.license_policy);
    const std::optional<Date> start = date_of("start_date", raw.start_date);
    entry.start_given = start.has_value();
    listing.valid.from = start.value_or(m_undated_from);
    listing.valid.to = date_of("end_date", raw.end_date);
    if (listing.valid.to && *listing.valid.to <= listing.valid.from) {
      throw data_error(raw.end_date.at,
                       fmt::format("end_date {} is not after the start {}", listing.valid.to->to_string(),
                                   listing.valid.from.to_string()),
                       entry.start_given ? "a listing ends after it starts"
                                         : "the record has no start_date, so it starts on the import's --as-of date");
    }
    entry.citations = fr_citations(raw.federal_register_notice.text);
    listing.note = note_of(raw);
    return entry;
  }

private:
  static EntityType entity_type(const Field& type) {
    if (type.text.empty()) {
      return EntityType::entity; // the BIS lists leave it empty
    }
    const auto parsed = parse_entity_type(lower(type.text));
    if (!parsed) {
      throw data_error(type.at, fmt::format("unknown type \"{}\"", type.text),
                       "a CSL type is Entity, Individual, Vessel or Aircraft, or empty");
    }
    return *parsed;
  }

  // Entity numbers repeat across the lists, so the key names the list too; the lists without
  // numbers (the BIS lists) have only the record's id.
  static std::string source_key(const RawRecord& raw, const CslSource& source) {
    if (!raw.entity_number.text.empty()) {
      return fmt::format("{}:{}", source.code, raw.entity_number.text);
    }
    if (!raw.id.text.empty()) {
      return fmt::format("{}:{}", source.code, raw.id.text);
    }
    throw data_error(raw.at, "a record with neither an entity_number nor an id",
                     "a CSL record is known by its source list and its entity number, or its id");
  }

  static std::optional<std::string> optional_text(const Field& field) {
    return field.text.empty() ? std::nullopt : std::optional<std::string>(field.text);
  }

  static std::optional<Date> date_of(std::string_view name, const Field& field) {
    if (field.text.empty()) {
      return std::nullopt;
    }
    auto date = Date::parse(field.text);
    if (!date) {
      throw data_error(field.at, fmt::format("{} \"{}\": {}", name, field.text, date.error().message),
                       date.error().hint);
    }
    return *date;
  }

  // What the listing model has no field for, and a reader of the entry wants to see.
  static std::optional<std::string> note_of(const RawRecord& raw) {
    std::vector<std::string> parts;
    if (!raw.programs.empty()) {
      parts.push_back(fmt::format("programs: {}", fmt::join(raw.programs, "; ")));
    }
    if (!raw.title.text.empty()) {
      parts.push_back(fmt::format("title: {}", raw.title.text));
    }
    if (!raw.federal_register_notice.text.empty()) {
      parts.push_back(fmt::format("FR notice: {}", raw.federal_register_notice.text));
    }
    if (!raw.remarks.text.empty()) {
      parts.push_back(fmt::format("remarks: {}", raw.remarks.text));
    }
    if (parts.empty()) {
      return std::nullopt;
    }
    return fmt::format("{}", fmt::join(parts, " | "));
  }

  void note_unmapped(const RawAddress& address) {
    auto& unmapped = m_result.unmapped_countries;
    auto seen = std::ranges::find(unmapped, address.country, &UnmappedCountry::text);
    if (seen == unmapped.end()) {
      unmapped.push_back(UnmappedCountry{address.country, 1, address.at});
    } else {
      ++seen->count;
    }
  }

  Date m_undated_from;
  CslReadResult& m_result;
  std::unordered_set<std::string> m_keys;
};

// The bulk CSV: columns by name, multi-valued cells packed with ";".
class CsvRecords {
public:
  CsvRecords(std::istream& in, const std::string& file_name) : m_table(in, file_name) {
    for (const char* required : {"source", "name"}) {
      if (!m_table.column(required)) {
        throw data_error({file_name, 1, 0}, fmt::format("the header has no column \"{}\"", required),
                         "a CSL file's header names its 29 columns: _id,source,entity_number,type,programs,name,…");
      }
    }
  }

  bool next(RawRecord& raw) {
    if (!m_table.next(m_record)) {
      return false;
    }
    raw = RawRecord{};
    raw.at = SourcePosition{m_table.file_name(), m_record.line, 1};
    raw.id = field("_id");
    raw.source = field("source");
    raw.entity_number = field("entity_number");
    raw.type = field("type");
    raw.name = field("name");
    raw.title = field("title");
    raw.federal_register_notice = field("federal_register_notice");
    raw.start_date = field("start_date");
    raw.end_date = field("end_date");
    raw.license_requirement = field("license_requirement");
    raw.license_policy = field("license_policy");
    raw.remarks = field("remarks");
    raw.programs = split_packed(field("programs").text);
    raw.alt_names = split_packed(field("alt_names").text);
    const Field addresses = field("addresses");
    for (const auto& address : split_packed(addresses.text)) {
      raw.addresses.push_back(packed_address(address, addresses.at));
    }
    return true;
  }

private:
  Field field(std::string_view name) const {
    const auto column = m_table.column(name);
    if (!column) {
      return Field{{}, SourcePosition{m_table.file_name(), m_record.line, 1}};
    }
    return Field{std::string(trimmed(m_record.fields[*column])), m_record.position(*column)};
  }

  CsvTable m_table;
  CsvRecord m_record;
};

// The JSON: the same fields, lists as arrays and addresses as objects.
class JsonRecord {
public:
  JsonRecord(const json& object, const SourcePosition& at) : m_object(object), m_at(at) {}

  RawRecord read() const {
    RawRecord raw;
    raw.at = m_at;
    raw.id = text("id");
    if (raw.id.text.empty()) {
      raw.id = text("_id");
    }
    raw.source = text("source");
    raw.entity_number = text("entity_number");
    raw.type = text("type");
    raw.name = text("name");
    raw.title = text("title");
    raw.federal_register_notice = text("federal_register_notice");
    raw.start_date = text("start_date");
    raw.end_date = text("end_date");
    raw.license_requirement = text("license_requirement");
    raw.license_policy = text("license_policy");
    raw.remarks = text("remarks");
    raw.programs = texts("programs");
    raw.alt_names = texts("alt_names");
    raw.addresses = addresses();
    return raw;
  }

private:
  const json* member(std::string_view key) const {
    const auto found = m_object.find(key);
    return found == m_object.end() || found->is_null() ? nullptr : &*found;
  }

  Error wrong_type(std::string_view key, const json& value, std::string_view expected) const {
    return data_error(m_at, fmt::format("{} is {}, where {} is expected", key, value.type_name(), expected),
                      "the CSL JSON has the columns of its CSV as fields; lists are arrays");
  }

  Field text(std::string_view key) const {
    const json* value = member(key);
    if (value == nullptr) {
      return Field{{}, m_at};
    }
    if (value->is_string()) {
      return Field{std::string(trimmed(value->get_ref<const std::string&>())), m_at};
    }
    if (value->is_number_integer()) { // entity numbers, when written as numbers
      return Field{value->dump(), m_at};
    }
    throw wrong_type(key, *value, "text");
  }

  // A list is an array of texts; a packed text, as in the CSV, is read the same way.
  std::vector<std::string> texts(std::string_view key) const {
    const json* value = member(key);
    if (value == nullptr) {
      return {};
    }
    if (value->is_string()) {
      return split_packed(value->get_ref<const std::string&>());
    }
    if (!value->is_array()) {
      throw wrong_type(key, *value, "an array of texts");
    }
    std::vector<std::string> result;
    for (const auto& element : *value) {
      if (!element.is_string()) {
        throw wrong_type(fmt::format("an element of {}", key), element, "text");
      }
      std::string part(trimmed(element.get_ref<const std::string&>()));
      if (!part.empty() && std::ranges::find(result, part) == result.end()) {
        result.push_back(std::move(part));
      }
    }
    return result;
  }

  std::vector<RawAddress> addresses() const {
    const json* value = member("addresses");
    if (value == nullptr) {
      return {};
    }
    std::vector<RawAddress> result;
    if (value->is_string()) {
      for (const auto& address : split_packed(value->get_ref<const std::string&>())) {
        result.push_back(packed_address(address, m_at));
      }
      return result;
    }
    if (!value->is_array()) {
      throw wrong_type("addresses", *value, "an array of address objects");
    }
    for (const auto& element : *value) {
      if (!element.is_object()) {
        throw wrong_type("an element of addresses", element, "an object");
      }
      const JsonRecord address(element, m_at);
      std::vector<std::string> parts;
      for (const char* part : {"address", "city", "state", "postal_code", "country"}) {
        std::string text = address.text(part).text;
        if (!text.empty()) {
          parts.push_back(std::move(text));
        }
      }
      if (!parts.empty()) {
        result.push_back(RawAddress{fmt::format("{}", fmt::join(parts, ", ")), address.text("country").text, m_at});
      }
    }
    return result;
  }

  const json& m_object;
  SourcePosition m_at;
};

} // namespace

const std::vector<CslSource>& csl_sources() {
  static const std::vector<CslSource> sources{
      {"EL", "Entity List", "Entity List (EL) - Bureau of Industry and Security"},
      {"DPL", "Denied Persons List", "Denied Persons List (DPL) - Bureau of Industry and Security"},
      {"UVL", "Unverified List", "Unverified List (UVL) - Bureau of Industry and Security"},
      {"MEU", "Military End User List", "Military End User (MEU) List - Bureau of Industry and Security"},
      {"ISN", "Nonproliferation Sanctions", "Nonproliferation Sanctions (ISN) - State Department"},
      {"DTC", "ITAR Debarred", "ITAR Debarred (DTC) - State Department"},
      {"SDN", "SDN", "Specially Designated Nationals (SDN) - Treasury Department"},
      {"FSE", "Foreign Sanctions Evaders", "Foreign Sanctions Evaders (FSE) - Treasury Department"},
      {"SSI", "Sectoral Sanctions Identifications List",
       "Sectoral Sanctions Identifications List (SSI) - Treasury Department"},
      {"PLC", "Palestinian Legislative Council List",
       "Palestinian Legislative Council List (PLC) - Treasury Department"},
      {"CAP", "CAPTA List", "Capta List (CAP) - Treasury Department"},
      {"CMIC", "Chinese Military-Industrial Complex Companies List",
       "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department"},
      {"MBS", "Menu-Based Sanctions List", "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"},
  };
  return sources;
}

std::optional<CslSource> find_csl_source(std::string_view text) {
  text = trimmed(text);
  const auto& sources = csl_sources();
  auto by_code = [&](std::string_view code) -> std::optional<CslSource> {
    for (const auto& alias : k_code_aliases) {
      if (same_letters(alias.alias, code)) {
        code = alias.code;
      }
    }
    const auto found = std::ranges::find_if(sources, [&](const CslSource& s) { return same_letters(s.code, code); });
    return found == sources.end() ? std::nullopt : std::optional<CslSource>(*found);
  };
  const auto whole = std::ranges::find_if(
      sources, [&](const CslSource& s) { return same_letters(s.name, text) || same_letters(s.list, text); });
  if (whole != sources.end()) {
    return *whole;
  }
  if (auto source = by_code(text)) {
    return source;
  }
  // A name of another wording still carries its code in brackets ("… List (SSI) - …") or
  // starts with it ("CAPTA (Correspondent Account …) - …").
  if (auto source = by_code(text.substr(0, text.find(' ')))) {
    return source;
  }
  const auto open = text.find('(');
  const auto close = text.find(')', open);
  if (open != std::string_view::npos && close != std::string_view::npos) {
    return by_code(trimmed(text.substr(open + 1, close - open - 1)));
  }
  return std::nullopt;
}

AddressCountry read_address_country(std::string_view text) {
  text = trimmed(text);
  if (text.empty() || std::ranges::any_of(text, [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return {};
  }
  if (text.size() == 2) {
    const auto code = Jurisdiction::parse(text);
    if (code && !code->is_all()) {
      return {AddressCountry::Kind::mapped, *code};
    }
    return {AddressCountry::Kind::unmapped, std::nullopt};
  }
  if (auto named = Jurisdiction::find_by_name(text)) {
    return {AddressCountry::Kind::mapped, *named};
  }
  const std::string name = lower(text);
  const auto alias = std::ranges::find(k_country_aliases, name, &CountryAlias::name);
  if (alias != k_country_aliases.end()) {
    return {AddressCountry::Kind::mapped, *Jurisdiction::parse(alias->code)};
  }
  return {AddressCountry::Kind::unmapped, std::nullopt};
}

std::vector<std::string> fr_citations(std::string_view notice) {
  static const std::regex k_citation(R"((\d+)\s*F\.?\s?R\.?\s+(\d+))");
  std::vector<std::string> citations;
  const std::string text(notice);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), k_citation); it != std::sregex_iterator(); ++it) {
    std::string citation = fmt::format("{} FR {}", (*it)[1].str(), (*it)[2].str());
    if (std::ranges::find(citations, citation) == citations.end()) {
      citations.push_back(std::move(citation));
    }
  }
  return citations;
}

CslReadResult read_csl(std::istream& in, const std::string& file_name, CslFormat format, Date undated_from,
                       const std::function<void(CslEntry&&)>& visit) {
  CslReadResult result;
  Mapper mapper(undated_from, result);
  if (format == CslFormat::json) {
    read_json_records(in, file_name, "results", [&](const json& object, const SourcePosition& at) {
      visit(mapper.map(JsonRecord(object, at).read()));
      ++result.records;
    });
    return result;
  }
  CsvRecords records(in, file_name);
  RawRecord raw;
  while (records.next(raw)) {
    visit(mapper.map(raw));
    ++result.records;
  }
  return result;
}

} // namespace tw::io
