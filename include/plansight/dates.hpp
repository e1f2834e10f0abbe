// ISO 8601 dates (YYYY-MM-DD) in and out, through Boost.Date_Time.
#pragma once

#include <string>
#include <string_view>

#include "plansight/model.hpp"

namespace plansight {

// "2025-03-31"; "" for a not-a-date.
std::string to_iso(Date d);
// Reads "YYYY-MM-DD"; throws ValidationError naming `field` and the text.
Date parse_iso_date(std::string_view text, std::string_view field = "date");

}  // namespace plansight
