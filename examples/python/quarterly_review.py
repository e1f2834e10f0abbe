"""A quarter of the LIS's rhythm: the review cycle, a review meeting's outcomes,
what moved since the last review, and the partnership's policy rules."""
import datetime as dt
import sys

import plansight as ps

store = ps.open(sys.argv[1] if len(sys.argv) > 1 else ":memory:")
me = ps.Actor("LIS business manager")

nyscp = store.add_partnership("North Yorkshire SCP", by=me)
police = store.add_agency("North Yorkshire Police", "police", by=me)
lis = store.add_group(nyscp.id, "Learning and Improvement Subgroup", by=me)
board = store.add_group(nyscp.id, "Safeguarding Partnership Board", by=me)
audit = store.add_audit(nyscp.id, "Multi-Agency Response to Domestic Abuse", "learning_themes_audit",
                        dt.date(2024, 1, 15), agencies=[police.id], by=me)
store.add_review_cycle(nyscp.id, "LIS quarterly review", "financial_quarters",
                       start=dt.date(2024, 3, 31), group=lis.id, by=me)

training = store.add_action(nyscp.id, audit.id, "Deliver DASH refresher training",
                            owner_agency=police.id, owner_role="DI, Public Protection",
                            success_measure="90% of response officers trained",
                            created_on=dt.date(2024, 2, 1), due_on=dt.date(2024, 9, 30), by=me)
pathway = store.add_action(nyscp.id, audit.id, "Agree a pathway for children's voice in DA referrals",
                           owner_group=lis.id, success_measure="Pathway signed off by the board",
                           created_on=dt.date(2024, 2, 1), due_on=dt.date(2024, 6, 30), by=me)
store.record_update(training.id, on=dt.date(2024, 6, 30), status="in_progress", by=me)

q2 = dt.date(2024, 9, 30)  # 2024/25 Q2
store.record_review(lis.id, held_on=q2, attending=[police.id], by=me, outcomes=[
    ps.ReviewOutcome(training.id, "extend", new_due=dt.date(2024, 12, 31), reason="Trainer on leave"),
    ps.ReviewOutcome(pathway.id, "escalate", escalated_to=board.id, reason="No progress in two quarters"),
])

plan = store.plan
since = plan.previous_review(q2)  # 2024-06-30; None before the cycle's first review
assert since is not None
print(f"{ps.financial_quarter(q2)} review, changes since {since}:")
changes = plan.changes(since=since, until=q2)
print(f"  extended {[e.action for e in changes.extensions]}, escalated {[e.action for e in changes.escalations]}")

rules = ps.RuleSet.builtin()
for result in rules.check(plan, as_of=q2).results:
    print(f"  {result.severity} {result.rule}: {result.message}")
