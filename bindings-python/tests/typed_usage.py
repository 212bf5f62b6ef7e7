"""Typed use of the public API: checked by `mypy --strict` (scripts/test-python.sh) and run by
test_journeymap.py. `assert_type` fails the type check if a call is typed `Any` or wrongly."""

import pathlib
from typing import Any, Dict, List, Optional, assert_type

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[2]

m = assert_type(journeymap.load(ROOT / "testdata/scoring/chain.json"), journeymap.JourneyMap)
scores = assert_type(m.score(), journeymap.Scores)
assert_type(m.score(journeymap.ScoringConfig(top=3)), journeymap.Scores)
assert_type(m.score(top=3, weights={"reach": 1.0}), journeymap.Scores)
assert_type(journeymap.score(m, {"top": 2}), journeymap.Scores)
assert_type(scores.to_json(), str)
assert_type(scores.to_dict(), Dict[str, Any])
assert_type(scores.moments_of_truth, journeymap.Table)
assert_type(m.score_json(pretty=True), str)

config = journeymap.ScoringConfig(weights=journeymap.PriorityWeights(reach=1.0), top=3)
assert_type(config.weights.reach, float)
assert_type(config.top, Optional[int])
assert_type(config.to_dict(), Dict[str, Any])

diagnostics = assert_type(journeymap.validate("null"), List[journeymap.Diagnostic])
assert_type(diagnostics[0].code, str)
assert_type(diagnostics[0].line, Optional[int])

try:
    journeymap.loads("{}")
except journeymap.ValidationError as e:
    assert_type(e.code, Optional[str])
    assert_type(e.diagnostics, List[journeymap.Diagnostic])

columns = assert_type(m.score_paths([["a", "b"]]), Dict[str, List[Any]])

report = assert_type(m.score_path(["a", "c", "b", "zz", "c"]), journeymap.PathReport)
assert_type(report["steps"], int)
assert_type(report["peak_end"], Optional[float])
assert_type(report["valleys"], List[int])
step = assert_type(report["trace"][1], journeymap.PathStep)
assert_type(step["emotion"], Optional[float])
assert_type(step["unexpected_move"], bool)
assert_type(step["skipped_stages"], int)
assert_type(scores.touchpoints, journeymap.Table)
assert_type(scores.stages, journeymap.Table)
assert_type(scores.outcomes, journeymap.Table)

bank = journeymap.load(ROOT / "examples/bank-personal-loan.as-is.json")
plan = assert_type(bank.portfolio(10), journeymap.Portfolio)
assert_type(plan["chosen"], List[str])
assert_type(plan["predicted"]["conversion"], float)
assert_type(plan["predicted"]["peak_end"], Optional[float])
assert_type(plan["steps"][0]["gain_per_effort"], Optional[float])
assert_type(bank.apply(plan["chosen"]), journeymap.JourneyMap)
assert_type(bank.score().opportunities, journeymap.Table)
effects = bank.opportunities[0].effects
assert effects is not None
assert_type(effects.measures[0].measures.effort, Optional[float])

overrides = m.touchpoints[0].persona_measures
assert_type(overrides.get("p"), Optional[journeymap.Measures])
assert_type(overrides.extra, Dict[str, Any])
print(scores.map, config.top, diagnostics[0].code, len(columns["steps"]), report["valleys"], len(overrides))

day = assert_type(journeymap.from_mermaid("journey\n  section Go\n    Make tea: 5: Me\n"), journeymap.JourneyMap)
assert_type(day.to_mermaid(), str)
assert_type(day.to_mermaid(persona="me"), str)
assert_type(day.to_csv(delimiter=";"), str)
assert_type(journeymap.from_csv(ROOT / "testdata/interchange/csv/basic.csv"), journeymap.JourneyMap)
assert_type(journeymap.from_csv(day.to_csv()), journeymap.JourneyMap)
