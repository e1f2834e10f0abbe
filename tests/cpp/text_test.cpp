// Text: an immutable string whose copies share one buffer, and TextPool,
// which makes equal texts share one.
#include "plansight/text.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <thread>
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
  const std::string& as_string = t;
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
