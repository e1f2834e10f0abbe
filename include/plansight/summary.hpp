// The quarterly LIS review summary: headline figures of every partnership's
// action plan as of a review date, with RAG by agency and the overdue and
// blocked actions a subgroup has to discuss.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "plansight/status.hpp"

namespace plansight {

// Counts indexed by Rag (red, amber, green, blue, none).
using RagTally = std::array<long, enum_count<Rag>()>;

struct AgencyRag {
  std::optional<AgencyId> agency;  // empty: owned by a group
  RagTally rag{};
};

struct PartnershipSummary {
  PartnershipId partnership;
  long actions = 0;     // existing at the review date
  long open = 0;
  long overdue = 0;
  long blocked = 0;
  long complete = 0;    // complete, assured or not
  long assured = 0;
  long cancelled = 0;
  RagTally rag{};
  std::vector<AgencyRag> by_agency;   // ordered by agency id, group-owned first
  std::vector<ActionId> overdue_actions;
  std::vector<ActionId> blocked_actions;
};

struct ReviewSummary {
  Date as_of;
  std::vector<PartnershipSummary> partnerships;  // ordered by id
};

ReviewSummary review_summary(const Plan& plan, Date as_of);

}  // namespace plansight
