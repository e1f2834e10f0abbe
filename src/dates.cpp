#include "plansight/dates.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace plansight {

std::string to_iso(Date d) {
  return d.is_special() ? std::string() : boost::gregorian::to_iso_extended_string(d);
}

Date parse_iso_date(std::string_view text, std::string_view field) {
  const auto fail = [&] {
    return ValidationError(std::string(field),
                           "'" + std::string(text) + "' is not a valid date (expected YYYY-MM-DD)");
  };
  // from_simple_string accepts other shapes too; insist on the ISO one.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw fail();
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
