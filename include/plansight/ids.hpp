// Strong identifiers: an ActionId cannot be passed where an AuditId is meant.
// Value 0 means "not yet assigned"; the plan assigns the next free id.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>

namespace plansight {

template <class Tag>
class Id {
 public:
  using value_type = std::int64_t;
  constexpr Id() = default;
  constexpr explicit Id(value_type v) : value_(v) {}
  constexpr value_type value() const { return value_; }
  constexpr bool assigned() const { return value_ != 0; }
  friend constexpr bool operator==(Id a, Id b) { return a.value_ == b.value_; }
  friend constexpr bool operator!=(Id a, Id b) { return a.value_ != b.value_; }
  friend constexpr bool operator<(Id a, Id b) { return a.value_ < b.value_; }
  friend std::ostream& operator<<(std::ostream& os, Id id) { return os << id.value_; }

 private:
  value_type value_ = 0;
};

using PartnershipId = Id<struct PartnershipTag>;
using AgencyId = Id<struct AgencyTag>;
using GroupId = Id<struct GroupTag>;
using ThemeId = Id<struct ThemeTag>;
using AuditId = Id<struct AuditTag>;
using CaseId = Id<struct CaseTag>;
using AgencyReturnId = Id<struct AgencyReturnTag>;
using FindingId = Id<struct FindingTag>;
using RecommendationId = Id<struct RecommendationTag>;
using ActionId = Id<struct ActionTag>;
using EvidenceId = Id<struct EvidenceTag>;
using ConcernId = Id<struct ConcernTag>;
using ReviewCycleId = Id<struct ReviewCycleTag>;
using ReviewableId = Id<struct ReviewableTag>;
using ReviewId = Id<struct ReviewTag>;
using BriefingId = Id<struct BriefingTag>;

}  // namespace plansight

template <class Tag>
struct std::hash<plansight::Id<Tag>> {
  std::size_t operator()(plansight::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value());
  }
};
