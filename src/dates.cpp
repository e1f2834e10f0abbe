#include "plansight/dates.hpp"

#include <array>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <cstdio>

namespace plansight {

// Formatted by hand: Boost's ISO formatter builds an ostringstream (and its
// locale) per date, which dominated reports listing many dates.
std::string to_iso(Date d) {
  if (d.is_special()) return {};
  const auto ymd = d.year_month_day();
  std::array<char, 16> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02d-%02d", static_cast<int>(ymd.year),
                static_cast<int>(ymd.month.as_number()), static_cast<int>(ymd.day.as_number()));
  return text.data();
}

Date parse_iso_date(std::string_view text, std::string_view field) {
  const auto fail = [&] {
    return ValidationError(std::string(field),
                           "'" + std::string(text) + "' is not a valid date (expected YYYY-MM-DD)");
  };
  // from_simple_string accepts other shapes too ("2024-1 -01", "2024-01-1 ");
  // insist on the ISO one: four, two and two digits.
  if (text.size() != 10) throw fail();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : !std::isdigit(static_cast<unsigned char>(text[i]))) throw fail();
  }
  try {
    Date d = boost::gregorian::from_simple_string(std::string(text));
    if (d.is_special()) throw fail();
    return d;
  } catch (const std::out_of_range&) {
    throw fail();
  } catch (const boost::bad_lexical_cast&) {
    throw fail();
  }
}

}  // namespace plansight
