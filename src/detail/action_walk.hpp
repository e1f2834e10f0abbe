// A walk over every action of a plan, as the plan holds them: in columns
// (detail/action_table.hpp), each action read as an ActionView. The columns
// lie in the order of the walk, each action's updates and prerequisites
// packed after the last one's once loaded, so the memory system reads ahead
// by itself; only the prerequisites a walk looks up by id lie elsewhere.
#pragma once

#include <cstddef>

#include "detail/action_table.hpp"
#include "plansight/plan.hpp"

namespace plansight::detail {

template <class F>
void for_each_action(const Plan& plan, F f) {
  const ActionTable& actions = action_table(plan);
  const std::size_t n = actions.size();
  for (std::size_t i = 0; i < n; ++i) f(actions.view(i));
}

}  // namespace plansight::detail
