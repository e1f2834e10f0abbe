// North Yorkshire's domestic abuse learning themes audit, its LIS action
// plan, and the plan's state at the 2024 Q2 review.
#include <plansight/plansight.hpp>

#include <iostream>

int main(int argc, char** argv) {
  using namespace plansight;
  Store store = Store::open(argc > 1 ? argv[1] : ":memory:");
  const Actor me{"LIS business manager", std::nullopt};

  auto nyscp = store.add(Partnership{{}, "North Yorkshire SCP"}, me);
  auto police = store.add(Agency{{}, "North Yorkshire Police", Sector::police}, me);
  auto lis = store.add(Group{{}, nyscp.id, "Learning and Improvement Subgroup"}, me);

  Audit audit;
  audit.partnership = nyscp.id;
  audit.title = "Multi-Agency Response to Domestic Abuse";
  audit.kind = AuditKind::learning_themes_audit;
  audit.held_on = Date(2023, 11, 1);
  audit = store.add(audit, me);

  Finding finding;
  finding.audit = audit.id;
  finding.category = FindingCategory::area_for_development;
  finding.text = "Voice of the child: not consistently clear in the cases reviewed";
  finding = store.add(finding, me);

  Action guidance;
  guidance.partnership = nyscp.id;
  guidance.audit = audit.id;
  guidance.finding = finding.id;
  guidance.title = "Update domestic abuse practice guidance";
  guidance.owner.group = lis.id;
  guidance.created_on = Date(2023, 12, 1);
  guidance.due_on = Date(2024, 3, 31);
  guidance = store.add(guidance, me);

  Action briefing = guidance;
  briefing.id = ActionId();
  briefing.title = "Share a 7 minute briefing on the voice of the child";
  briefing.owner = Owner{police.id, std::nullopt, "Safeguarding Lead", ""};
  briefing.due_on = Date(2024, 9, 30);
  briefing = store.add(briefing, me);
  store.add_dependency(briefing.id, guidance.id, me, "the briefing cites the guidance");

  store.record(Update{guidance.id, Date(2024, 3, 31), Status::in_progress, Rag::amber, "Draft out", "", {}}, me);
  store.record(DueDateRevision{guidance.id, Date(2024, 3, 31), Date(2024, 7, 31), "Consultation", "LIS"}, me);

  const Date q2(2024, 6, 30);
  for (const auto& a : store.plan().actions())
    std::cout << a.title << ": " << to_string(rag_at(store.plan(), a, q2))
              << (is_blocked(store.plan(), a, q2) ? " (blocked)" : "") << "\n";
}
