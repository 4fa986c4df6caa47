#include "io/hts_json.hpp"

#include "io/json_records.hpp"
#include "io/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <unordered_set>
#include <variant>

namespace tw::io {

namespace {

using nlohmann::json;

const char* const k_row_hint = "an HTS JSON row has htsno, indent, description, general, footnotes, … as the "
                               "USITC export writes them";

// What a row says about its rate: none, a rate, or a text that cannot be read (and why).
struct Unreadable {
  std::string text;
  std::string reason;
};
using RateState = std::variant<std::monostate, Rate, Unreadable>;

// A row above the current one in the indented tree of the schedule.
struct Parent {
  int indent = 0;
  std::string hts; // as written; empty for a row of text only
  RateState rate;
  std::optional<ProductCode> line_code; // the code of the line that holds `rate`, if one does
};

class Row {
public:
  Row(const json& object, const SourcePosition& at) : m_object(object), m_at(at) {}

  std::string text(std::string_view key) const {
    const auto found = m_object.find(key);
    if (found == m_object.end() || found->is_null()) {
      return {};
    }
    if (!found->is_string()) {
      throw data_error(m_at, fmt::format("{} is {}, where text is expected", key, found->type_name()), k_row_hint);
    }
    return std::string(trimmed(found->get_ref<const std::string&>()));
  }

  int indent() const {
    const auto found = m_object.find("indent");
    if (found == m_object.end() || found->is_null()) {
      throw data_error(m_at, "a row without an indent", k_row_hint);
    }
    if (found->is_number_unsigned()) {
      return found->get<int>();
    }
    const std::string value = found->is_string() ? std::string(trimmed(found->get_ref<const std::string&>())) : "";
    if (value.empty() || value.size() > 2 ||
        !std::ranges::all_of(value, [](unsigned char c) { return std::isdigit(c) != 0; })) {
      throw data_error(m_at, fmt::format("indent {} is not a level (0, 1, 2, …)", found->dump()), k_row_hint);
    }
    return std::stoi(value);
  }

  // The footnotes on the general rate that point to a chapter 99 heading.
  std::optional<std::string> chapter_99_note() const {
    static const std::regex k_heading(R"(\b99\d\d\.\d\d\.\d\d)");
    const auto found = m_object.find("footnotes");
    if (found == m_object.end() || found->is_null()) {
      return std::nullopt;
    }
    if (!found->is_array()) {
      throw data_error(m_at, fmt::format("footnotes is {}, where an array is expected", found->type_name()),
                       k_row_hint);
    }
    std::vector<std::string> notes;
    for (const auto& footnote : *found) {
      if (!footnote.is_object()) {
        throw data_error(m_at, fmt::format("a footnote is {}, where an object is expected", footnote.type_name()),
                         k_row_hint);
      }
      const Row note(footnote, m_at);
      const std::string value = note.text("value");
      if (note.names_general_column() && std::regex_search(value, k_heading) &&
          std::ranges::find(notes, value) == notes.end()) {
        notes.push_back(value);
      }
    }
    if (notes.empty()) {
      return std::nullopt;
    }
    return fmt::format("{}", fmt::join(notes, " "));
  }

private:
  bool names_general_column() const {
    const auto columns = m_object.find("columns");
    if (columns == m_object.end() || !columns->is_array()) {
      return false;
    }
    return std::ranges::any_of(*columns, [](const json& column) { return column == "general"; });
  }

  const json& m_object;
  SourcePosition m_at;
};

class HtsReader {
public:
  HtsReader(HtsReadResult& result, const std::function<void(HtsLine&&)>& visit) : m_result(result), m_visit(visit) {}

