// The practical limit of loading a CSV file into SQLite on this machine, for `make bench`:
// one plain table of the file's columns (all text), one prepared INSERT stepped per row in one
// transaction, then the indexes tradewatch keeps on tariff lines, sorted as tradewatch sorts
// them (two helper threads, 2 MiB runs). No validation, no history.
//
// usage: minimal_loader FILE.csv DB
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "minimal_loader: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

void execute(sqlite3* db, const std::string& sql) {
  check(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), sql.c_str());
}

// Reads RFC 4180 records from a buffered file, one at a time.
class CsvFile {
public:
  explicit CsvFile(std::FILE* file) : m_file(file) {}

  bool next(std::vector<std::string>& fields) {
    fields.clear();
    int c = get();
    if (c == EOF) {
      return false;
    }
    std::string field;
    bool quoted = false;
    for (;; c = get()) {
      if (quoted) {
        if (c == '"') {
          const int following = get();
          if (following == '"') {
            field += '"';
            continue;
          }
          quoted = false;
          c = following;
        } else if (c != EOF) {
          field += static_cast<char>(c);
          continue;
        }
      }
      if (c == '"' && field.empty()) {
        quoted = true;
      } else if (c == ',') {
        fields.push_back(std::move(field));
        field.clear();
      } else if (c == '\n' || c == EOF) {
        if (!field.empty() && field.back() == '\r') {
          field.pop_back();
        }
        fields.push_back(std::move(field));
        return true;
      } else {
        field += static_cast<char>(c);
      }
    }
  }

private:
  int get() { return std::getc(m_file); }
  std::FILE* m_file;
};

} // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: minimal_loader FILE.csv DB\n");
    return 64;
  }
  std::FILE* file = std::fopen(argv[1], "rb");
  if (file == nullptr) {
    std::perror(argv[1]);
    return 66;
  }
  sqlite3* db = nullptr;
  check(db, sqlite3_open(argv[2], &db), "open");
  CsvFile csv(file);
  std::vector<std::string> header;
  if (!csv.next(header)) {
    std::fprintf(stderr, "minimal_loader: %s is empty\n", argv[1]);
    return 65;
  }
  std::string columns;
  std::string parameters;
  for (std::size_t i = 0; i < header.size(); ++i) {
    columns += (i == 0 ? "\"" : ", \"") + header[i] + "\" TEXT";
    parameters += (i == 0 ? "?" : ", ?");
  }
  execute(db, "CREATE TABLE tariff_lines (" + columns + ")");
  execute(db, "PRAGMA cache_size = -2048; PRAGMA threads = 2");
  execute(db, "BEGIN");
  sqlite3_stmt* insert = nullptr;
  const std::string sql = "INSERT INTO tariff_lines VALUES (" + parameters + ")";
  check(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &insert, nullptr), "prepare");
  std::vector<std::string> fields;
  while (csv.next(fields)) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      const int column = static_cast<int>(i) + 1;
      if (i < fields.size() && !fields[i].empty()) {
        sqlite3_bind_text(insert, column, fields[i].data(), static_cast<int>(fields[i].size()), SQLITE_STATIC);
      } else {
        sqlite3_bind_null(insert, column);
      }
    }
    check(db, sqlite3_step(insert), "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  execute(db, "CREATE INDEX tariff_lines_by_code ON tariff_lines (hs, origin)");
  execute(db, "CREATE INDEX tariff_lines_by_line ON tariff_lines (measure, origin, hs, company, \"from\", \"to\")");
  execute(db, "COMMIT");
  sqlite3_close(db);
  std::fclose(file);
  return 0;
}
