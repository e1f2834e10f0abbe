// The review rhythm: review cycles, reviewable items and review meetings
// (read-only value types, the Plan's lists and as-of queries), the cycle
// arithmetic of review_cycles.hpp as module functions, and the changes
// between two reviews (changes.hpp). Recording goes through the Store
// (register_store.cpp), which validates and writes history.
#include "bindings.hpp"
#include "plansight/changes.hpp"
#include "plansight/dates.hpp"
#include "plansight/review_cycles.hpp"

namespace plansight::python {
namespace {

using namespace pybind11::literals;
constexpr auto copy = py::return_value_policy::copy;

std::string id_text(std::int64_t id) { return std::to_string(id); }

template <class T>
std::optional<T> optional_copy(const T* found) {
  return found ? std::optional<T>(*found) : std::nullopt;
}

std::string dates_text(const std::vector<Date>& dates) {
  std::string text;
  for (auto d : dates) text += (text.empty() ? "" : ", ") + iso_or_dash(d);
  return text;
}

std::string describe_schedule(const ReviewCycle& c) {
  switch (c.kind) {
    case CycleKind::every_n_months:
      return "every " + std::to_string(c.months) + " months from " + iso_or_dash(c.start);
    case CycleKind::explicit_dates:
      return "on " + dates_text(c.dates);
    default:
      return to_string(c.kind) + " from " + iso_or_dash(c.start);
  }
}

std::string attached_to(const ReviewCycle& c) {
  if (c.audit) return "audit " + id_text(c.audit->value());
  if (c.item) return "item " + id_text(c.item->value());
  return "partnership " + id_text(c.partnership.value());
}

void bind_cycle(py::module_& m) {
  py::class_<ReviewCycle>(m, "ReviewCycle",
                          "A schedule of review dates, attached to a partnership's whole plan, one "
                          "audit's plan or one reviewable item; the most specific one governs.")
      .def_readonly("id", &ReviewCycle::id, "The cycle's id.")
      .def_readonly("partnership", &ReviewCycle::partnership, "Id of the partnership it belongs to.")
      .def_readonly("name", &ReviewCycle::name, "The cycle's name, e.g. 'LIS quarterly review'.")
      .def_readonly("kind", &ReviewCycle::kind, "How its dates fall.")
      .def_property_readonly(
          "start",
          [](const ReviewCycle& c) { return c.start.is_special() ? std::nullopt : std::optional<Date>(c.start); },
          "The first review date (quarterly: quarter ends on or after it); None for explicit dates.")
      .def_readonly("months", &ReviewCycle::months, "every_n_months: months between reviews.")
      .def_readonly("dates", &ReviewCycle::dates, "explicit_dates: the review dates, ascending.")
      .def_readonly("group", &ReviewCycle::group, "Id of the group that reviews, or None.")
      .def_readonly("audit", &ReviewCycle::audit, "Id of the audit whose plan it governs, or None.")
      .def_readonly("item", &ReviewCycle::item, "Id of the reviewable item it governs, or None.")
      .def("__repr__", [](const ReviewCycle& c) {
        return "<ReviewCycle " + id_text(c.id.value()) + " " + quoted(c.name) + " " + describe_schedule(c) +
               " for " + attached_to(c) + ">";
      }, "Like <ReviewCycle 1 'LIS quarterly review' calendar_quarters from 2024-03-31 for partnership 1>.");
}

void bind_items(py::module_& m) {
  py::class_<ItemReview>(m, "ItemReview", "A dated re-review of a reviewable item: kept or retired.")
      .def_readonly("item", &ItemReview::item, "Id of the item reviewed.")
      .def_readonly("on", &ItemReview::on, "The date of the review.")
      .def_readonly("by", &ItemReview::by, "Who reviewed it.")
      .def_readonly("note", &ItemReview::note, "What the review found.")
      .def_readonly("retired", &ItemReview::retired, "True when the item was retired (e.g. a flag removed).")
      .def("__repr__", [](const ItemReview& r) {
        return "<ItemReview of item " + id_text(r.item.value()) + " on " + iso_or_dash(r.on) +
               (r.retired ? ", retired" : "") + ">";
      }, "Like <ItemReview of item 3 on 2024-09-30>.");
  py::class_<ReviewableItem>(m, "ReviewableItem",
                             "Something other than an action re-reviewed every N months: a flag on a "
                             "child's record, a completed screening tool.")
      .def_readonly("id", &ReviewableItem::id, "The item's id.")
      .def_readonly("partnership", &ReviewableItem::partnership, "Id of its partnership.")
      .def_readonly("kind", &ReviewableItem::kind, "What it is.")
      .def_readonly("description", &ReviewableItem::description, "What it is, never a child's name.")
      .def_readonly("audit", &ReviewableItem::audit, "Id of the audit that raised it, or None.")
      .def_readonly("case", &ReviewableItem::case_id, "Id of the case it concerns, or None.")
      .def_readonly("agency", &ReviewableItem::agency, "Id of the agency whose record or tool it is, or None.")
      .def_readonly("placed_on", &ReviewableItem::placed_on, "When it was placed.")
      .def_readonly("review_every_months", &ReviewableItem::review_every_months,
                    "Months between reviews (unless a cycle is attached to it).")
      .def_readonly("reviews", &ReviewableItem::reviews, "Its reviews, in date order.")
      .def("__repr__", [](const ReviewableItem& i) {
        return "<ReviewableItem " + id_text(i.id.value()) + " " + to_string(i.kind) + " " + quoted(i.description) +
               " placed " + iso_or_dash(i.placed_on) + ", every " + std::to_string(i.review_every_months) +
               " months>";
      }, "Like <ReviewableItem 3 record_flag 'Risk to staff' placed 2024-01-10, every 6 months>.");
}

void bind_meeting(py::module_& m) {
  py::class_<ReviewOutcome>(m, "ReviewOutcome",
                            "What a review meeting decided for one action. extend needs new_due and a "
                            "reason; escalate needs escalated_to and a reason; cancel needs a reason.")
      .def(py::init([](ActionId action, OutcomeKind kind, std::string note, std::optional<Date> new_due,
                       std::string reason, std::optional<GroupId> escalated_to) {
             return ReviewOutcome{action, kind, std::move(note), new_due, std::move(reason), escalated_to};
           }),
           "action"_a, "kind"_a, py::kw_only(), "note"_a = "", "new_due"_a = py::none(), "reason"_a = "",
           "escalated_to"_a = py::none(),
           "The outcome `kind` for action id `action`; checked when the meeting is recorded.")
      .def_readonly("action", &ReviewOutcome::action, "Id of the action.")
      .def_readonly("kind", &ReviewOutcome::kind, "The decision.")
      .def_readonly("note", &ReviewOutcome::note, "What was said.")
      .def_readonly("new_due", &ReviewOutcome::new_due, "extend: the new due date.")
      .def_readonly("reason", &ReviewOutcome::reason, "extend, escalate, cancel: why.")
      .def_readonly("escalated_to", &ReviewOutcome::escalated_to, "escalate: id of the group escalated to.")
      .def("__repr__", [](const ReviewOutcome& o) {
        std::string text = "<ReviewOutcome " + to_string(o.kind) + " action " + id_text(o.action.value());
        if (o.new_due) text += " to " + iso_or_dash(*o.new_due);
        if (o.escalated_to) text += " to group " + id_text(o.escalated_to->value());
        if (!o.reason.empty()) text += ": " + quoted(o.reason);
        return text + ">";
      }, "Like <ReviewOutcome extend action 7 to 2025-06-30: 'Venue unavailable'>.");
  py::class_<ReviewMeeting>(m, "ReviewMeeting",
                            "A review meeting held by a group with the agencies attending and a "
                            "per-action outcome.")
      .def_readonly("id", &ReviewMeeting::id, "The meeting's id.")
      .def_readonly("group", &ReviewMeeting::group, "Id of the group that held it.")
      .def_readonly("held_on", &ReviewMeeting::held_on, "When it was held.")
      .def_readonly("attending", &ReviewMeeting::attending, "Ids of the agencies attending.")
      .def_readonly("note", &ReviewMeeting::note, "Minutes or a note.")
      .def_readonly("outcomes", &ReviewMeeting::outcomes, "One outcome per action reviewed.")
      .def("__repr__", [](const ReviewMeeting& r) {
        return "<ReviewMeeting " + id_text(r.id.value()) + " of group " + id_text(r.group.value()) + " on " +
               iso_or_dash(r.held_on) + ", " + std::to_string(r.outcomes.size()) + " outcomes>";
      }, "Like <ReviewMeeting 2 of group 1 on 2024-09-30, 12 outcomes>.");
}

void bind_quarters(py::module_& m) {
  py::class_<Quarter>(m, "Quarter", "A calendar quarter: number 1 is January to March.")
      .def_readonly("year", &Quarter::year, "The year.")
      .def_readonly("number", &Quarter::number, "1 to 4.")
      .def_readonly("first", &Quarter::first, "Its first day.")
      .def_readonly("last", &Quarter::last, "Its last day (the review date of a quarterly cycle).")
      .def("__str__", [](const Quarter& q) { return label(q); }, "Like '2024 Q3'.")
      .def("__repr__", [](const Quarter& q) { return "<Quarter " + label(q) + ">"; }, "Like <Quarter 2024 Q3>.");
  py::class_<FinancialQuarter>(m, "FinancialQuarter",
                               "A UK financial-year quarter: the year runs April to March and is named "
                               "by the year it starts in; number 1 is April to June.")
      .def_readonly("start_year", &FinancialQuarter::start_year, "The year the financial year starts in.")
      .def_readonly("number", &FinancialQuarter::number, "1 to 4.")
      .def_readonly("first", &FinancialQuarter::first, "Its first day.")
      .def_readonly("last", &FinancialQuarter::last, "Its last day.")
      .def("__str__", [](const FinancialQuarter& q) { return label(q); }, "Like '2024/25 Q2'.")
      .def("__repr__", [](const FinancialQuarter& q) { return "<FinancialQuarter " + label(q) + ">"; },
           "Like <FinancialQuarter 2024/25 Q2>.");
  m.def("calendar_quarter", &calendar_quarter, "date"_a, "The calendar quarter holding `date`.")
      .def("financial_quarter", &financial_quarter, "date"_a, "The financial-year quarter holding `date`.")
      .def("parse_quarter", &parse_quarter, "text"_a,
           "Reads '2024 Q3' or 'Q3 2024'; raises ValidationError naming field 'quarter'.")
      .def("parse_financial_quarter", &parse_financial_quarter, "text"_a,
           "Reads '2024/25 Q2' or 'Q2 2024/25'; raises ValidationError naming field 'quarter'.");
}

void bind_cycle_functions(py::module_& m) {
  m.def("next_review", &next_review, "cycle"_a, "after"_a,
        "The cycle's first review date strictly after `after`, or None.")
      .def("previous_review", &previous_review, "cycle"_a, "before"_a,
           "The cycle's last review date strictly before `before`, or None.")
      .def("review_dates", &review_dates, "cycle"_a, "from_"_a, "to"_a,
           "Every review date of the cycle in [from_, to], ascending.")
      .def("is_review_date", &is_review_date, "cycle"_a, "date"_a, "Whether `date` is one of the cycle's review dates.")
      .def("check_cycle", &check_cycle, "cycle"_a,
           "Raises ValidationError naming the field when the cycle cannot produce dates.");
}

void bind_changes(py::module_& m) {
  py::class_<StatusChange>(m, "StatusChange", "An action whose status differs between two dates.")
      .def_readonly("action", &StatusChange::action, "Id of the action.")
      .def_readonly("from_", &StatusChange::from, "Status at the earlier date (not_started when created since).")
      .def_readonly("to", &StatusChange::to, "Status at the later date.")
      .def("__repr__", [](const StatusChange& c) {
        return "<StatusChange action " + id_text(c.action.value()) + " " + to_string(c.from) + " -> " +
               to_string(c.to) + ">";
      }, "Like <StatusChange action 7 not_started -> in_progress>.");
  py::class_<Escalation>(m, "Escalation", "An escalate outcome of a review meeting.")
      .def_readonly("review", &Escalation::review, "Id of the meeting.")
      .def_readonly("on", &Escalation::on, "When the meeting was held.")
      .def_readonly("action", &Escalation::action, "Id of the action escalated.")
      .def_readonly("from_", &Escalation::from, "Id of the group that escalated it.")
      .def_readonly("to", &Escalation::to, "Id of the group it was escalated to.")
      .def_readonly("reason", &Escalation::reason, "Why.")
      .def("__repr__", [](const Escalation& e) {
        return "<Escalation of action " + id_text(e.action.value()) + " on " + iso_or_dash(e.on) + " to group " +
               id_text(e.to.value()) + ": " + quoted(e.reason) + ">";
      }, "Like <Escalation of action 7 on 2024-09-30 to group 3: 'extended three times'>.");
  py::class_<ReviewChanges>(m, "ReviewChanges",
                            "What moved between two reviews, for the period (since, until]: every list "
                            "ascending by action id.")
      .def_readonly("since", &ReviewChanges::since, "The earlier review date.")
      .def_readonly("until", &ReviewChanges::until, "The later review date.")
      .def_readonly("new_actions", &ReviewChanges::new_actions, "Ids of actions created in the period.")
      .def_readonly("status_changes", &ReviewChanges::status_changes, "Actions whose status changed.")
      .def_readonly("completed", &ReviewChanges::completed, "Ids complete at until, not at since.")
      .def_readonly("assured", &ReviewChanges::assured, "Ids assured at until, not at since.")
      .def_readonly("extensions", &ReviewChanges::extensions, "Due-date revisions made in the period.")
      .def_readonly("escalations", &ReviewChanges::escalations, "Escalations of meetings held in the period.")
      .def_readonly("newly_overdue", &ReviewChanges::newly_overdue, "Ids overdue at until, not at since.")
      .def_readonly("newly_blocked", &ReviewChanges::newly_blocked, "Ids blocked at until, not at since.")
      .def_readonly("newly_at_risk", &ReviewChanges::newly_at_risk, "Ids AMBER at until, not at since.")
      .def("__repr__", [](const ReviewChanges& c) {
        return "<ReviewChanges " + iso_or_dash(c.since) + " to " + iso_or_dash(c.until) + ": " +
               std::to_string(c.new_actions.size()) + " new, " + std::to_string(c.completed.size()) +
               " completed, " + std::to_string(c.newly_overdue.size()) + " newly overdue, " +
               std::to_string(c.escalations.size()) + " escalated>";
      }, "Like <ReviewChanges 2024-06-30 to 2024-09-30: 3 new, 5 completed, 2 newly overdue, 1 escalated>.");
}

// The whole-plan cycle of `partnership`, or of the plan's only partnership
// with one when none is named.
const ReviewCycle& governing_plan_cycle(const Plan& plan, std::optional<PartnershipId> partnership) {
  if (partnership) {
    if (const auto* cycle = plan_cycle(plan, *partnership)) return *cycle;
    throw NotFoundError("partnership " + id_text(partnership->value()) + " has no whole-plan review cycle");
  }
  const ReviewCycle* found = nullptr;
  for (const auto& c : plan.review_cycles()) {
    if (c.audit || c.item) continue;
    if (found) throw ValidationError("partnership", "several partnerships have a review cycle; name one");
    found = &c;
  }
  if (!found) throw NotFoundError("the plan has no whole-plan review cycle");
  return *found;
}

void bind_plan_queries(py::module_& m) {
  auto plan = py::reinterpret_borrow<py::class_<Plan>>(m.attr("Plan"));
  plan.def("review_cycles", &Plan::review_cycles, copy, "Every review cycle, in the order added.")
      .def("reviewable_items", &Plan::reviewable_items, copy, "Every reviewable item, in the order added.")
      .def("reviews", &Plan::reviews, copy, "Every review meeting, in the order recorded.")
      .def("review_cycle", &Plan::review_cycle, "id"_a, copy, "The review cycle `id`; NotFoundError when none.")
      .def("reviewable_item", &Plan::reviewable_item, "id"_a, copy,
           "The reviewable item `id`; NotFoundError when none.")
      .def("review", &Plan::review, "id"_a, copy, "The review meeting `id`; NotFoundError when none.")
      .def("cycle_for",
           [](const Plan& p, ActionId action) { return optional_copy(cycle_for(p, p.action(action))); },
           "action"_a, "The cycle governing the action: its audit's, else its partnership's; None when none.")
      .def("plan_cycle", [](const Plan& p, PartnershipId id) { return optional_copy(plan_cycle(p, id)); },
           "partnership"_a, "The partnership's whole-plan review cycle, or None.")
      .def("next_review",
           [](const Plan& p, Date after, std::optional<PartnershipId> partnership) {
             return next_review(governing_plan_cycle(p, partnership), after);
           },
           "after"_a, "partnership"_a = py::none(),
           "The first review date strictly after `after` of the partnership's whole-plan cycle (the "
           "plan's only one when no partnership is named), or None.")
      .def("previous_review",
           [](const Plan& p, Date before, std::optional<PartnershipId> partnership) {
             return previous_review(governing_plan_cycle(p, partnership), before);
           },
           "before"_a, "partnership"_a = py::none(),
           "The last review date strictly before `before` of the partnership's whole-plan cycle (the "
           "plan's only one when no partnership is named), or None.")
      .def("missed_reviews",
           [](const Plan& p, ActionId action, Date as_of) { return missed_reviews(p, p.action(action), as_of); },
           "action"_a, py::kw_only(), "as_of"_a,
           "Review dates up to as_of the action was open at with no update since the previous review.")
      .def("review_due_on",
           [](const Plan& p, ReviewableId item, Date as_of) {
             return review_due_on(p, p.reviewable_item(item), as_of);
           },
           "item"_a, py::kw_only(), "as_of"_a, "When the item's next review is due, as of as_of.")
      .def("is_review_overdue",
           [](const Plan& p, ReviewableId item, Date as_of) {
             return is_review_overdue(p, p.reviewable_item(item), as_of);
           },
           "item"_a, py::kw_only(), "as_of"_a,
           "Placed by as_of, not retired then, and its review was due before as_of.")
      .def("overdue_reviews", [](const Plan& p, Date as_of) { return overdue_reviews(p, as_of); },
           py::kw_only(), "as_of"_a, "Ids of the items whose review is overdue at as_of, ascending.")
      .def("changes",
           [](const Plan& p, Date since, Date until, std::optional<PartnershipId> partnership) {
             return changes_between(p, since, until, partnership);
           },
           py::kw_only(), "since"_a, "until"_a, "partnership"_a = py::none(),
           "What moved in (since, until]: new actions, status changes, completions, assurances, "
           "extensions, escalations, newly overdue, blocked and at risk. ValidationError unless "
           "since < until.")
      .def("escalations",
           [](const Plan& p, Date since, Date until, std::optional<PartnershipId> partnership) {
             return escalations_between(p, since, until, partnership);
           },
           py::kw_only(), "since"_a, "until"_a, "partnership"_a = py::none(),
           "Escalations of meetings held in (since, until], in meeting then outcome order.");
}

}  // namespace

void register_reviews(py::module_& m) {
  bind_cycle(m);
  bind_items(m);
  bind_meeting(m);
  bind_quarters(m);
  bind_cycle_functions(m);
  bind_changes(m);
  bind_plan_queries(m);
}

}  // namespace plansight::python
