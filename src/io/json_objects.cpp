#include "io/json_objects.hpp"

#include "io/json_stream.hpp"
#include "store/interrupt.hpp"

#include <fmt/format.h>

#include <vector>

namespace tw::io {

namespace {

const char* const k_json_hint = "a JSON file is an array of objects; an NDJSON file has one object a line";

// Builds each element of the top-level array in turn and hands it to the visitor.
class ArraySax {
public:
  ArraySax(const std::string& file, const std::size_t& line, const ObjectVisitor& visit)
      : m_file(file), m_line(line), m_visit(visit) {}

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(nlohmann::json::number_integer_t v) { return value(v); }
  bool number_unsigned(nlohmann::json::number_unsigned_t v) { return value(v); }
  bool number_float(nlohmann::json::number_float_t v, const std::string& /*text*/) { return value(v); }
  bool string(std::string& v) { return value(std::move(v)); }
  bool binary(nlohmann::json::binary_t& v) { return value(std::move(v)); }

  bool start_object(std::size_t /*size*/) { return open(nlohmann::json::object()); }
  bool key(std::string& name) {
    m_key = std::move(name);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t /*size*/) {
    if (!m_in_top_array) {
      m_in_top_array = true;
      return true;
    }
    return open(nlohmann::json::array());
  }
  bool end_array() { return m_stack.empty() ? true : close(); }

  bool parse_error(std::size_t /*position*/, const std::string& /*token*/, const nlohmann::detail::exception& error) {
    throw data_error({m_file, m_line, 0}, fmt::format("invalid JSON: {}", strip(error.what())), k_json_hint);
  }

private:
  static std::string strip(const std::string& what) {
    // "[json.exception.parse_error.101] parse error at line 1, column 5: …" → after the id.
    const auto bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
  }

  bool value(nlohmann::json v) {
    if (!m_in_top_array) {
      throw data_error({m_file, m_line, 0}, "the file is not an array of objects", k_json_hint);
    }
    if (m_stack.empty()) {
      throw data_error({m_file, m_line, 0}, fmt::format("an array element is {}, not an object", v.type_name()),
                       k_json_hint);
    }
    insert(std::move(v));
    return true;
  }

  bool open(nlohmann::json container) {
    if (m_stack.empty()) {
      if (!m_in_top_array || !container.is_object()) {
        throw data_error({m_file, m_line, 0}, "an array element is not an object", k_json_hint);
      }
      m_element = std::move(container);
      m_element_line = m_line;
      m_stack.push_back(&m_element);
      return true;
    }
    m_stack.push_back(insert(std::move(container)));
    return true;
  }

  bool close() {
    m_stack.pop_back();
    if (m_stack.empty()) {
      store::throw_if_interrupted();
      m_visit(m_element, SourcePosition{m_file, m_element_line, 0});
      m_element = nullptr;
    }
    return true;
  }

  nlohmann::json* insert(nlohmann::json v) {
    nlohmann::json& parent = *m_stack.back();
    if (parent.is_object()) {
      return &(parent[m_key] = std::move(v));
    }
    parent.push_back(std::move(v));
    return &parent.back();
  }

  const std::string& m_file;
  const std::size_t& m_line;
  const ObjectVisitor& m_visit;
  bool m_in_top_array = false;
  std::vector<nlohmann::json*> m_stack;
  nlohmann::json m_element;
  std::size_t m_element_line = 0;
  std::string m_key;
};

void read_ndjson(std::istream& in, const std::string& file_name, std::size_t first_line, const ObjectVisitor& visit) {
  std::string text;
  for (std::size_t line = first_line; std::getline(in, text); ++line) {
    if (text.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    store::throw_if_interrupted();
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
      throw data_error({file_name, line, error.byte}, "invalid JSON on this line", k_json_hint);
    }
    if (!object.is_object()) {
      throw data_error({file_name, line, 1}, fmt::format("the line holds {}, not an object", object.type_name()),
                       k_json_hint);
    }
    visit(object, SourcePosition{file_name, line, 1});
  }
}

} // namespace

int skip_to_first_character(std::istream& in, std::size_t& line) {
  while (true) {
    const int c = in.peek();
    if (c == 0xEF) { // a UTF-8 byte order mark
      in.ignore(3);
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      line += c == '\n' ? 1 : 0;
      in.ignore(1);
    } else {
      return c;
    }
  }
}

void read_json_objects(std::istream& in, const std::string& file_name, const ObjectVisitor& visit) {
  std::size_t line = 1;
  const int first = skip_to_first_character(in, line);
  if (first == '{') {
    read_ndjson(in, file_name, line, visit);
    return;
  }
  if (first != '[') {
    throw data_error({file_name, line, 1}, "not JSON: the file starts with neither [ nor {", k_json_hint);
  }
  ArraySax sax(file_name, line, visit);
  nlohmann::json::sax_parse(LineCountingIterator(in, &line), LineCountingIterator(), &sax);
}

bool looks_like_json(std::istream& in) {
  const auto start = in.tellg();
  std::size_t lines = 0;
  const int first = skip_to_first_character(in, lines);
  in.clear();
  in.seekg(start);
  return first == '[' || first == '{';
}

} // namespace tw::io
