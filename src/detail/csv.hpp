// CSV as Python's csv module writes it (QUOTE_MINIMAL, "\n" line ends):
// a field is quoted only when it holds a comma, a double quote, CR or LF,
// and embedded quotes are doubled. The reader accepts exactly that, plus
// CRLF row ends and a leading UTF-8 byte-order mark, and refuses anything
// ambiguous (a stray quote, a bare CR, an unterminated quoted field) with
// ImportError naming the file and the line the row starts on.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace plansight::detail {

// Reads a whole file with one buffered read and hands out its rows. Fields
// are views into the reader's buffer (quoted fields are unescaped in place),
// valid as long as the reader lives: parsing allocates nothing per field.
class CsvReader {
 public:
  // `name` is how errors name the file ("actions.csv"). Throws ImportError
  // (line 0) when the file cannot be read.
  CsvReader(const std::filesystem::path& path, std::string name);

  // Fills `fields` with the next row; false at the end of the file. Blank
  // lines are skipped.
  bool next(std::vector<std::string_view>& fields);
  // The physical line (1-based) on which the row last returned starts.
  long line() const { return row_line_; }
  const std::string& name() const { return name_; }
  // At least as many as the rows still to come, header included: room to
  // reserve. Line breaks inside quoted fields are not counted (a title of
  // many lines is one row); blank lines are, though skipped as rows.
  std::size_t rows_at_most() const;

 private:
  std::string_view quoted_field();
  std::string_view plain_field();
  bool at_row_end();
  [[noreturn]] void fail(const std::string& reason) const;

  std::string name_;
  std::string data_;
  std::size_t pos_ = 0;
  long line_ = 1;      // line the cursor is on
  long row_line_ = 0;  // line the current row started on
};

// Writes rows through a large buffer; close() reports any failure. The
// destructor closes quietly (an unclosed writer's failure is lost).
class CsvWriter {
 public:
  // Creates or truncates the file; throws Error naming the path on failure.
  explicit CsvWriter(std::filesystem::path path);
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;
  ~CsvWriter();

  CsvWriter& field(std::string_view text);  // quoted only when needed
  CsvWriter& field(std::int64_t value);
  // A field the caller knows needs no quoting (digits, ISO dates, names of enums).
  CsvWriter& plain(std::string_view text);
  void end_row();
  // Flushes and closes; throws Error naming the path on failure.
  void close();

 private:
  void separate();
  void flush();

  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  bool row_started_ = false;
};

}  // namespace plansight::detail
