// Briefings: the 7 minute briefings written on an audit and their
// dissemination, asked about as of a date the caller gives.
//  - A briefing is published on its first dissemination; until then it is a
//    draft, whatever its written_on.
//  - The agencies a briefing has reached are those of every dissemination
//    dated on or before the date asked about.
// Pure functions of the plan (analysis layer): no clock.
#pragma once

#include <optional>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

// The first dissemination on or before as_of; nullopt when not yet published then.
std::optional<Date> published_on(const Briefing& b, Date as_of);

// Agencies reached by disseminations on or before as_of, ascending by id, each once.
std::vector<AgencyId> reached_agencies(const Briefing& b, Date as_of);

// The briefings written on an audit, in the order added. Throws NotFoundError
// when the plan has no such audit.
std::vector<const Briefing*> briefings_of(const Plan& plan, AuditId audit);

}  // namespace plansight
