// The array that holds many owners' rows together (src/detail/slab.hpp).
#include "detail/slab.hpp"

#include <doctest/doctest.h>

#include <random>
#include <vector>

using plansight::detail::Slab;

namespace {

std::vector<int> rows_of(const Slab<int>& slab, std::size_t owner) {
  const auto rows = slab.rows(owner);
  return {rows.begin(), rows.end()};
}

// Every owner's rows as a vector per owner would hold them.
void check_same(const Slab<int>& slab, const std::vector<std::vector<int>>& model) {
  REQUIRE(slab.owner_count() == model.size());
  std::size_t rows = 0;
  for (std::size_t owner = 0; owner < model.size(); ++owner) {
    CHECK(rows_of(slab, owner) == model[owner]);
    rows += model[owner].size();
  }
  CHECK(slab.row_count() == rows);
}

}  // namespace

TEST_CASE("rows appended owner by owner lie packed, in order") {
  Slab<int> slab;
  slab.reserve(3, 6);
  for (int owner = 0; owner < 3; ++owner) {
    slab.add_owner();
    for (int i = 0; i < owner + 1; ++i) slab.append(static_cast<std::size_t>(owner), 10 * owner + i);
  }
  check_same(slab, {{0}, {10, 11}, {20, 21, 22}});
  CHECK(slab.array_size() == 6);  // no room left unused
  CHECK(slab.rows(1).data() + 2 == slab.rows(2).data());
}

TEST_CASE("an owner with no rows reads as empty") {
  Slab<int> slab;
  slab.add_owner();
  slab.add_owner();
  slab.append(1, 7);
  CHECK(slab.rows(0).empty());
  check_same(slab, {{}, {7}});
}

TEST_CASE("appending to an earlier owner moves its rows to the end, still in order") {
  Slab<int> slab;
  for (int owner = 0; owner < 3; ++owner) {
    slab.add_owner();
    slab.append(static_cast<std::size_t>(owner), owner);
  }
  slab.append(0, 100);
  check_same(slab, {{0, 100}, {1}, {2}});
  CHECK(slab.array_size() == 5);  // a hole where 0's row was, and room for one more after it
  slab.append(0, 101);            // last now: grows in place
  check_same(slab, {{0, 100, 101}, {1}, {2}});
  CHECK(slab.array_size() == 6);
}

TEST_CASE("erase and pop_back keep the other rows in order") {
  Slab<int> slab;
  slab.add_owner();
  slab.add_owner();
  for (int i = 0; i < 4; ++i) slab.append(0, i);
  slab.append(1, 9);
  slab.erase(0, 1);
  check_same(slab, {{0, 2, 3}, {9}});
  slab.pop_back(0);
  check_same(slab, {{0, 2}, {9}});
  slab.pop_back(1);
  check_same(slab, {{0, 2}, {}});
  slab.append(0, 5);
  check_same(slab, {{0, 2, 5}, {}});
}

TEST_CASE("remove_last_owner undoes add_owner, rows and all") {
  Slab<int> slab;
  slab.add_owner();
  slab.append(0, 1);
  slab.add_owner();
  slab.append(1, 2);
  slab.append(1, 3);
  slab.remove_last_owner();
  check_same(slab, {{1}});
  CHECK(slab.array_size() == 1);  // its rows were last: gone with it
  slab.add_owner();
  check_same(slab, {{1}, {}});
}

TEST_CASE("interleaved appends take at most four times the rows' room, and copy each row O(1) times") {
  // Every append goes to an owner whose rows are not last.
  Slab<int> slab;
  std::vector<std::vector<int>> model(50);
  for (std::size_t owner = 0; owner < model.size(); ++owner) slab.add_owner();
  std::size_t appends = 0;
  for (int round = 0; round < 40; ++round)
    for (std::size_t owner = 0; owner < model.size(); ++owner) {
      slab.append(owner, round);
      model[owner].push_back(round);
      ++appends;
      CHECK(slab.array_size() <= 4 * slab.row_count() + model.size());
    }
  check_same(slab, model);
  CHECK(slab.rows_copied() <= 4 * appends);
}

TEST_CASE("an owner growing among others is not copied again for each row it gains") {
  // A sign-off action whose prerequisites come interleaved with other
  // actions' rows: copying the hub's rows at each append would be
  // quadratic (some 2 * 10^8 row copies here).
  Slab<int> slab;
  slab.add_owner();  // the hub
  std::size_t appends = 0;
  for (int i = 0; i < 20000; ++i) {
    slab.append(0, i);
    slab.add_owner();
    slab.append(slab.owner_count() - 1, -i);
    appends += 2;
  }
  REQUIRE(slab.rows(0).size() == 20000);
  CHECK(slab.rows(0)[19999] == 19999);
  CHECK(slab.rows(20000)[0] == -19999);
  CHECK(slab.rows_copied() <= 4 * appends);
  CHECK(slab.array_size() <= 4 * slab.row_count() + slab.owner_count());
}

TEST_CASE("two owners appended to in turn copy each row O(1) times") {
  Slab<int> slab;
  slab.add_owner();
  slab.add_owner();
  for (int i = 0; i < 20000; ++i) {
    slab.append(0, i);
    slab.append(1, i);
  }
  CHECK(slab.rows(0).size() == 20000);
  CHECK(slab.rows(1)[12345] == 12345);
  CHECK(slab.rows_copied() <= 4 * 40000);
}

TEST_CASE("any mix of changes reads as a vector per owner would") {
  std::mt19937 random(7);
  Slab<int> slab;
  std::vector<std::vector<int>> model;
  for (int step = 0; step < 20000; ++step) {
    const auto pick = random() % 100;
    if (model.empty() || pick < 5) {
      slab.add_owner();
      model.emplace_back();
    } else if (pick < 7) {
      slab.remove_last_owner();
      model.pop_back();
    } else {
      const std::size_t owner = random() % model.size();
      auto& rows = model[owner];
      if (pick < 80 || rows.empty()) {
        slab.append(owner, step);
        rows.push_back(step);
      } else if (pick < 90) {
        slab.pop_back(owner);
        rows.pop_back();
      } else {
        const std::size_t at = random() % rows.size();
        slab.erase(owner, at);
        rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(at));
      }
    }
    if (step % 997 == 0) check_same(slab, model);
  }
  check_same(slab, model);
  CHECK(slab.rows_copied() <= 4 * 20000);
  const Slab<int> copy = slab;  // a copy stands alone
  slab.append(0, -1);
  model[0].push_back(-1);
  check_same(slab, model);
  model[0].pop_back();
  check_same(copy, model);
}
