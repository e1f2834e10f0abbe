import datetime as dt
import sys
from pathlib import Path

import plansight as ps

sys.path.insert(0, "examples/seeds")
from load_seeds import build_seed_store  # the five seed audits, as worked examples

seeded = build_seed_store("seeds.db")
plan, as_of = seeded.store.plan, dt.date(2025, 3, 31)

Path("review-pack.html").write_text(ps.render_review_pack(plan, as_of), encoding="utf-8")
Path("review-pack.md").write_text(ps.render_review_pack(plan, as_of, "markdown"), encoding="utf-8")

briefing = plan.briefing(seeded.briefings["cac"])  # the child to adult conflict QA audit
page = ps.render_briefing(plan, briefing.audit, as_of, "markdown")
print(page.splitlines()[0])
print(next(line for line in page.splitlines() if line.startswith("Ten children")))
print("published", ps.published_on(briefing, as_of), "to", len(ps.reached_agencies(briefing, as_of)), "agencies")
