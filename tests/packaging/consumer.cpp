// Uses the installed library through its umbrella header only.
#include <plansight/plansight.hpp>

#include <iostream>

int main() {
  using namespace plansight;
  Store store = Store::open(":memory:");
  const Actor me{"LIS business manager", std::nullopt};
  const auto p = store.add(Partnership{{}, "Dudley SCB"}, me);
  const auto police = store.add(Agency{{}, "West Midlands Police", Sector::police}, me);
  Audit audit;
  audit.partnership = p.id;
  audit.title = "Multi-agency case file audit: domestic abuse";
  audit.held_on = Date(2024, 5, 1);
  const auto a = store.add(audit, me);
  Action action;
  action.partnership = p.id;
  action.audit = a.id;
  action.title = "Refresh the domestic abuse pathway";
  action.owner.agency = police.id;
  action.created_on = Date(2024, 5, 10);
  action.due_on = Date(2024, 8, 31);
  store.add(action, me);
  const Rag rag = rag_at(store.plan(), ActionId(1), Date(2024, 9, 30));
  std::cout << "plansight " << version << ": " << to_string(rag) << "\n";
  return rag == Rag::red ? 0 : 1;
}
