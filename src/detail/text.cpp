#include "detail/text.hpp"

#include <algorithm>

namespace plansight::detail {
namespace {

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), starts_code_point));
}

std::string shortened(std::string_view text, std::size_t max) {
  const bool cut = code_points(text) > max;
  std::string out;
  std::size_t points = 0;
  for (const char c : text) {
    if (starts_code_point(c) && ++points == max && cut) return out + "\u2026";
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

}  // namespace plansight::detail
