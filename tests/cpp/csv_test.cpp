// The CSV reader's estimate of the rows to come (src/detail/csv.hpp,
// private): what an import reserves room for before reading actions.csv.
#include "detail/csv.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "fixtures.hpp"

using plansight::detail::CsvReader;
using plansight::testing::TempFile;

namespace {

std::size_t rows_in(CsvReader& reader) {
  std::vector<std::string_view> fields;
  std::size_t rows = 0;
  while (reader.next(fields)) ++rows;
  return rows;
}

CsvReader reader_of(const TempFile& file, const std::string& text) {
  std::ofstream(file.path, std::ios::binary) << text;
  return CsvReader(file.path, "test.csv");
}

}  // namespace

TEST_CASE("rows_at_most counts every row to come, header included") {
  TempFile file("rows-at-most");
  // Counted exactly: as many as the reader then returns.
  const auto counts_exactly = [&](const std::string& text, std::size_t rows) {
    CsvReader reader = reader_of(file, text);
    CHECK(reader.rows_at_most() == rows);
    CHECK(rows_in(reader) == rows);
  };
  SUBCASE("one row a line, the last without a line break") { counts_exactly("a,b\n1,2\n3,4", 3); }
  SUBCASE("the last with a line break") {
    CsvReader reader = reader_of(file, "a,b\n1,2\n3,4\n");
    CHECK(reader.rows_at_most() >= 3);
    CHECK(reader.rows_at_most() <= 4);
  }
  SUBCASE("a line break inside a quoted field is not counted, escaped quotes or not") {
    counts_exactly("a,b\n1,\"two\nlines\"\n3,\"say \"\"x\ny\"\"\nthen\"\n5,\"\"\"\"\n6,\"\n\"", 5);
  }
  SUBCASE("a quoted field left open ends the count, never below the rows before it") {
    CsvReader reader = reader_of(file, "a,b\n1,2\n3,\"open\n4,5\n");
    CHECK(reader.rows_at_most() == 3);
  }
  SUBCASE("only the rows still to come") {
    CsvReader reader = reader_of(file, "a,b\n1,2\n3,4\n5,6");
    std::vector<std::string_view> fields;
    REQUIRE(reader.next(fields));
    CHECK(reader.rows_at_most() == 3);
  }
  SUBCASE("an empty file") {
    CsvReader reader = reader_of(file, "");
    CHECK(reader.rows_at_most() == 1);
    CHECK(rows_in(reader) == 0);
  }
}
