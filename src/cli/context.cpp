#include "cli/context.hpp"

#include "cli/output.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sys/ioctl.h>
#include <unistd.h>

namespace tw::cli {

namespace {

std::int64_t epoch_seconds() {
  if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH"); fixed != nullptr && *fixed != '\0') {
    char* end = nullptr;
    const long long seconds = std::strtoll(fixed, &end, 10);
    if (end != nullptr && *end == '\0') {
      return seconds;
    }
    throw Error(ExitCode::usage, fmt::format("SOURCE_DATE_EPOCH \"{}\" is not a number of seconds", fixed));
  }
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Columns for text output: $COLUMNS, else the terminal's width when output goes to one, else
// no limit.
std::size_t text_width(bool to_terminal) {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const int value = std::atoi(columns);
    if (value > 0) {
      return static_cast<std::size_t>(value);
    }
  }
  winsize size{};
  if (to_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 0;
}

} // namespace

bool Context::writes_to_stdout() const { return output_path.empty() || output_path == "-"; }

std::ostream& Context::out() {
  if (writes_to_stdout()) {
    return m_stdout;
  }
  if (!m_file) {
    if (m_confined) {
      throw Error(ExitCode::usage, "a golden check may not write files (-o)");
    }
    m_file = std::make_unique<std::ofstream>(output_path, std::ios::binary | std::ios::trunc);
    if (!*m_file) {
      throw Error(ExitCode::cant_create, fmt::format("cannot write {}", output_path));
    }
  }
  return *m_file;
}

void Context::print(const report::Report& report) {
  const bool to_terminal = !m_confined && writes_to_stdout() && isatty(STDOUT_FILENO) != 0;
  report::RenderOptions options;
  options.width = m_confined ? 0 : text_width(to_terminal);
  options.color = color == "always" || (color == "auto" && to_terminal && std::getenv("NO_COLOR") == nullptr);
  std::ostream& stream = out();
  report::render(report, format, options, stream);
  flush_output(*this);
}

void flush_output(Context& context) {
  std::ostream& stream = context.out();
  stream.flush();
  if (stream) {
    return;
  }
  const int error = errno;
  const bool to_file = !context.output_path.empty() && context.output_path != "-";
  if (to_file) {
    std::error_code ignored;
    std::filesystem::remove(context.output_path, ignored);
  }
  throw Error(ExitCode::io_error, fmt::format("cannot write {}: {}", to_file ? context.output_path : "standard output",
                                              std::strerror(error)));
}

void Context::say(const std::string& message) {
  if (!quiet) {
    out() << message << '\n';
  }
}

void Context::note(const std::string& message) {
  if (!quiet) {
    m_stderr << message << '\n';
  }
}

std::string Context::now_utc() const {
  const std::int64_t seconds = epoch_seconds();
  const std::int64_t of_day = ((seconds % 86400) + 86400) % 86400;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", today().to_string(), of_day / 3600, of_day / 60 % 60, of_day % 60);
}

Date Context::today() const {
  const std::int64_t seconds = epoch_seconds();
  const std::int64_t days = seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0);
  return Date::from_days(static_cast<std::int32_t>(days));
}

Changeset Context::new_changeset() const { return Changeset{0, now_utc(), author, reason, command_line, std::nullopt}; }

store::Store Context::open_store(store::Store::Access access) const {
  if (m_confined && access != store::Store::Access::read_only) {
    throw Error(ExitCode::usage, "a golden check may not run a command that changes the store",
                "golden checks run list, show, history, rate, report, lint, log, query or export");
  }
  return store::Store::open(db_path, access);
}

} // namespace tw::cli
