// Review cycles: the dates on which a plan, an audit's plan or a reviewable
// item is reviewed, and what follows from them as of a date. Quarter and
// month arithmetic is Boost.Date_Time's. Pure functions: the date always
// comes from the caller.
//
//   next_review(c, d)      the first review date strictly after d
//   previous_review(c, d)  the last review date strictly before d
//   review_dates(c, a, b)  every review date in [a, b], ascending
//
// A quarterly cycle reviews on quarter ends (31 Mar, 30 Jun, 30 Sep, 31 Dec)
// on or after its start; calendar and financial quarters share these dates
// and differ in their labels ("2024 Q3" is "2024/25 Q2").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

// A calendar quarter: number 1 is January to March.
struct Quarter {
  int year = 0;
  int number = 0;
  Date first;
  Date last;
};

// A UK financial-year quarter: the year runs April to March and is named by
// the year it starts in; number 1 is April to June ("2024/25 Q1").
struct FinancialQuarter {
  int start_year = 0;
  int number = 0;
  Date first;
  Date last;
};

Quarter calendar_quarter(Date d);
FinancialQuarter financial_quarter(Date d);
std::string label(const Quarter& q);           // "2024 Q3"
std::string label(const FinancialQuarter& q);  // "2024/25 Q2"
// Reads "2024 Q3" / "Q3 2024"; ValidationError naming field "quarter".
Quarter parse_quarter(std::string_view text);
// Reads "2024/25 Q2" / "Q2 2024/25"; the two years must be consecutive.
FinancialQuarter parse_financial_quarter(std::string_view text);

// check_cycle(cycle), which says whether a cycle can produce dates, is in plan.hpp:
// the plan runs it on every cycle it takes.

std::optional<Date> next_review(const ReviewCycle& cycle, Date after);
std::optional<Date> previous_review(const ReviewCycle& cycle, Date before);
std::vector<Date> review_dates(const ReviewCycle& cycle, Date from, Date to);
bool is_review_date(const ReviewCycle& cycle, Date d);

// The cycle that governs an action: its audit's, else its partnership's
// whole-plan cycle (the first added of each); nullptr when there is none.
const ReviewCycle* cycle_for(const Plan& plan, const Action& action);
// The partnership's whole-plan cycle, or nullptr.
const ReviewCycle* plan_cycle(const Plan& plan, PartnershipId partnership);
// The cycle attached to the item, or nullptr.
const ReviewCycle* cycle_for(const Plan& plan, const ReviewableItem& item);

// Review dates r with created_on < r <= as_of at which the action was open,
// and no update was dated after the previous review date (or creation) and
// on or before r: the reviews it drifted past. The review dates are its
// audit's cycle's from that cycle's first review on, and its partnership's
// whole-plan cycle's before then, so a cycle attached later never rewrites
// the reviews before it.
std::vector<Date> missed_reviews(const Plan& plan, const Action& action, Date as_of);
// The latest review governing the action on or before D (by the same
// cycles as missed_reviews), if it falls after the action's creation, and
// the date its period began: the governing review before it, or the
// action's creation when that is later. An update dated in (began, review]
// counts for the review.
struct ReviewPeriod {
  Date began;
  Date review;
  const ReviewCycle* cycle = nullptr;  // the cycle `review` belongs to
};
std::optional<ReviewPeriod> latest_review_period(const Plan& plan, const Action& action, Date as_of);
// The date of the latest update on or before D, if any.
std::optional<Date> last_update_on(const Action& action, Date as_of);

// As of D: the latest review on or before D; whether the item was retired
// by then; when its next review is due (see ReviewableItem).
std::optional<Date> last_reviewed_on(const ReviewableItem& item, Date as_of);
bool is_retired_at(const ReviewableItem& item, Date as_of);
Date review_due_on(const Plan& plan, const ReviewableItem& item, Date as_of);
// Placed by D, not retired at D, and its review was due before D.
bool is_review_overdue(const Plan& plan, const ReviewableItem& item, Date as_of);
// Ids of the items whose review is overdue at D, ascending.
std::vector<ReviewableId> overdue_reviews(const Plan& plan, Date as_of);

}  // namespace plansight
