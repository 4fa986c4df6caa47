#include "io/fr_json.hpp"

#include "io/json_records.hpp"
#include "io/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace tw::io {

namespace {

using nlohmann::json;

const char* const k_document_hint = "a Federal Register document as its API gives it: document_number, title, "
                                    "type, agencies, publication_date, effective_on, volume, start_page, html_url";

class Document {
public:
  Document(const json& object, const SourcePosition& at) : m_object(object), m_at(at) {}

  const json* member(std::string_view key) const {
    const auto found = m_object.find(key);
    return found == m_object.end() || found->is_null() ? nullptr : &*found;
  }

  Error wrong(std::string_view key, const json& value, std::string_view expected) const {
    return data_error(m_at, fmt::format("{} is {}, where {} is expected", key, value.type_name(), expected),
                      k_document_hint);
  }

  std::optional<std::string> text(std::string_view key) const {
    const json* value = member(key);
    if (value == nullptr) {
      return std::nullopt;
    }
    if (!value->is_string()) {
      throw wrong(key, *value, "text");
    }
    std::string result(trimmed(value->get_ref<const std::string&>()));
    return result.empty() ? std::nullopt : std::optional<std::string>(std::move(result));
  }

  std::string required_text(std::string_view key) const {
    auto value = text(key);
    if (!value) {
      throw data_error(m_at, fmt::format("a document without a {}", key), k_document_hint);
    }
    return *value;
  }

  std::optional<Date> date(std::string_view key) const {
    const auto value = text(key);
    if (!value) {
      return std::nullopt;
    }
    auto parsed = Date::parse(*value);
    if (!parsed) {
      throw data_error(m_at, fmt::format("{} \"{}\": {}", key, *value, parsed.error().message), parsed.error().hint);
    }
    return *parsed;
  }

  // Volumes and pages are numbers in the API; digits in a text are read the same.
  std::optional<long long> number(std::string_view key) const {
    const json* value = member(key);
    if (value == nullptr) {
      return std::nullopt;
    }
    if (value->is_number_unsigned()) {
      return value->get<long long>();
    }
    if (value->is_string()) {
      const std::string_view digits = trimmed(value->get_ref<const std::string&>());
      if (!digits.empty() && digits.size() < 10 &&
          std::ranges::all_of(digits, [](unsigned char c) { return std::isdigit(c) != 0; })) {
        return std::stoll(std::string(digits));
      }
    }
    throw wrong(key, *value, "a positive whole number");
  }

  std::vector<std::string> agencies() const {
    const json* value = member("agencies");
    if (value == nullptr) {
      return {};
    }
    if (!value->is_array()) {
      throw wrong("agencies", *value, "an array");
    }
    std::vector<std::string> names;
    for (const auto& element : *value) {
      if (!element.is_object()) {
        throw wrong("an agency", element, "an object");
      }
      const Document agency(element, m_at);
      auto name = agency.text("name");
      if (!name) {
        name = agency.text("raw_name");
      }
      if (name && std::ranges::find(names, *name) == names.end()) {
        names.push_back(std::move(*name));
      }
    }
    return names;
  }

private:
  const json& m_object;
  SourcePosition m_at;
};

} // namespace

FrDocument fr_document(const json& object, const SourcePosition& at) {
  const Document document(object, at);
  FrDocument result;
  result.at = at;
  Act& act = result.act;
  const std::string number = document.required_text("document_number");
  if (std::ranges::any_of(number, [](unsigned char c) { return std::isspace(c) != 0 || c == '/'; })) {
    throw data_error(at, fmt::format("document_number \"{}\" is not a document number", number),
                     "a Federal Register document number reads like 2024-21217");
  }
  result.number = number;
  act.id = "fr-" + number;
  act.imposer = *Jurisdiction::parse("US");
  act.document_number = number;
  result.effective_on = document.date("effective_on");

  std::vector<std::string> about;
  if (auto type = document.text("type")) {
    about.push_back(std::move(*type));
  }
  const auto agencies = document.agencies();
  if (!agencies.empty()) {
    about.push_back(fmt::format("{}", fmt::join(agencies, ", ")));
  }
  if (result.effective_on) {
    about.push_back("effective " + result.effective_on->to_string());
  }
  act.title = document.required_text("title");
  if (!about.empty()) {
    act.title += fmt::format(" ({})", fmt::join(about, "; "));
  }

  const auto volume = document.number("volume");
  const auto start_page = document.number("start_page");
  if (volume && start_page) {
    act.citation = fmt::format("{} FR {}", *volume, *start_page);
  } else {
    act.citation = document.text("citation");
  }
  act.url = document.text("html_url");
  act.published = document.date("publication_date");
  act.announced = document.date("signing_date");
  return result;
}

std::size_t read_fr_json(std::istream& in, const std::string& file_name,
                         const std::function<void(FrDocument&&)>& visit) {
  std::size_t documents = 0;
  read_json_records(in, file_name, "results", [&](const json& object, const SourcePosition& at) {
    visit(fr_document(object, at));
    ++documents;
  });
  return documents;
}

} // namespace tw::io
