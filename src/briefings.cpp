#include "plansight/briefings.hpp"

#include <algorithm>

namespace plansight {

std::optional<Date> published_on(const Briefing& b, Date as_of) {
  // Disseminations are in date order: the first one is the publication.
  if (b.disseminations.empty() || b.disseminations.front().on > as_of) return std::nullopt;
  return b.disseminations.front().on;
}

std::vector<AgencyId> reached_agencies(const Briefing& b, Date as_of) {
  std::vector<AgencyId> reached;
  for (const auto& d : b.disseminations) {
    if (d.on > as_of) break;
    reached.insert(reached.end(), d.reached.begin(), d.reached.end());
  }
  std::sort(reached.begin(), reached.end());
  reached.erase(std::unique(reached.begin(), reached.end()), reached.end());
  return reached;
}

std::vector<const Briefing*> briefings_of(const Plan& plan, AuditId audit) {
  plan.audit(audit);  // NotFoundError for an audit the plan does not have
  std::vector<const Briefing*> found;
  for (const auto& b : plan.briefings())
    if (b.audit == audit) found.push_back(&b);
  return found;
}

}  // namespace plansight
