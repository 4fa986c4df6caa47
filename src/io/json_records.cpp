#include "io/json_records.hpp"

#include "io/json_stream.hpp"
#include "store/interrupt.hpp"

#include <fmt/format.h>

#include <regex>
#include <vector>

namespace tw::io {

namespace {

using nlohmann::json;

// Builds the document's values as they are parsed, except the records: each object of the
// records array is handed to the visitor when it closes and then dropped.
class RecordSax {
public:
  RecordSax(const std::string& file, const std::size_t& line, std::string_view array_key, const ObjectVisitor& visit)
      : m_file(file), m_line(line), m_array_key(array_key), m_visit(visit) {}

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(json::number_integer_t v) { return value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(v); }
  bool number_float(json::number_float_t v, const std::string& /*text*/) { return value(v); }
  bool string(std::string& v) { return value(std::move(v)); }
  bool binary(json::binary_t& v) { return value(std::move(v)); }

  bool start_object(std::size_t /*size*/) {
    m_open.push_back(Open{json::object(), {}, false, m_line});
    return true;
  }
  bool key(std::string& name) {
    m_open.back().key = std::move(name);
    return true;
  }
  bool start_array(std::size_t /*size*/) {
    if (in_records()) {
      throw not_an_object("array");
    }
    // The records are the top-level array, or the array under the key in the top-level object.
    const bool records = m_open.empty() || (m_open.size() == 1 && m_open[0].key == m_array_key);
    m_open.push_back(Open{json::array(), {}, records, m_line});
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool parse_error(std::size_t /*position*/, const std::string& /*token*/, const nlohmann::detail::exception& error) {
    // "[json.exception.parse_error.101] parse error at line 2, column 5: syntax error …": the
    // column goes into the position, the rest into the message.
    static const std::regex k_where(R"(^\[[^\]]*\] (?:parse error at line \d+, column (\d+)|parse error)?:? *)");
    const std::string what = error.what();
    std::smatch where;
    std::size_t column = 0;
    std::string message = what;
    if (std::regex_search(what, where, k_where)) {
      column = where[1].matched ? std::stoul(where[1].str()) : 0;
      message = where.suffix().str();
    }
    throw data_error({m_file, m_line, column}, fmt::format("invalid JSON: {}", message));
  }

private:
  struct Open {
    json value;
    std::string key; // the member being read, when `value` is an object
    bool records = false;
    std::size_t line = 0;
  };

  bool in_records() const { return !m_open.empty() && m_open.back().records; }

  Error not_an_object(std::string_view type) const {
    return data_error({m_file, m_line, 0}, fmt::format("a record is {}, not an object", type));
  }

  bool value(json v) {
    if (m_open.empty()) {
      throw data_error({m_file, m_line, 0}, fmt::format("the file holds {}, not records", v.type_name()));
    }
    if (in_records()) {
      throw not_an_object(v.type_name());
    }
    add(std::move(v));
    return true;
  }

  bool close() {
    Open done = std::move(m_open.back());
    m_open.pop_back();
    if (done.records) {
      m_saw_records = true;
    } else if (in_records()) {
      store::throw_if_interrupted();
      m_visit(done.value, SourcePosition{m_file, done.line, 0});
    } else if (!m_open.empty()) {
      add(std::move(done.value));
    } else if (!m_saw_records) {
      m_visit(done.value, SourcePosition{m_file, done.line, 0}); // one object: the one record
    }
    return true;
  }

  void add(json v) {
    Open& parent = m_open.back();
    if (parent.value.is_object()) {
      parent.value[parent.key] = std::move(v);
    } else {
      parent.value.push_back(std::move(v));
    }
  }

  const std::string& m_file;
  const std::size_t& m_line;
  std::string_view m_array_key;
  const ObjectVisitor& m_visit;
  std::vector<Open> m_open;
  bool m_saw_records = false;
};

} // namespace

void read_json_records(std::istream& in, const std::string& file_name, std::string_view array_key,
                       const ObjectVisitor& visit) {
  std::size_t line = 1;
  const int first = skip_to_first_character(in, line);
  if (first != '[' && first != '{') {
    throw data_error({file_name, line, 1}, "not JSON: the file starts with neither [ nor {",
                     "the file is a JSON array of records or an object that holds them");
  }
  RecordSax sax(file_name, line, array_key, visit);
  json::sax_parse(LineCountingIterator(in, &line), LineCountingIterator(), &sax);
}

} // namespace tw::io
