// The results of the plan-wide as-of queries: RAG counts and the quarterly
// review summary. RAG tallies read as dicts keyed by Rag, in Rag order.
#include <map>

#include "bindings.hpp"
#include "plansight/summary.hpp"

namespace plansight::python {
namespace {

std::map<Rag, long> tally(const RagTally& counts) {
  std::map<Rag, long> out;
  for (std::size_t i = 0; i < counts.size(); ++i) out.emplace(static_cast<Rag>(i), counts[i]);
  return out;
}

std::string agency_text(const std::optional<AgencyId>& agency) {
  return agency ? "agency " + std::to_string(agency->value()) : "group-owned";
}

void bind_rag_count(py::module_& m) {
  py::class_<RagCount>(m, "RagCount", "How many actions of a partnership and owner agency had a RAG on a date.")
      .def_readonly("partnership", &RagCount::partnership, "Id of the partnership.")
      .def_readonly("agency", &RagCount::agency, "Id of the owner agency, or None for group-owned actions.")
      .def_readonly("rag", &RagCount::rag, "The RAG counted.")
      .def_readonly("count", &RagCount::count, "The number of actions.")
      .def("__repr__", [](const RagCount& c) {
        return "<RagCount partnership " + std::to_string(c.partnership.value()) + " " +
               agency_text(c.agency) + " " + to_string(c.rag) + ": " + std::to_string(c.count) + ">";
      }, "Like <RagCount partnership 1 agency 3 RED: 7>.");
}

void bind_review_summary(py::module_& m) {
  py::class_<AgencyRag>(m, "AgencyRag", "RAG counts of one owner agency (or of group-owned actions).")
      .def_readonly("agency", &AgencyRag::agency, "Id of the owner agency, or None for group-owned actions.")
      .def_property_readonly("rag", [](const AgencyRag& r) { return tally(r.rag); },
                             "Number of actions per RAG, keyed by Rag.")
      .def("__repr__", [](const AgencyRag& r) {
        std::string text = "<AgencyRag " + agency_text(r.agency);
        for (std::size_t i = 0; i < r.rag.size(); ++i)
          text += " " + to_string(static_cast<Rag>(i)) + " " + std::to_string(r.rag[i]);
        return text + ">";
      }, "Like <AgencyRag agency 3 RED 1 AMBER 2 GREEN 4 BLUE 9 none 0>.");
  py::class_<PartnershipSummary>(m, "PartnershipSummary", "Headline figures of one partnership's plan at a review date.")
      .def_readonly("partnership", &PartnershipSummary::partnership, "Id of the partnership.")
      .def_readonly("actions", &PartnershipSummary::actions, "Actions existing at the review date.")
      .def_readonly("open", &PartnershipSummary::open, "Actions not started or in progress.")
      .def_readonly("overdue", &PartnershipSummary::overdue, "Open actions past their due date.")
      .def_readonly("blocked", &PartnershipSummary::blocked, "Open actions waiting for an open action.")
      .def_readonly("complete", &PartnershipSummary::complete, "Complete actions, assured or not.")
      .def_readonly("assured", &PartnershipSummary::assured, "Actions signed off by a group.")
      .def_readonly("cancelled", &PartnershipSummary::cancelled, "Cancelled actions.")
      .def_property_readonly("rag", [](const PartnershipSummary& s) { return tally(s.rag); },
                             "Number of actions per RAG, keyed by Rag.")
      .def_readonly("by_agency", &PartnershipSummary::by_agency,
                    "RAG counts per owner agency, by agency id, group-owned first.")
      .def_readonly("overdue_actions", &PartnershipSummary::overdue_actions, "Ids of the overdue actions, ascending.")
      .def_readonly("blocked_actions", &PartnershipSummary::blocked_actions, "Ids of the blocked actions, ascending.")
      .def("__repr__", [](const PartnershipSummary& s) {
        return "<PartnershipSummary partnership " + std::to_string(s.partnership.value()) + ": " +
               std::to_string(s.actions) + " actions, " + std::to_string(s.open) + " open, " +
               std::to_string(s.overdue) + " overdue, " + std::to_string(s.blocked) + " blocked>";
      }, "Like <PartnershipSummary partnership 1: 1000 actions, 400 open, 150 overdue, 100 blocked>.");
  py::class_<ReviewSummary>(m, "ReviewSummary", "The quarterly review summary of every partnership's plan at a date.")
      .def_readonly("as_of", &ReviewSummary::as_of, "The review date.")
      .def_readonly("partnerships", &ReviewSummary::partnerships, "One summary per partnership, by id.")
      .def("__repr__", [](const ReviewSummary& s) {
        return "<ReviewSummary as of " + iso_or_dash(s.as_of) + ": " + std::to_string(s.partnerships.size()) +
               " partnerships>";
      }, "Like <ReviewSummary as of 2025-03-31: 10 partnerships>.");
}

}  // namespace

void register_summary(py::module_& m) {
  bind_rag_count(m);
  bind_review_summary(m);
}

}  // namespace plansight::python
