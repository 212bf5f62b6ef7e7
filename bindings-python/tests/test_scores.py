"""Scores over the customer base (`Scores.touchpoints`, `.stages`, `.outcomes`, ...) and observed
paths explained step by step (`JourneyMap.score_path`)."""

import json
import pathlib
import typing

import pytest

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*.json"))


@pytest.fixture(scope="module")
def bank():
    m = journeymap.load(ROOT / "examples/bank-personal-loan.as-is.json")
    return m, m.score()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_overall_touchpoints_one_row_per_touchpoint_share_weighted(path):
    m = journeymap.load(path)
    scores = m.score()
    rows = scores.touchpoints
    assert isinstance(rows, journeymap.Table)
    ids = [r["touchpoint"] for r in rows]
    # Every touchpoint of these maps applies to some persona: one row each, sorted by id.
    assert ids == sorted(t.id for t in m.touchpoints)
    assert rows == scores.overall["touchpoints"]
    stage = {t.id: t.stage for t in m.touchpoints}
    assert all(r["stage"] == stage[r["touchpoint"]] for r in rows)
    # visit_probability is the share-weighted sum of the personas' values (0 where a persona
    # never sees the touchpoint), the weights being the personas' normalized shares.
    weights = dict(scores.overall["personas"])
    assert weights == {p["persona"]: p["weight"] for p in scores.personas}
    assert sum(weights.values()) == pytest.approx(1)
    per_persona = {(r["persona"], r["touchpoint"]): r for r in scores.conversion}
    for r in rows:
        for field in ("visit_probability", "expected_visits"):
            expected = sum(w * per_persona[(p, r["touchpoint"])][field] for p, w in weights.items() if (p, r["touchpoint"]) in per_persona)
            assert r[field] == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_overall_touchpoint_columns(bank):
    _, scores = bank
    pd = pytest.importorskip("pandas")
    frame = scores.touchpoints.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["touchpoint", "stage", "visit_probability", "expected_visits", "drop_off", "removal_effect",
                                   "emotion", "effort", "gap", "effort_contribution", "betweenness"]
    assert frame["visit_probability"].between(0, 1).all()


def test_overall_stages_outcomes_and_short_lists(bank):
    m, scores = bank
    overall = scores.overall
    stages = scores.stages
    assert [r["measure"] for r in stages] == ["emotion"] * len(overall["emotion_stages"]) + ["effort"] * len(overall["effort_stages"]) + ["gap"] * len(overall["gap_stages"])
    assert [{k: v for k, v in r.items() if k != "measure"} for r in stages if r["measure"] == "effort"] == overall["effort_stages"]
    assert [r["stage"] for r in stages if r["measure"] == "emotion"] == [s.id for s in m.stages]
    assert {"stage", "raw", "normalized"} < set(stages[0])
    outcomes = scores.outcomes
    assert outcomes == overall["outcomes"]
    assert sum(r["probability"] for r in outcomes) == pytest.approx(1)
    success = sum(r["probability"] for r in outcomes if r["kind"] == "success")
    assert success == pytest.approx(overall["success_probability"])
    assert scores.effort_hot_spots == overall["effort_hot_spots"] and 0 < len(scores.effort_hot_spots) <= 5
    assert scores.shortfalls == overall["shortfalls"]
    gaps = [r["gap"] for r in scores.shortfalls]
    assert gaps == sorted(gaps)
    assert scores.crossroads == overall["crossroads"]
    assert len(m.score(top=2).effort_hot_spots) == 2
    assert set(overall["expected_emotion"]) == {"raw", "normalized"}
    pd = pytest.importorskip("pandas")
    wide = stages.to_pandas().pivot(index="stage", columns="measure", values="normalized")
    assert set(wide.columns) == {"emotion", "effort", "gap"}


def test_tables_are_copies(bank):
    _, scores = bank
    scores.touchpoints[0]["visit_probability"] = -1
    scores.stages[0]["raw"] = -1
    assert scores.touchpoints[0]["visit_probability"] >= 0
    assert scores.stages[0]["raw"] != -1


