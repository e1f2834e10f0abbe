// Text: an immutable string whose copies share one buffer.
//
// The texts held once per action, per history entry and per finding (a
// title, an owner's role, an update's note) number millions in a national
// plan, and most repeat: the same role owns thousands of actions, the same
// note is written at thousands of reviews. Held as std::string each was a
// heap block of its own; held as Text, equal texts that were interned (see
// TextPool) share one buffer, and a copy costs a reference count, not an
// allocation.
//  - Built implicitly from a std::string, std::string_view or C string; a
//    null pointer throws std::invalid_argument.
//  - Compared by content (==, <=>) with another Text, a std::string, a
//    std::string_view or a C string, and joined (+) to one into a
//    std::string. As with std::string, a C string given must not be null.
//  - Read as `std::string_view` (implicitly, or `view()`) or as `const
//    std::string&` (`str()`): both read the buffer in place, valid while the
//    Text they were taken from holds it, that is neither past the end of
//    the expression holding a temporary Text nor across an assignment to it,
//    where a std::string member would have lasted. Equal interned texts
//    share their buffer, so a view kept too long may go unnoticed for a
//    while: keep the Text instead.
//  - A copy as std::string only on request: `std::string(text)`.
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace plansight {

class Text;

// Any string but a Text (nor nullptr, which converts to string_view through
// const char*): what a Text compares with and joins to.
template <class T>
concept OtherString =
    !std::is_same_v<std::remove_cvref_t<T>, Text> && !std::is_null_pointer_v<std::remove_cvref_t<T>> &&
    std::is_convertible_v<const T&, std::string_view>;

class Text {
 public:
  Text() noexcept = default;
  // A null pointer is no text: std::invalid_argument.
  Text(const char* text);
  Text(std::nullptr_t) = delete;
  Text(std::string_view text);
  Text(const std::string& text) : Text(std::string_view(text)) {}
  Text(std::string&& text);

  Text(const Text& other) noexcept : buffer_(other.buffer_) { retain(); }
  Text(Text&& other) noexcept : buffer_(other.buffer_) { other.buffer_ = nullptr; }
  Text& operator=(const Text& other) noexcept {
    Text(other).swap(*this);
    return *this;
  }
  Text& operator=(Text&& other) noexcept {
    Text(std::move(other)).swap(*this);
    return *this;
  }
  ~Text() { release(); }

  const std::string& str() const noexcept { return buffer_ ? buffer_->value : empty_string(); }
  std::string_view view() const noexcept { return str(); }
  // Explicit: an implicit copy bound to a `const std::string&` parameter
  // would leave whatever the callee returns into it dangling.
  explicit operator std::string() const { return str(); }
  operator std::string_view() const noexcept { return str(); }

  bool empty() const noexcept { return str().empty(); }
  std::size_t size() const noexcept { return str().size(); }
  const char* data() const noexcept { return str().data(); }
  const char* c_str() const noexcept { return str().c_str(); }
  std::string::const_iterator begin() const noexcept { return str().begin(); }
  std::string::const_iterator end() const noexcept { return str().end(); }

  // True when both hold one buffer: equal texts interned by one pool do.
  bool shares_buffer_with(const Text& other) const noexcept { return buffer_ == other.buffer_; }

  void swap(Text& other) noexcept { std::swap(buffer_, other.buffer_); }

  friend bool operator==(const Text& a, const Text& b) noexcept {
    return a.buffer_ == b.buffer_ || a.view() == b.view();
  }
  template <OtherString S>
  friend bool operator==(const Text& a, const S& b) noexcept {
    return a.view() == std::string_view(b);
  }
  friend bool operator==(const Text&, std::nullptr_t) = delete;
  friend std::strong_ordering operator<=>(const Text& a, const Text& b) noexcept {
    return a.view() <=> b.view();
  }
  template <OtherString S>
  friend std::strong_ordering operator<=>(const Text& a, const S& b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const Text&, std::nullptr_t) = delete;

 private:
  struct Buffer {
    explicit Buffer(std::string text) : value(std::move(text)) {}
    std::atomic<std::size_t> references{1};
    const std::string value;
  };

  static const std::string& empty_string() noexcept {
    static const std::string empty;
    return empty;
  }
  void retain() const noexcept {
    if (buffer_) buffer_->references.fetch_add(1, std::memory_order_relaxed);
  }
  void release() noexcept {
    if (buffer_ && buffer_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) delete buffer_;
  }

  Buffer* buffer_ = nullptr;  // nullptr for the empty text
};

std::ostream& operator<<(std::ostream& os, const Text& text);

// Joining a Text to other text makes a std::string, as joining strings does.
inline std::string operator+(std::string&& lhs, const Text& rhs) { return std::move(lhs += rhs.view()); }
template <OtherString S>
std::string operator+(const S& lhs, const Text& rhs) {
  std::string joined(std::string_view{lhs});
  return joined += rhs.view();
}
template <OtherString S>
std::string operator+(const Text& lhs, const S& rhs) {
  std::string joined = lhs.str();
  return joined += std::string_view(rhs);
}
inline std::string operator+(const Text& lhs, const Text& rhs) {
  std::string joined = lhs.str();
  return joined += rhs.view();
}

// Builds Texts so that equal ones share a buffer: whoever reads many texts
// (a store loading a file, an import) interns them through one pool. The
// pool holds a reference to each distinct text until it is destroyed. One
// thread at a time: a reader with two threads gives each a pool.
class TextPool {
 public:
  Text intern(std::string_view text);
  std::size_t distinct() const { return texts_.size(); }

 private:
  // Keys view the buffers of the Texts they map to, which never move.
  std::unordered_map<std::string_view, Text> texts_;
};

}  // namespace plansight

// A Text and a string_view meet as a string_view, so that the ranges
// algorithms and std::equality_comparable_with take string_view keys.
template <template <class> class TQ, template <class> class UQ>
struct std::basic_common_reference<plansight::Text, std::string_view, TQ, UQ> {
  using type = std::string_view;
};
template <template <class> class TQ, template <class> class UQ>
struct std::basic_common_reference<std::string_view, plansight::Text, TQ, UQ> {
  using type = std::string_view;
};

template <>
struct std::hash<plansight::Text> {
  std::size_t operator()(const plansight::Text& text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};
