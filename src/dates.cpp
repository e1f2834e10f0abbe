#include "plansight/dates.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <stdexcept>
#include <string_view>

#include "detail/iso_date.hpp"

namespace plansight {

// Formatted by hand: Boost's ISO formatter builds an ostringstream (and its
// locale) per date, which dominated reports listing many dates; snprintf,
// which followed, was still a tenth of a bulk import's own work.
std::string to_iso(Date d) { return std::string(detail::IsoDate(d).text()); }

Date parse_iso_date(std::string_view text, std::string_view field) {
  const auto fail = [&] {
    // Appended rather than concatenated: GCC 12 at -O3 warns falsely (-Wrestrict) on the latter here.
    std::string message = "'";
    message.append(text).append("' is not a valid date (expected YYYY-MM-DD)");
    return ValidationError(std::string(field), message);
  };
  // Exactly four, two and two digits; read by hand, as a store load parses
  // several dates per action and Boost's from_simple_string tokenises each.
  if (text.size() != 10) throw fail();
  int parts[3] = {0, 0, 0};
  for (std::size_t i = 0, part = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) {
      if (text[i] != '-') throw fail();
      ++part;
    } else if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      parts[part] = parts[part] * 10 + (text[i] - '0');
    } else {
      throw fail();
    }
  }
  try {
    // Boost checks the ranges: year 1400-9999, month 1-12, the day in its month.
    return Date(static_cast<unsigned short>(parts[0]), static_cast<unsigned short>(parts[1]),
                static_cast<unsigned short>(parts[2]));
  } catch (const std::out_of_range&) {
    throw fail();
  }
}

}  // namespace plansight
