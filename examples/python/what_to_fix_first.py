"""What to fix first: the solar installer's opportunities ranked with the journey model, the
portfolio that fits a budget of 8 person-weeks, and the to-be map of the choice.

Run from the repository root: python examples/python/what_to_fix_first.py
"""

import journeymap

m = journeymap.load("examples/solar-installation.json")
ranked = m.score().opportunities.to_pandas()
print(ranked[["rank", "opportunity", "reach", "impact", "rice", "quadrant", "predicted_conversion", "predicted_health"]])
for row in ranked.itertuples():
    print(row.rank, row.opportunity, "—", "; ".join(row.reasons))

plan = m.portfolio(8)
print("portfolio:", plan["chosen"], "effort", plan["effort"])
print(f"predicted: conversion {plan['predicted']['conversion']:+.2%}, health {plan['predicted']['health']:+.1f}")
for d in plan["diagnostics"]:
    print("note:", d["message"])

to_be = m.apply(plan["chosen"])
diff = journeymap.compare(m, to_be)
print(f"to-be {to_be.id}: conversion {diff['conversion']['before']:.1%} -> {diff['conversion']['after']:.1%}")