  void read(const json& object, const SourcePosition& at) {
    ++m_result.rows;
    const Row row(object, at);
    Parent self{row.indent(), row.text("htsno"), {}, std::nullopt};
    while (!m_parents.empty() && m_parents.back().indent >= self.indent) {
      m_parents.pop_back();
    }
    std::optional<ProductCode> code;
    if (!self.hts.empty()) {
      auto parsed = ProductCode::parse(self.hts);
      if (!parsed || parsed->digits().size() < 4) {
        throw data_error(at,
                         fmt::format("htsno \"{}\": {}", self.hts,
                                     parsed ? "an HTS number has at least 4 digits" : parsed.error().message),
                         "an HTS number is a heading (8703), subheading (8703.80) or line (8703.80.00, "
                         "8703.80.00.10), or empty for a row of text");
      }
      if (!m_seen.insert(parsed->digits()).second) {
        throw data_error(at, fmt::format("htsno {} appears twice", self.hts), "each HTS number has one row");
      }
      code = *parsed;
    }
    if (code && code->digits().starts_with("99")) {
      ++m_result.chapter_99_rows; // additional duties of other authorities, not the MFN layer
      m_parents.push_back(std::move(self));
      return;
    }
    const std::string general = row.text("general");
    if (!general.empty()) {
      auto rate = parse_hts_rate(general);
      if (rate) {
        self.rate = *rate;
      } else {
        self.rate = Unreadable{general, rate.error().message};
      }
    }
    if (code) {
      emit(self, *code, row.chapter_99_note(), at);
    }
    m_parents.push_back(std::move(self));
  }

private:
  const Parent* rate_parent() const {
    for (auto it = m_parents.rbegin(); it != m_parents.rend(); ++it) {
      if (!std::holds_alternative<std::monostate>(it->rate)) {
        return &*it;
      }
    }
    return nullptr;
  }

  void emit(Parent& self, const ProductCode& code, std::optional<std::string> note, const SourcePosition& at) {
    bool inherited = false;
    if (std::holds_alternative<std::monostate>(self.rate)) {
      const Parent* parent = rate_parent();
      if (parent == nullptr) {
        return; // a heading without a rate: nothing to load
      }
      self.rate = parent->rate;
      self.line_code = parent->line_code;
      inherited = true;
      if (parent->line_code && parent->line_code->covers(code) && !note) {
        return; // the parent's line covers it already
      }
    }
    if (const auto* unreadable = std::get_if<Unreadable>(&self.rate)) {
      m_result.unread.push_back(HtsUnreadRate{
          self.hts, unreadable->text,
          inherited ? fmt::format("inherited from a parent: {}", unreadable->reason) : unreadable->reason, at});
      return;
    }
    self.line_code = code;
    m_visit(HtsLine{code, code.digits().substr(0, 2), std::get<Rate>(self.rate), inherited, std::move(note), at});
  }

  HtsReadResult& m_result;
  const std::function<void(HtsLine&&)>& m_visit;
  std::vector<Parent> m_parents;
  std::unordered_set<std::string> m_seen;
};

} // namespace

std::expected<Rate, ParseError> parse_hts_rate(std::string_view text) {
  std::string normal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool no_break_space = text.substr(i, 2) == "\xC2\xA0";
    const bool space = no_break_space || std::isspace(static_cast<unsigned char>(text[i])) != 0;
    if (!space) {
      normal += text[i];
    } else if (!normal.empty() && normal.back() != ' ') {
      normal += ' ';
    }
    i += no_break_space ? 1 : 0;
  }
  // A footnote marker "1/" may trail the rate in HTS text; no rate ends with a slash.
  if (normal.ends_with('/')) {
    const auto digits = normal.find_last_not_of("0123456789", normal.size() - 2);
    if (digits != std::string::npos && digits + 2 < normal.size()) {
      normal.erase(digits + 1);
    }
  }
  while (!normal.empty() && normal.back() == ' ') {
    normal.pop_back();
  }
  return Rate::parse(normal);
}

HtsReadResult read_hts_json(std::istream& in, const std::string& file_name,
                            const std::function<void(HtsLine&&)>& visit) {
  HtsReadResult result;
  HtsReader reader(result, visit);
  read_json_records(in, file_name, "results",
                    [&](const json& object, const SourcePosition& at) { reader.read(object, at); });
  return result;
}

} // namespace tw::io
