#include "plansight/text.hpp"

#include <ostream>

namespace plansight {

Text::Text(std::string_view text) : Text(std::string(text)) {}

Text::Text(std::string&& text) {
  if (!text.empty()) buffer_ = new Buffer(std::move(text));
}

const std::string& Text::empty_string() noexcept {
  static const std::string empty;
  return empty;
}

std::ostream& operator<<(std::ostream& os, const Text& text) { return os << text.str(); }

Text TextPool::intern(std::string_view text) {
  if (text.empty()) return Text();
  if (auto found = texts_.find(text); found != texts_.end()) return found->second;
  Text interned(text);
  texts_.emplace(interned.str(), interned);
  return interned;
}

}  // namespace plansight
