// Text: an immutable string whose copies share one buffer, and TextPool,
// which makes equal texts share one.
#include "plansight/text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <concepts>
#include <latch>
#include <ranges>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

using plansight::Text;
using plansight::TextPool;

TEST_CASE("an empty text holds no buffer, however it was made") {
  const Text none, from_literal(""), from_string(std::string{}), from_view(std::string_view{});
  for (const Text* t : {&none, &from_literal, &from_string, &from_view}) {
    CHECK(t->empty());
    CHECK(t->size() == 0);
    CHECK(t->str().empty());
    CHECK(std::string(t->c_str()).empty());
    CHECK(t->shares_buffer_with(none));
  }
}

TEST_CASE("a text reads as the string it was made from") {
  const std::string source = "Embed voice of the child in recording";
  const Text t(source);
  CHECK(t.str() == source);
  CHECK(t.size() == source.size());
  CHECK(std::string_view(t) == source);
  CHECK(t.view() == source);
  const std::string as_string(t);
  CHECK(as_string == source);
  CHECK(std::string(t.begin(), t.end()) == source);
  CHECK(std::string(t.data(), t.size()) == source);
  std::ostringstream out;
  out << t;
  CHECK(out.str() == source);
}

TEST_CASE("a text is built from a moved string without a copy of its characters") {
  std::string source(100, 'x');
  const char* characters = source.data();
  const Text t(std::move(source));
  CHECK(t.data() == characters);
  CHECK(t.size() == 100);
}

TEST_CASE("copies share the buffer, and a moved-from text is empty") {
  Text a("Team Manager");
  Text b = a;
  CHECK(b.shares_buffer_with(a));
  CHECK(b.data() == a.data());
  Text c = std::move(b);
  CHECK(c.shares_buffer_with(a));
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move): a moved-from text is defined empty
  c = Text("Named GP for Safeguarding");
  CHECK(c == "Named GP for Safeguarding");
  CHECK(a == "Team Manager");  // the buffer a and c shared outlived c's move away
  const Text& same_c = c;
  c = same_c;  // assigned to itself, a text keeps its characters
  CHECK(c == "Named GP for Safeguarding");
  Text& same_a = a;
  a = std::move(same_a);
  CHECK(a == "Team Manager");
}

// In a template, so that an expression that does not compile is false.
template <class T>
constexpr bool compares_with_null =
    requires(const T& t) { t == nullptr; } || requires(const T& t) { nullptr == t; };
template <class T>
constexpr bool joins_null = requires(const T& t) { t + nullptr; } || requires(const T& t) { nullptr + t; };

TEST_CASE("a null pointer is refused, at compile time where it can be") {
  const char* none = nullptr;
  CHECK_THROWS_AS(Text{none}, std::invalid_argument);
  static_assert(!std::is_constructible_v<Text, std::nullptr_t>);
  static_assert(!std::is_convertible_v<std::nullptr_t, Text>);
  static_assert(!compares_with_null<Text>);
  static_assert(!joins_null<Text>);
}

TEST_CASE("a copy as std::string is made only on request") {
  // Implicitly, a copy bound to a const std::string& parameter would leave
  // whatever the callee returned into it dangling once the call ended.
  static_assert(!std::is_convertible_v<const Text&, std::string>);
  static_assert(std::is_constructible_v<std::string, const Text&>);
  static_assert(std::is_convertible_v<const Text&, std::string_view>);
  const Text t(std::string(40, 'c'));
  const std::string copy(t);
  CHECK(copy == t);
  CHECK(copy.data() != t.data());
}

TEST_CASE("texts compare by content, whichever buffer holds it") {
  const Text a("neglect"), b(std::string("neglect")), c("exploitation");
  CHECK_FALSE(a.shares_buffer_with(b));
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a == std::string("neglect"));
  CHECK(a == std::string_view("neglect"));
  CHECK("neglect" == a);
  CHECK(a != "neglec");
  CHECK(c < a);
  CHECK(a > c);
  CHECK(Text() < a);
  CHECK(a < std::string("o"));
  CHECK(a > "e");
  CHECK("o" > a);
  CHECK(std::string("e") < a);
  const std::vector<Text> sorted{Text("a"), Text("c"), Text("e")};
  CHECK(std::lower_bound(sorted.begin(), sorted.end(), std::string("c")) == sorted.begin() + 1);
  static_assert(std::equality_comparable_with<Text, std::string_view>);
  CHECK(std::ranges::find(sorted, std::string_view("e")) == sorted.begin() + 2);
  CHECK(std::ranges::lower_bound(sorted, std::string_view("b")) == sorted.begin() + 1);
  CHECK((a <=> std::string_view("o")) == std::strong_ordering::less);
  CHECK(std::hash<Text>{}(a) == std::hash<std::string_view>{}("neglect"));
}

TEST_CASE("joining a text to other text makes a string") {
  const Text role("Team Manager");
  CHECK(", " + role == ", Team Manager");
  CHECK(std::string("lead: ") + role == "lead: Team Manager");
  CHECK(role + " (lead)" == "Team Manager (lead)");
  CHECK(role + std::string(" of CSC") == "Team Manager of CSC");
  CHECK(Text() + "x" == "x");
  CHECK(role + Text(" and lead") == "Team Manager and lead");
  CHECK(std::string_view("of ") + role == "of Team Manager");
  std::string joined = "the " + role + ", " + Text("lead") + " of " + role;
  CHECK(joined == "the Team Manager, lead of Team Manager");
}

TEST_CASE("a pool makes equal texts share one buffer") {
  TextPool pool;
  const std::string first = "Delayed, awaiting sign-off", second = first;
  const Text a = pool.intern(first), b = pool.intern(second), c = pool.intern("Not yet started");
  CHECK(a == first);
  CHECK(a.shares_buffer_with(b));
  CHECK_FALSE(a.shares_buffer_with(c));
  CHECK(pool.distinct() == 2);
  SUBCASE("the empty text is not held") {
    CHECK(pool.intern("").empty());
    CHECK(pool.distinct() == 2);
  }
  SUBCASE("texts outlive their pool") {
    Text kept;
    {
      TextPool short_lived;
      kept = short_lived.intern(std::string(64, 'n'));
    }
    CHECK(kept == std::string(64, 'n'));
  }
}

TEST_CASE("the last copy of a text may be dropped on any thread") {
  // Each worker holds a copy and waits until the original is gone, so that
  // whichever worker finishes last frees the buffer after the others' reads
  // (what ThreadSanitizer checks, in scripts/test).
  std::atomic<int> misread{0};
  for (int round = 0; round < 200; ++round) {
    Text shared(std::string(40, 'd'));
    std::latch original_gone(1);
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t)
      threads.emplace_back([copy = shared, &original_gone, &misread] {
        original_gone.wait();
        if (copy.str() != std::string(40, 'd')) ++misread;
      });
    shared = Text();
    original_gone.count_down();
    for (auto& thread : threads) thread.join();
  }
  CHECK(misread == 0);
}

TEST_CASE("copies of one text may be made and dropped on several threads at once") {
  const Text shared(std::string(40, 's'));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      std::vector<Text> copies;
      for (int i = 0; i < 10000; ++i) copies.push_back(shared);
      copies.clear();
    });
  for (auto& thread : threads) thread.join();
  CHECK(shared == std::string(40, 's'));
  const Text again = shared;
  CHECK(again.shares_buffer_with(shared));
}
