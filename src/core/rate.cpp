#include "core/rate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace tw {

namespace {

const char* const k_rate_hint =
    "a rate is a percentage (25%, 2.5%), Free, a specific duty (1.5¢/kg, $1.05/doz., EUR 90.045/100 kg) "
    "or a sum of them (4.4¢/kg + 6%)";

constexpr std::string_view k_cent = "\xC2\xA2"; // ¢ in UTF-8

struct Cursor {
  std::string_view text;
  std::size_t at;
  std::size_t end;

  void skip_spaces() {
    while (at < end && text[at] == ' ') {
      ++at;
    }
  }
  bool done() const { return at >= end; }
  bool take(std::string_view token) {
    if (text.substr(at, std::min(token.size(), end - at)) == token && token.size() <= end - at) {
      at += token.size();
      return true;
    }
    return false;
  }
  ParseError error(std::string message) const { return ParseError{std::move(message), at, k_rate_hint}; }
};

// Reads a non-negative decimal number scaled by 10^`decimals`, e.g. "2.5" with 3 → 2500.
std::expected<std::int64_t, ParseError> read_scaled(Cursor& cursor, int decimals) {
  if (!cursor.done() && cursor.text[cursor.at] == '-') {
    return std::unexpected(cursor.error("a rate cannot be negative"));
  }
  const std::size_t start = cursor.at;
  std::int64_t value = 0;
  int fraction_digits = -1;
  while (!cursor.done()) {
    const char c = cursor.text[cursor.at];
    if (c == '.' && fraction_digits < 0) {
      fraction_digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (fraction_digits >= 0 && ++fraction_digits > decimals) {
        return std::unexpected(cursor.error(fmt::format("at most {} decimals are kept here", decimals)));
      }
      value = value * 10 + (c - '0');
      if (value > 1'000'000'000'000) {
        return std::unexpected(cursor.error("number too large"));
      }
    } else {
      break;
    }
    ++cursor.at;
  }
  if (cursor.at == start || (cursor.at == start + 1 && fraction_digits == 0)) {
    Cursor at_start = cursor;
    at_start.at = start;
    return std::unexpected(at_start.error("expected a number"));
  }
  for (int i = std::max(fraction_digits, 0); i < decimals; ++i) {
    value *= 10;
  }
  return value;
}

bool is_currency_code(std::string_view text) {
  return text.size() == 3 && std::ranges::all_of(text, [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Reads "/kg", "/100 kg", "/doz." into `duty`.
std::expected<void, ParseError> read_basis(Cursor& cursor, SpecificDuty& duty) {
  cursor.skip_spaces();
  if (!cursor.take("/")) {
    return std::unexpected(cursor.error("a specific duty needs a unit, as in /kg"));
  }
  cursor.skip_spaces();
  if (!cursor.done() && std::isdigit(static_cast<unsigned char>(cursor.text[cursor.at]))) {
    auto per = read_scaled(cursor, 0);
    if (!per) {
      return std::unexpected(per.error());
    }
    if (*per == 0) {
      return std::unexpected(cursor.error("the quantity of a unit cannot be 0"));
    }
    duty.per = *per;
    cursor.skip_spaces();
  }
  const std::size_t start = cursor.at;
  // A unit starting with a digit would print as a quantity: `/1 0kg` is not `/0kg`.
  if (!cursor.done() && !std::isalpha(static_cast<unsigned char>(cursor.text[cursor.at]))) {
    return std::unexpected(cursor.error("a unit starts with a letter, as in /kg or /100 kg"));
  }
  while (!cursor.done() && cursor.text[cursor.at] != '+') {
    const auto c = static_cast<unsigned char>(cursor.text[cursor.at]);
    if (!std::isalnum(c) && c != '.' && c != ' ') {
      return std::unexpected(cursor.error("unexpected character in a unit"));
    }
    ++cursor.at;
  }
  std::string_view unit = cursor.text.substr(start, cursor.at - start);
  while (!unit.empty() && unit.back() == ' ') {
    unit.remove_suffix(1);
  }
  if (unit.empty()) {
    return std::unexpected(cursor.error("a specific duty needs a unit, as in /kg"));
  }
  duty.unit = std::string(unit);
  return {};
}

struct Term {
  std::optional<std::int64_t> ad_valorem_milli;
  std::optional<SpecificDuty> specific;
};

std::expected<Term, ParseError> read_term(Cursor& cursor) {
  cursor.skip_spaces();
  if (cursor.done()) {
    return std::unexpected(cursor.error("expected a rate"));
  }
  SpecificDuty duty;
  if (cursor.take("$")) {
    auto amount = read_scaled(cursor, 6);
    if (!amount) {
      return std::unexpected(amount.error());
    }
    duty.micros = *amount;
    duty.currency = "USD";
  } else if (cursor.end - cursor.at >= 3 && is_currency_code(cursor.text.substr(cursor.at, 3))) {
    duty.currency = std::string(cursor.text.substr(cursor.at, 3));
    cursor.at += 3;
    cursor.skip_spaces();
    auto amount = read_scaled(cursor, 6);
    if (!amount) {
      return std::unexpected(amount.error());
    }
    duty.micros = *amount;
  } else {
    auto number = read_scaled(cursor, 6);
    if (!number) {
      return std::unexpected(number.error());
    }
    cursor.skip_spaces();
    if (cursor.take("%")) {
      if (*number % 1000 != 0) {
        return std::unexpected(cursor.error("a percentage keeps at most 3 decimals"));
      }
      return Term{*number / 1000, std::nullopt};
    }
    if (cursor.take(k_cent)) {
      duty.micros = *number / 100;
      duty.currency = "USD";
      if (*number % 100 != 0) {
        return std::unexpected(cursor.error("a cent amount keeps at most 4 decimals"));
      }
    } else if (cursor.end - cursor.at >= 3 && is_currency_code(cursor.text.substr(cursor.at, 3))) {
      duty.currency = std::string(cursor.text.substr(cursor.at, 3));
      duty.micros = *number;
      cursor.at += 3;
    } else {
      return std::unexpected(cursor.error("expected %, ¢ or a currency code after the number"));
    }
  }
  auto basis = read_basis(cursor, duty);
  if (!basis) {
    return std::unexpected(basis.error());
  }
  return Term{std::nullopt, std::move(duty)};
}

std::string format_amount(const SpecificDuty& duty) {
  std::string amount;
  if (duty.currency == "USD" && duty.micros < 1'000'000) {
    amount = format_decimal(duty.micros, 4) + std::string(k_cent); // 1¢ is 10,000 micros
  } else if (duty.currency == "USD") {
    std::string dollars = format_decimal(duty.micros, 6);
    if (const auto dot = dollars.find('.'); dot != std::string::npos && dollars.size() - dot == 2) {
      dollars += '0'; // dollars keep whole cents: $1.50
    }
    amount = "$" + dollars;
  } else {
    amount = duty.currency + " " + format_decimal(duty.micros, 6);
  }
  const std::string per = duty.per == 1 ? std::string() : fmt::format("{} ", duty.per);
  return fmt::format("{}/{}{}", amount, per, duty.unit);
}

} // namespace

Rate::Rate(std::optional<std::int64_t> ad_valorem_milli, std::vector<SpecificDuty> specific)
    : m_ad_valorem_milli(ad_valorem_milli), m_specific(std::move(specific)) {
  std::ranges::sort(m_specific);
}

std::expected<Rate, ParseError> Rate::parse(std::string_view text) {
  Cursor whole{text, 0, text.size()};
  whole.skip_spaces();
  std::string lowered(text.substr(whole.at));
  while (!lowered.empty() && lowered.back() == ' ') {
    lowered.pop_back();
  }
  std::ranges::transform(lowered, lowered.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lowered == "free") {
    return free();
  }
  Rate result(std::nullopt, {});
  std::size_t start = 0;
  while (true) {
    std::size_t plus = text.find('+', start);
    const std::size_t end = plus == std::string_view::npos ? text.size() : plus;
    Cursor cursor{text, start, end};
    auto term = read_term(cursor);
    if (!term) {
      return std::unexpected(term.error());
    }
    cursor.skip_spaces();
    if (!cursor.done()) {
      return std::unexpected(cursor.error("unexpected text in a rate"));
    }
    if (term->ad_valorem_milli) {
      if (result.m_ad_valorem_milli) {
        return std::unexpected(ParseError{"a rate has at most one percentage", start, k_rate_hint});
      }
      result.m_ad_valorem_milli = term->ad_valorem_milli;
    } else {
      result = result.plus(Rate(std::nullopt, {*term->specific}));
    }
    if (plus == std::string_view::npos) {
      break;
    }
    start = plus + 1;
  }
  return result;
}

std::string format_decimal(std::int64_t value, int decimals) {
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) {
    scale *= 10;
  }
  // Written by hand into a buffer: every tariff line an import stores passes through here.
  const std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  const auto unit = static_cast<std::uint64_t>(scale);
  std::array<char, 48> text{};
  char* end = text.data();
  if (value < 0) {
    *end++ = '-';
  }
  end = std::to_chars(end, text.data() + text.size(), magnitude / unit).ptr;
  if (std::uint64_t fraction = magnitude % unit; fraction != 0) {
    *end++ = '.';
    char* const first = end;
    end += decimals;
    for (char* digit = end; digit != first; fraction /= 10) {
      *--digit = static_cast<char>('0' + fraction % 10);
    }
    while (end[-1] == '0') {
      --end;
    }
  }
  return std::string(text.data(), end);
}

std::string format_milli(std::int64_t milli) { return format_decimal(milli, 3); }

std::string Rate::to_string() const {
  // Appended part by part, without temporaries: an import writes the text of every line's rate.
  std::string text;
  for (const auto& duty : m_specific) {
    if (!text.empty()) {
      text += " + ";
    }
    text += format_amount(duty);
  }
  if (m_ad_valorem_milli) {
    // A lone 0% is Free; beside a specific part it stays, so the text reads back the same.
    if (text.empty() && *m_ad_valorem_milli == 0) {
      return "Free";
    }
    if (!text.empty()) {
      text += " + ";
    }
    text += format_milli(*m_ad_valorem_milli);
    text += '%';
  }
  return text;
}

Rate Rate::plus(const Rate& other) const {
  std::optional<std::int64_t> ad_valorem = m_ad_valorem_milli;
  if (other.m_ad_valorem_milli) {
    ad_valorem = ad_valorem.value_or(0) + *other.m_ad_valorem_milli;
  }
  std::vector<SpecificDuty> specific = m_specific;
  for (const auto& duty : other.m_specific) {
    auto same = std::ranges::find_if(specific, [&](const SpecificDuty& mine) { return mine.same_basis(duty); });
    if (same != specific.end()) {
      same->micros += duty.micros;
    } else {
      specific.push_back(duty);
    }
  }
  return Rate(ad_valorem, std::move(specific));
}

RateStep describe_step(std::int64_t old_milli, std::int64_t new_milli) {
  RateStep step{new_milli - old_milli, std::nullopt, std::nullopt};
  if (old_milli == 0) {
    return step;
  }
  if (new_milli == 0) {
    step.word = "removed";
  } else if (new_milli * 2 == old_milli) {
    step.word = "halved";
  } else if (new_milli % old_milli == 0) {
    static constexpr std::array<const char*, 6> k_words{"", "", "doubled", "tripled", "quadrupled", "quintupled"};
    const std::int64_t times = new_milli / old_milli;
    if (times >= 2 && times < static_cast<std::int64_t>(k_words.size())) {
      step.word = k_words[static_cast<std::size_t>(times)];
    }
  }
  // The factor to two decimals, rounded half up, without trailing zeros.
  const std::int64_t hundredths = (new_milli * 200 / old_milli + 1) / 2;
  step.factor = "×" + format_decimal(hundredths, 2);
  return step;
}

} // namespace tw
