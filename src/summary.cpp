#include "plansight/summary.hpp"

#include <algorithm>
#include <map>

namespace plansight {
namespace {

void count(PartnershipSummary& s, const Plan& plan, const Action& a, Date as_of) {
  const Status status = status_at(a, as_of);
  const Rag rag = rag_at(plan, a, as_of);
  ++s.actions;
  ++s.rag[static_cast<std::size_t>(rag)];
  s.open += is_open(status);
  s.complete += status == Status::complete;
  s.cancelled += status == Status::cancelled;
  s.assured += is_assured_at(a, as_of);
  if (is_overdue(a, as_of)) s.overdue_actions.push_back(a.id);
  if (is_blocked(plan, a, as_of)) s.blocked_actions.push_back(a.id);

  const auto& owner = owner_at(a, as_of);
  auto it = std::find_if(s.by_agency.begin(), s.by_agency.end(),
                         [&](const AgencyRag& r) { return r.agency == owner.agency; });
  if (it == s.by_agency.end()) it = s.by_agency.insert(s.by_agency.end(), AgencyRag{owner.agency, {}});
  ++it->rag[static_cast<std::size_t>(rag)];
}

void finish(PartnershipSummary& s) {
  std::sort(s.overdue_actions.begin(), s.overdue_actions.end());
  std::sort(s.blocked_actions.begin(), s.blocked_actions.end());
  s.overdue = static_cast<long>(s.overdue_actions.size());
  s.blocked = static_cast<long>(s.blocked_actions.size());
  std::sort(s.by_agency.begin(), s.by_agency.end(), [](const AgencyRag& x, const AgencyRag& y) {
    return x.agency.has_value() != y.agency.has_value() ? !x.agency.has_value()
                                                        : x.agency < y.agency;
  });
}

}  // namespace

ReviewSummary review_summary(const Plan& plan, Date as_of) {
  std::map<PartnershipId, PartnershipSummary> by_partnership;
  for (const auto& p : plan.partnerships()) by_partnership[p.id].partnership = p.id;
  for (const auto& a : plan.actions())
    if (exists_at(a, as_of)) count(by_partnership[a.partnership], plan, a, as_of);
  ReviewSummary summary{as_of, {}};
  for (auto& [id, s] : by_partnership) {
    finish(s);
    summary.partnerships.push_back(std::move(s));
  }
  return summary;
}

}  // namespace plansight
