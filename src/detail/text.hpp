// Cutting text to fit a line: a terminal table's cell, a chart's label, a
// rule's message. Widths count UTF-8 code points, never bytes, so a cut
// never splits a character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plansight::detail {

// The number of UTF-8 code points in `text`.
std::size_t code_points(std::string_view text);

// `text` on one line (line breaks and tabs read as spaces), at most `max`
// code points long: when longer, its first max - 1 and an ellipsis.
std::string shortened(std::string_view text, std::size_t max);

}  // namespace plansight::detail
