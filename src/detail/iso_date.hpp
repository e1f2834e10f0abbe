// A date as "YYYY-MM-DD" without a stream, a format string or an
// allocation: what to_iso, the CSV writer and the store's inserts (millions
// of dates in a bulk import) format dates with.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "plansight/model.hpp"

namespace plansight::detail {

// Empty for a special date (not a date, infinities).
class IsoDate {
 public:
  explicit IsoDate(Date d) {
    if (d.is_special()) return;
    const auto ymd = d.year_month_day();
    put(0, 4, ymd.year);
    chars_[4] = '-';
    put(5, 2, ymd.month);
    chars_[7] = '-';
    put(8, 2, ymd.day);
    size_ = 10;
  }
  std::string_view text() const { return {chars_.data(), size_}; }

 private:
  void put(std::size_t at, std::size_t width, unsigned value) {
    for (std::size_t i = width; i-- > 0; value /= 10) chars_[at + i] = static_cast<char>('0' + value % 10);
  }
  std::array<char, 10> chars_{};
  std::size_t size_ = 0;
};

}  // namespace plansight::detail
