"""A notebook-style tour: load a map, validate it, score it, look at DataFrames, compare to-be.

Run from the repository root: python examples/python/notebook_tour.py
"""

import journeymap

# Load and validate (loading refuses maps with errors; validate() lists warnings too).
m = journeymap.load("examples/bank-personal-loan.as-is.json")
print(m)
for d in journeymap.validate("examples/bank-personal-loan.as-is.json"):
    print(d)

# Score: conversion, emotion, effort, moments of truth.
scores = m.score()
print(scores)
overall = scores.overall
print(f"conversion {overall['success_probability']:.1%}, health {overall['health']['index']:.0f}/100")

mot = scores.moments_of_truth.to_pandas()
print(mot[["rank", "touchpoint", "priority", "quadrant"]].head())

curve = scores.emotion_curve("young-pro").to_pandas()
print(curve)

# The customer base: every persona weighted by its share.
print(scores.touchpoints.to_pandas()[["touchpoint", "visit_probability", "removal_effect", "effort_contribution"]].head())
print(scores.stages.to_pandas().pivot(index="stage", columns="measure", values="normalized"))

# One observed path, step by step: where it leaves the map, its valleys.
report = m.score_path(["search", "online-form", "simulator", "doc-upload", "e-sign"], persona="young-pro")
for step in report["trace"]:
    print(step["touchpoint"], step["emotion"], "unexpected" if step["unexpected_move"] else "", "backtrack" if step["backtrack"] else "")
print("valleys at", report["valleys"], "peak-end", report["peak_end"])

# Observed customer paths, in bulk.
paths = [["search", "simulator", "online-form", "doc-upload", "underwriting-wait", "decision-call", "e-sign", "funds"],
         ["branch-info", "advisor-meeting", "paper-docs", "underwriting-wait", "doc-request-again", "underwriting-wait"]]
print(journeymap.score_paths(m, paths, persona="family", as_frame=True)[["steps", "peak_end", "channel_switches", "backtracks"]])

# What the to-be journey changes.
to_be = journeymap.load("examples/bank-personal-loan.to-be.json")
change = journeymap.compare(m, to_be)
print(f"conversion {change['conversion']['before']:.1%} -> {change['conversion']['after']:.1%}")
