#include "plansight/text.hpp"

#include <ostream>
#include <stdexcept>

namespace plansight {

Text::Text(const char* text)
    : Text(text ? std::string_view(text) : throw std::invalid_argument("a Text from a null pointer")) {}

Text::Text(std::string_view text) : Text(std::string(text)) {}

Text::Text(std::string&& text) {
  if (!text.empty()) buffer_ = new Buffer(std::move(text));
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
