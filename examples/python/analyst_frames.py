"""The analyst's view of the example partnership at the 2024/25 Q4 review: pandas frames,
a chart saved for the pack, and whether the re-audit found practice improved."""
import datetime as dt
import sys

import matplotlib.pyplot as plt

import plansight as ps
from plansight import frames, plots

from example_partnership import build_example_store

plan = build_example_store(sys.argv[1] if len(sys.argv) > 1 else ":memory:").plan
q4 = dt.date(2025, 3, 31)
nyscp = plan.find_partnership("North Yorkshire SCP")
assert nyscp is not None

actions = frames.actions(plan, q4, partnership=nyscp.id)  # one row per action, state as of q4
print(actions["rag"].value_counts().to_string())
print("overdue:", list(actions.loc[actions["overdue"], "title"]))
print(frames.rag_counts(plan, q4, partnership=nyscp.id).loc[["North Yorkshire Police"]].to_string())

figure, ax = plt.subplots(figsize=(8, 4), layout="constrained")
plots.rag_by_agency(plan, q4, partnership=nyscp.id, ax=ax)  # draws on ax and returns it, to restyle
ax.set_title("North Yorkshire SCP: RAG by owner, 2024/25 Q4")
figure.savefig("rag_by_agency.png", dpi=120)

reaudit = next(a for a in plan.audits() if a.reaudit_of is not None)
grades = frames.reaudit_grades(plan, reaudit.id)
print("improved:", list(grades.index[grades["improved"]]))
for theme in ps.recurring_themes(plan):
    print(f"{plan.theme(theme.theme).name}: {theme.audits} audits, {theme.first_year}-{theme.last_year}")