def test_emotion_volatility_on_the_declared_scale():
    m = journeymap.load(ROOT / "examples/solar-installation.json")
    scale = m.data.scales.emotion
    assert (scale.min, scale.max) == (1, 10)
    for p in m.score().personas:
        e = p["emotion"]["summary"]
        assert e["volatility"] > 0
        assert e["volatility_raw"] == pytest.approx(e["volatility"] * (scale.max - scale.min) / 2)


def test_score_path_explains_every_step():
    m = journeymap.load(ROOT / "testdata/scoring/chain.json")
    report = m.score_path(["a", "c", "b", "zz", "c"])
    trace = report["trace"]
    assert [s["touchpoint"] for s in trace] == ["a", "c", "b", "zz", "c"]
    assert report["steps"] == len(trace) == 5
    assert trace[1]["unexpected_move"] and trace[1]["skipped_stages"] == 1
    assert trace[2]["backtrack"] and trace[2]["unexpected_move"] and trace[2]["channel_switch"]
    assert trace[3]["on_map"] is False and trace[3]["stage"] is None and trace[3]["emotion"] is None
    assert [s["emotion"] for s in trace] == [1.0, 0.5, -0.5, None, 0.5]
    assert [s["stage"] for s in trace] == ["s1", "s3", "s2", None, "s3"]
    assert not trace[4]["unexpected_move"]  # b -> c is a transition of the map; zz is passed over
    assert report["valleys"] == [2]
    assert (report["on_map"], report["off_map"], report["backtracks"], report["peak_end"]) == (4, 1, 1, 0.75)
    # The scores are those of the bulk call.
    columns = m.score_paths([["a", "c", "b", "zz", "c"]])
    assert {k: v[0] for k, v in columns.items()} == {k: v for k, v in report.items() if k not in ("trace", "valleys")}


def test_path_report_types_match_the_scores_schema():
    defs = journeymap.scores_schema()["$defs"]
    for cls, name in [(journeymap.PathReport, "PathReport"), (journeymap.PathStep, "PathStep")]:
        hints = typing.get_type_hints(cls)
        assert list(hints) == list(defs[name]["properties"]), name
        # Every key is always present (nullable ones as None), so the TypedDicts are total.
        assert set(defs[name]["required"]) <= set(hints) and cls.__total__, name
        for key, prop in defs[name]["properties"].items():
            types = prop.get("type", "array")
            nullable = isinstance(types, list) and "null" in types
            assert (type(None) in typing.get_args(hints[key])) == nullable, (name, key)
    report = journeymap.load(ROOT / "testdata/scoring/chain.json").score_path(["a", "zz"])
    assert list(report) == list(typing.get_type_hints(journeymap.PathReport))
    assert list(report["trace"][0]) == list(typing.get_type_hints(journeymap.PathStep))


def test_scores_schema_describes_the_overall_aggregates():
    overall = journeymap.scores_schema()["$defs"]["Overall"]["properties"]
    for key in ("outcomes", "expected_emotion", "emotion_stages", "effort_stages", "gap_stages", "touchpoints", "effort_hot_spots", "shortfalls", "crossroads"):
        assert key in overall
    data = json.loads(journeymap.load(ROOT / "testdata/scoring/chain.json").score_json())
    assert set(data["overall"]) == set(overall)


def test_score_paths_from_a_generator_of_fresh_strings():
    # Each path's list and strings are freed once consumed, so CPython reuses their addresses
    # for the next path's strings: ids must still resolve to the right touchpoints.
    m = journeymap.load(ROOT / "testdata/scoring/chain.json")
    lines = ["a,b,c", "zz,b", "c,a", "b,c,zz", "a"] * 400
    from_generator = m.score_paths(line.split(",") for line in lines)
    from_list = m.score_paths([line.split(",") for line in lines])
    assert from_generator == from_list
    one_by_one = [m.score_path(line.split(","))["off_map"] for line in lines]
    assert from_generator["off_map"] == one_by_one
