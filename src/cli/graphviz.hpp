// Rendering DOT text as SVG with Graphviz's dot, for `plansight graph
// --format svg`. Only the command runs programs; the library writes text.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace plansight::cli {

// The first executable `name` in the directories of `path_list` (as the
// PATH variable holds them); empty when there is none.
std::filesystem::path find_program(std::string_view name, std::string_view path_list);

// Runs `dot -Tsvg` on `dot_text` and returns the SVG. Throws plansight::Error
// when dot is not on PATH (saying so, and what to do instead) or fails.
std::string render_svg(const std::string& dot_text);

}  // namespace plansight::cli
