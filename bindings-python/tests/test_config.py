"""`ScoringConfig`: a frozen dataclass checked by the core, accepted by every scoring call, with
the keyword form `m.score(top=3, weights={...})`."""

import dataclasses

import pytest

import journeymap

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]

REACH_ONLY = {"reach": 1, "importance": 0, "pain": 0, "swing": 0, "criticality": 0}


@pytest.fixture(scope="module")
def m():
    return journeymap.load(ROOT / "examples/retail-click-and-collect.json")


def test_is_a_frozen_dataclass_with_attribute_access():
    c = journeymap.ScoringConfig(top=3, weights={"reach": 1})
    assert dataclasses.is_dataclass(c) and not isinstance(c, dict)
    assert c.top == 3
    assert isinstance(c.weights, journeymap.PriorityWeights)
    assert c.weights.reach == 1.0
    assert c.weights.importance == journeymap.PriorityWeights().importance == 0.2
    assert isinstance(c.health, journeymap.HealthWeights) and c.health.conversion == 0.35
    assert isinstance(c.survey, journeymap.SurveyConfig) and c.survey.max_surveys == 3
    assert c.crosshair == "scale_midpoint"
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.top = 4  # type: ignore[misc]
    assert repr(c).startswith("ScoringConfig(weights=PriorityWeights(reach=1.0, ")


def test_defaults_are_the_core_defaults():
    assert journeymap.ScoringConfig().to_dict() == journeymap._native.scoring_config({})
    assert journeymap.ScoringConfig().to_dict() == {
        "weights": {"reach": 0.25, "importance": 0.2, "pain": 0.25, "swing": 0.1, "criticality": 0.2},
        "crosshair": "scale_midpoint",
        "health": {"conversion": 0.35, "emotion": 0.25, "effort": 0.2, "experience": 0.2},
        "survey": {"max_surveys": 3, "min_spacing": 2, "effort_threshold": 0.5},
        "top": None,
        "opportunities": {
            "impact": {"massive": 10.0, "high": 5.0, "medium": 2.0, "low": 1.0},
            "value_scale": {"min": 1.0, "max": 5.0},
            "default_confidence": 0.5,
            "high_impact": 1.0,
            "high_effort": None,
        },
    }


def test_equality_to_dict_and_from_dict():
    a = journeymap.ScoringConfig(weights=journeymap.PriorityWeights(reach=1.0), top=2)
    b = journeymap.ScoringConfig(weights={"reach": 1}, top=2)
    assert a == b and hash(a) == hash(b)
    assert a != journeymap.ScoringConfig(top=2)
    assert journeymap.ScoringConfig.from_dict(a.to_dict()) == a
    assert journeymap.ScoringConfig.from_dict({"top": 2, "weights": {"reach": 1}}) == a
    assert isinstance(a.to_dict()["weights"], dict)


def test_checked_when_built():
    with pytest.raises(journeymap.ConfigError) as info:
        journeymap.ScoringConfig(weights={"reach": -1})
    assert info.value.code == "JM107"
    assert info.value.diagnostics[0].path == "/weights/reach"
    with pytest.raises(journeymap.ConfigError):
        journeymap.ScoringConfig(survey={"nonsense": 1})
    with pytest.raises(journeymap.ConfigError):
        journeymap.ScoringConfig.from_dict({"no_such_setting": 1})
    with pytest.raises(TypeError):
        journeymap.ScoringConfig(no_such_setting=1)  # type: ignore[call-arg]


def test_every_form_gives_the_same_scores(m):
    expected = m.score_json({"top": 3, "weights": REACH_ONLY})
    assert expected != m.score_json()
    config = journeymap.ScoringConfig(top=3, weights=REACH_ONLY)
    assert m.score_json(config) == expected
    assert m.score(config).to_json() == expected
    assert m.score(top=3, weights=REACH_ONLY).to_json() == expected
    assert m.score(top=3, weights=journeymap.PriorityWeights(**REACH_ONLY)).to_json() == expected
    assert m.score_json(top=3, weights=REACH_ONLY) == expected
    assert journeymap.score(m, top=3, weights=REACH_ONLY).to_json() == expected
    assert journeymap.score(m, config).to_json() == expected
    # Keywords replace the top-level settings of `config`.
    assert m.score(journeymap.ScoringConfig(top=1, weights=REACH_ONLY), top=3).to_json() == expected
    assert m.score({"top": 1}, top=3, weights=REACH_ONLY).to_json() == expected


def test_config_changes_the_ranking(m):
    reach_only = m.score(weights=REACH_ONLY)
    reaches = [r["factor_reach"] for r in reach_only.moments_of_truth]
    assert reaches == sorted(reaches, reverse=True)
    assert len(m.score().personas[0]["effort"]["hot_spots"]) > 1
    assert len(m.score(top=1).personas[0]["effort"]["hot_spots"]) == 1
