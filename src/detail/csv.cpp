#include "detail/csv.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

#include "plansight/errors.hpp"

namespace plansight::detail {
namespace {

constexpr std::size_t flush_threshold = std::size_t{1} << 20;
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string read_all(const std::filesystem::path& path, const std::string& name) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw ImportError(name, 0, "", "cannot read " + path.string() + ": " + ec.message());
  std::string data(size, '\0');
  std::ifstream in(path, std::ios::binary);
  if (!in.read(data.data(), static_cast<std::streamsize>(size)))
    throw ImportError(name, 0, "", "cannot read " + path.string() + ": " + std::strerror(errno));
  return data;
}

bool needs_quotes(std::string_view text) { return text.find_first_of(",\"\r\n") != std::string_view::npos; }

}  // namespace

// ---- reading -------------------------------------------------------------------

CsvReader::CsvReader(const std::filesystem::path& path, std::string name)
    : name_(std::move(name)), data_(read_all(path, name_)) {
  // Spreadsheets often start UTF-8 files with a byte-order mark.
  if (std::string_view(data_).substr(0, utf8_bom.size()) == utf8_bom) pos_ = utf8_bom.size();
}

std::size_t CsvReader::rows_at_most() const {
  const std::string_view rest = std::string_view(data_).substr(pos_);
  std::size_t rows = 1;
  // Line breaks are counted between quoted fields only. Each quote opens or
  // closes one, an escaped quote ("") closing and opening again at once; a
  // field left open stops the count, as it stops the parse.
  for (std::size_t at = 0; at < rest.size();) {
    const std::size_t open = std::min(rest.find('"', at), rest.size());
    rows += static_cast<std::size_t>(std::count(rest.begin() + at, rest.begin() + open, '\n'));
    const std::size_t close = open == rest.size() ? std::string_view::npos : rest.find('"', open + 1);
    if (close == std::string_view::npos) break;
    at = close + 1;
  }
  return rows;
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_.compare(pos_, 2, "\r\n") == 0)) {
    pos_ += data_[pos_] == '\n' ? 1 : 2;
    ++line_;
  }
  if (pos_ >= data_.size()) return false;
  row_line_ = line_;
  for (;;) {
    const bool quoted = data_[pos_] == '"';
    fields.push_back(quoted ? quoted_field() : plain_field());
    if (pos_ >= data_.size() || at_row_end()) return true;
    if (data_[pos_] != ',')
      fail(quoted ? "unexpected character after a closing quote"
                  : "a field holding a double quote must be quoted");
    if (++pos_ == data_.size()) {  // "a,b," at the very end of the file
      fields.emplace_back();
      return true;
    }
  }
}

// Consumes a row end ("\n" or "\r\n") at the cursor, if there is one.
bool CsvReader::at_row_end() {
  if (data_[pos_] == '\n') {
    ++pos_;
  } else if (data_.compare(pos_, 2, "\r\n") == 0) {
    pos_ += 2;
  } else {
    return false;
  }
  ++line_;
  return true;
}

std::string_view CsvReader::plain_field() {
  const std::size_t start = pos_;
  while (pos_ < data_.size()) {
    const char c = data_[pos_];
    if (c == ',' || c == '\n' || c == '"') break;
    if (c == '\r') {
      if (data_.compare(pos_, 2, "\r\n") == 0) break;
      fail("a field holding a carriage return must be quoted");
    }
    ++pos_;
  }
  return std::string_view(data_).substr(start, pos_ - start);
}

// Unescapes in place: the text never grows, so it is written over itself.
std::string_view CsvReader::quoted_field() {
  const std::size_t start = ++pos_;
  std::size_t out = start;
  for (;;) {
    if (pos_ >= data_.size()) fail("quoted field is not closed before the end of the file");
    const char c = data_[pos_++];
    if (c == '"') {
      if (pos_ >= data_.size() || data_[pos_] != '"') break;
      ++pos_;
    } else if (c == '\n') {
      ++line_;
    }
    data_[out++] = c;
  }
  return std::string_view(data_).substr(start, out - start);
}

void CsvReader::fail(const std::string& reason) const { throw ImportError(name_, row_line_, "", reason); }

// ---- writing -------------------------------------------------------------------

CsvWriter::CsvWriter(std::filesystem::path path)
    : path_(std::move(path)), file_(std::fopen(path_.c_str(), "wb")) {
  if (!file_) throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
  buffer_.reserve(flush_threshold + 4096);
}

CsvWriter::~CsvWriter() {
  if (file_) std::fclose(file_);
}

void CsvWriter::separate() {
  if (row_started_) buffer_ += ',';
  row_started_ = true;
}

CsvWriter& CsvWriter::field(std::string_view text) {
  if (!needs_quotes(text)) return plain(text);
  separate();
  buffer_ += '"';
  for (const char c : text) {
    if (c == '"') buffer_ += '"';
    buffer_ += c;
  }
  buffer_ += '"';
  return *this;
}

CsvWriter& CsvWriter::field(std::int64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  return plain(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

CsvWriter& CsvWriter::plain(std::string_view text) {
  separate();
  buffer_ += text;
  return *this;
}

void CsvWriter::end_row() {
  buffer_ += '\n';
  row_started_ = false;
  if (buffer_.size() >= flush_threshold) flush();
}

void CsvWriter::flush() {
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
    throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
  buffer_.clear();
}

void CsvWriter::close() {
  flush();
  const int failed = std::fclose(file_);
  file_ = nullptr;
  if (failed != 0) throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
}

}  // namespace plansight::detail
