"""North Yorkshire's domestic abuse audit, its LIS action plan, and the plan at the 2024 Q2 review."""
import datetime as dt
import sys

import plansight as ps

store = ps.open(sys.argv[1] if len(sys.argv) > 1 else ":memory:")
me = ps.Actor("LIS business manager")

nyscp = store.add_partnership("North Yorkshire SCP", by=me)
police = store.add_agency("North Yorkshire Police", "police", by=me)
lis = store.add_group(nyscp.id, "Learning and Improvement Subgroup", by=me)
audit = store.add_audit(nyscp.id, "Multi-Agency Response to Domestic Abuse", "learning_themes_audit",
                        dt.date(2023, 11, 1), by=me)
finding = store.add_finding(audit.id, "area_for_development",
                            "Voice of the child: not consistently clear in the cases reviewed", by=me)

guidance = store.add_action(nyscp.id, audit.id, "Update domestic abuse practice guidance",
                            owner_group=lis.id, finding=finding.id,
                            created_on=dt.date(2023, 12, 1), due_on=dt.date(2024, 3, 31), by=me)
briefing = store.add_action(nyscp.id, audit.id, "Share a 7 minute briefing on the voice of the child",
                            owner_agency=police.id, owner_role="Safeguarding Lead", finding=finding.id,
                            created_on=dt.date(2023, 12, 1), due_on=dt.date(2024, 9, 30), by=me)
store.add_dependency(briefing.id, guidance.id, by=me, why="the briefing cites the guidance")

store.record_update(guidance.id, on=dt.date(2024, 3, 31), status="in_progress",
                    reported_rag="AMBER", note="Draft out", by=me)
store.revise_due_date(guidance.id, on=dt.date(2024, 3, 31), new_due=dt.date(2024, 7, 31),
                      reason="Consultation", agreed_by="LIS", by=me)

q2 = dt.date(2024, 6, 30)
plan = store.plan
for action in plan.actions():
    blocked = " (blocked)" if plan.is_blocked(action.id, as_of=q2) else ""
    print(f"{action.title}: {plan.rag_at(action.id, as_of=q2)}{blocked}")
