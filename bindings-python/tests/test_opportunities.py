"""Opportunities: `Scores.opportunities` as a table, `JourneyMap.apply` (what-if maps) and
`JourneyMap.portfolio`, against the shared vectors of testdata/opportunities/."""

import json
import math
import pathlib

import pytest

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLANS = json.loads((ROOT / "testdata/opportunities/plans.json").read_text())["plans"]
BANK = ROOT / "examples/bank-personal-loan.as-is.json"
EFFECTS = ROOT / "testdata/scoring/effects.json"


def expected(plan, suffix):
    stem = pathlib.Path(plan["map"]).stem
    return (ROOT / "testdata/opportunities/expected" / f"{stem}.{suffix}.json").read_text()


@pytest.mark.parametrize("plan", PLANS, ids=[p["map"] for p in PLANS])
def test_shared_portfolio_and_what_if_vectors(plan):
    m = journeymap.load(ROOT / plan["map"])
    assert m.portfolio(plan["budget"]) == json.loads(expected(plan, "portfolio"))
    assert m.portfolio_json(plan["budget"], pretty=True) + "\n" == expected(plan, "portfolio")
    assert json.loads(m.portfolio_json(plan["budget"])) == json.loads(expected(plan, "portfolio"))
    to_be = m.apply(plan["apply"])
    assert isinstance(to_be, journeymap.JourneyMap)
    assert to_be.to_json(indent=True) + "\n" == expected(plan, "to-be")


def test_opportunities_table_is_ranked_and_flat():
    scores = journeymap.load(BANK).score()
    table = scores.opportunities
    assert isinstance(table, journeymap.Table)
    assert [r["rank"] for r in table] == list(range(1, len(table) + 1))
    raw = scores.to_dict()["opportunities"]
    assert [r["opportunity"] for r in table] == [o["opportunity"] for o in raw]
    for row, o in zip(table, raw):
        assert row["rice"] == o["rice"]["score"]
        assert row["impact"] == o["rice"]["impact"] and row["impact_source"] == "predicted"
        assert row["predicted_conversion"] == o["predicted"]["conversion"]
        assert row["predicted_health"] == o["predicted"]["health"]
        assert row["pains"] == [p["pain"] for p in o["pains"]]
    frame = table.to_pandas()
    assert list(frame.columns) == [
        "opportunity", "rank", "reach", "rice", "impact", "impact_source", "confidence", "effort", "quadrant",
        "predicted_conversion", "predicted_effort", "predicted_channel_switches", "predicted_handoffs",
        "predicted_peak_end", "predicted_health", "pains", "reasons",
    ]
    assert frame["rank"].tolist() == [1, 2, 3]


def test_an_opportunity_without_effects_has_no_prediction():
    table = journeymap.load(ROOT / "examples/retail-click-and-collect.json").score().opportunities
    assert all(r["predicted_conversion"] is None and r["impact_source"] == "declared" for r in table)


def test_predicted_conversion_is_the_what_if_map_scored_on_its_own():
    m = journeymap.load(BANK)
    before = m.score().overall["success_probability"]
    for o in m.score().opportunities:
        after = m.apply([o["opportunity"]]).score().overall["success_probability"]
        assert o["predicted_conversion"] == after - before


def test_apply_records_provenance_and_keeps_the_original():
    m = journeymap.load(BANK)
    to_be = m.apply(("opp-prefill", "opp-open-banking"))
    assert to_be.state == "to_be" and m.state == "as_is"
    meta = to_be.data.metadata
    assert meta.based_on == m.id and meta.applied_opportunities == ["opp-open-banking", "opp-prefill"]
    assert "paper-docs" not in {t.id for t in to_be.touchpoints}
    assert "paper-docs" in {t.id for t in m.touchpoints}
    comparison = journeymap.compare(m, to_be)
    assert comparison["removed"] == ["paper-docs"] and comparison["conversion"]["change"] > 0
    assert [d.code for d in journeymap.validate(to_be.to_json())] == []


def test_typed_opportunities_carry_their_effects():
    m = journeymap.load(BANK)
    ob = next(o for o in m.opportunities if o.id == "opp-open-banking")
    assert isinstance(ob, journeymap.Opportunity) and isinstance(ob.effects, journeymap.Effects)
    assert ob.effects.removed_touchpoints[0].redirect_to == "doc-upload"
    assert ob.effects.transitions[0].from_ == "doc-upload"
    assert ob.effects.measures[0].measures.effort == 2


def test_errors_have_codes():
    m = journeymap.load(EFFECTS)
    with pytest.raises(journeymap.ScoringError) as e:
        m.apply(["nope"])
    assert e.value.code == "JM110"
    with pytest.raises(TypeError):
        m.apply("o-callback")
    for budget in (-1, math.nan, math.inf):
        with pytest.raises(journeymap.ScoringError) as e:
            m.portfolio(budget)
        assert e.value.code == "JM109"
    with pytest.raises(journeymap.ConfigError) as e:
        m.portfolio(3, opportunities={"impact": {"massive": 1, "high": 5}})
    assert e.value.code == "JM107" and e.value.diagnostics[0].path == "/opportunities/impact/high"


def test_portfolio_settings_and_no_limit():
    m = journeymap.load(EFFECTS)
    p = m.portfolio(3)
    assert p["chosen"] == ["o-warm-call", "o-callback"] and p["effort"] == 3
    assert p["predicted"]["conversion"] == pytest.approx(0.14)
    assert m.portfolio()["budget"] is None
    # Health counting conversion only: the warmer call gains nothing, the call-back comes first.
    conversion_only = journeymap.ScoringConfig(health={"emotion": 0, "effort": 0, "experience": 0})
    assert m.portfolio(3, conversion_only)["chosen"] == ["o-callback"]
    config = journeymap.ScoringConfig(opportunities={"default_confidence": 0.8, "impact": {"massive": 40}})
    assert config.opportunities.default_confidence == 0.8
    assert isinstance(config.opportunities.impact, journeymap.ImpactThresholds)
    survey = next(o for o in m.score(config).opportunities if o["opportunity"] == "o-survey")
    assert survey["confidence"] == 0.8
