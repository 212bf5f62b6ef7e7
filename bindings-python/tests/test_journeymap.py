"""Tests of the installed `journeymap` package against the shared vectors in testdata/."""

import json
import pathlib
import threading

import jsonschema
import pytest

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*.json"))
VALID = sorted(ROOT.glob("testdata/valid/*.json"))
INVALID = ROOT / "testdata" / "invalid"
EXPECTED = json.loads((INVALID / "expected.json").read_text())
SCORING = sorted(p for p in ROOT.glob("testdata/scoring/*.json") if ".paths" not in p.name)


def test_package_is_the_installed_wheel():
    assert "site-packages" in journeymap.__file__
    assert journeymap.__version__


@pytest.mark.parametrize("path", EXAMPLES + VALID, ids=lambda p: p.name)
def test_maps_load_validate_and_round_trip(path):
    original = json.loads(path.read_text())
    m = journeymap.load(path)
    assert [d for d in journeymap.validate(path) if d.severity == "error"] == []
    assert journeymap.validate(original) == journeymap.validate(path.read_bytes())
    again = journeymap.JourneyMap.from_dict(m.to_dict())
    assert again == m
    # No normalisation: the dicts compare equal as they are.
    assert m.to_dict() == original
    assert journeymap.JourneyMap.from_dict(original).to_dict() == original
    assert json.loads(m.to_json()) == original
    assert journeymap.loads(m.to_json()) == m


@pytest.mark.parametrize("path", EXAMPLES + VALID, ids=lambda p: p.name)
def test_round_trip_keeps_every_value_and_its_type(path):
    text = path.read_text()
    original = json.loads(text)
    m = journeymap.load(path)
    assert json.loads(m.to_json()) == json.loads(text)
    written = [m.to_dict(), json.loads(m.to_json()), json.loads(m.to_json(indent=True)), journeymap.JourneyMap.from_dict(original).to_dict()]
    for value in written:
        differences, integral_floats = _differences(original, value)
        # Same keys, same values, same JSON types: an int stays an int, a float a float.
        assert differences == []
        # The one tolerated difference: a float the file itself writes as `1.0` (three example
        # maps write `"probability": 1.0`) comes back as the integer `1`, the same JSON number;
        # those values are compared numerically.
        for pointer in integral_floats:
            assert pointer.rsplit("/", 1)[-1] in NUMBER_FIELDS, pointer


NUMBER_FIELDS = {"probability", "count", "share", "emotion", "expected_emotion", "effort", "importance", "satisfaction",
                 "duration", "volume", "drop_off", "min", "max", "target", "actual", "value", "confidence", "sample_rate"}


def _differences(a, b, at=""):
    """(pointers where `b` is not the JSON value `a`, types included; pointers where `a` holds an
    integral float and `b` the equal int)."""
    differences, integral_floats = [], []

    def walk(a, b, at):
        if isinstance(a, dict) and isinstance(b, dict):
            differences.extend(f"{at}/{k}" for k in a.keys() ^ b.keys())
            for k in a.keys() & b.keys():
                walk(a[k], b[k], f"{at}/{k}")
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{at}/{i}")
        elif type(a) is float and type(b) is int and a == b:
            integral_floats.append(at)
        elif type(a) is not type(b) or a != b:
            differences.append(at)

    walk(a, b, at)
    return differences, integral_floats


def test_integers_are_written_as_integers():
    doc = json.loads((ROOT / "testdata/valid/minimal.json").read_text())
    doc["touchpoints"][0]["measures"] = {"emotion": 1, "effort": 2.5, "importance": 4.0, "volume": 1200}
    doc["transitions"][0]["probability"] = 1
    m = journeymap.JourneyMap.from_dict(doc)
    measures = m.to_dict()["touchpoints"][0]["measures"]
    assert measures == {"emotion": 1, "effort": 2.5, "importance": 4, "volume": 1200}
    assert [type(measures[k]) for k in ("emotion", "effort", "importance", "volume")] == [int, float, int, int]
    assert type(m.to_dict()["transitions"][0]["probability"]) is int
    text = m.to_json()
    assert '"emotion":1,' in text and '"effort":2.5' in text and '"importance":4,' in text and '"probability":1' in text
    assert '"importance":4.0' not in text
    # The typed views keep the value as read.
    assert m.touchpoints[0].measures.emotion == 1


@pytest.mark.parametrize("path", EXAMPLES + SCORING, ids=lambda p: p.name)
def test_shared_score_vectors_match_byte_for_byte(path):
    expected = (ROOT / "testdata" / "scoring" / "expected" / (path.stem + ".scores.json")).read_text()
    m = journeymap.load(path)
    assert m.score_json(pretty=True) + "\n" == expected
    scores = m.score()
    assert scores.to_dict() == json.loads(expected)
    assert scores.map == m.id


def test_shared_path_vectors():
    spec = json.loads((ROOT / "testdata/scoring/chain.paths.json").read_text())
    m = journeymap.load(ROOT / spec["map"])
    expected = json.loads((ROOT / "testdata/scoring/expected/chain.paths.json").read_text())
    assert m.score_paths(spec["paths"], spec["persona"]) == expected
    one = m.score_path(spec["paths"][0], spec["persona"])
    assert one["peak_end"] == expected["peak_end"][0]


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_invalid_fixtures_give_their_diagnostics(name):
    path = INVALID / name
    diagnostics = journeymap.validate(path)
    codes = [d.code for d in diagnostics]
    for code in EXPECTED[name]["codes"]:
        assert code in codes
    if any(d.severity == "error" for d in diagnostics):
        with pytest.raises(journeymap.ValidationError) as info:
            journeymap.load(path)
        assert isinstance(info.value, journeymap.JourneyMapError)
        assert isinstance(info.value, ValueError)
        assert info.value.diagnostics == diagnostics
        assert info.value.code in codes
    d = diagnostics[0]
    assert d.path == "" or d.path.startswith("/")
    assert isinstance(d.path_parts, list)
    assert d.line is not None and d.column is not None


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["kind"] != "parse"), ids=str)
def test_schema_verdict_agrees_with_python_jsonschema(name):
    doc = json.loads((INVALID / name).read_text())
    validator = jsonschema.Draft202012Validator(journeymap.schema())
    schema_rejects = not validator.is_valid(doc)
    assert schema_rejects == (EXPECTED[name]["kind"] == "structural")


@pytest.mark.parametrize("path", EXAMPLES + VALID, ids=lambda p: p.name)
def test_valid_maps_pass_python_jsonschema(path):
    jsonschema.Draft202012Validator(journeymap.schema()).validate(json.loads(path.read_text()))


def test_path_parts_decode_the_pointer():
    bad = {"format_version": "1.0", "id": "x", "title": "t", "touchpoints": [{"id": "a", "name": "A", "stage": "s", "channel": "c", "a/b": 1}]}
    d = [d for d in journeymap.validate(bad) if d.code == "JM013"][0]
    assert d.path == "/touchpoints/0/a~1b"
    assert d.path_parts == ["touchpoints", 0, "a/b"]


def test_config_changes_the_ranking():
    m = journeymap.load(ROOT / "examples/retail-click-and-collect.json")
    default = m.score()
    reach_only = journeymap.score(m, journeymap.ScoringConfig(weights={"reach": 1, "importance": 0, "pain": 0, "swing": 0, "criticality": 0}))
    reaches = [r["factor_reach"] for r in reach_only.moments_of_truth]
    assert reaches == sorted(reaches, reverse=True)
    assert default.to_json() != reach_only.to_json()


def test_scoring_from_threads_gives_the_same_results():
    m = journeymap.load(ROOT / "examples/bank-personal-loan.as-is.json")
    expected = m.score().to_json()
    results = []

    def work():
        for _ in range(5):
            results.append(m.score().to_json())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 20


def test_dataframes():
    pd = pytest.importorskip("pandas")
    m = journeymap.load(ROOT / "examples/bank-personal-loan.as-is.json")
    scores = m.score()
    mot = scores.moments_of_truth.to_pandas()
    assert isinstance(mot, pd.DataFrame)
    assert list(mot["rank"][:3]) == [1, 2, 3]
    assert {"touchpoint", "priority", "factor_reach", "quadrant"} <= set(mot.columns)
    curve = scores.emotion_curve("young-pro").to_pandas()
    assert list(curve.columns) == ["touchpoint", "stage", "emotion", "normalized"]
    assert set(scores.conversion.to_pandas()["persona"]) == {"young-pro", "family", "senior"}
    frame = journeymap.score_paths(m, [["search", "simulator"], ["simulator", "online-form", "doc-upload"]], "young-pro", as_frame=True)
    assert list(frame["steps"]) == [2, 3]


def test_compare_and_html():
    before = journeymap.load(ROOT / "examples/bank-personal-loan.as-is.json")
    after = journeymap.load(ROOT / "examples/bank-personal-loan.to-be.json")
    c = journeymap.compare(before, after)
    assert c["conversion"]["after"] > c["conversion"]["before"]
    assert "paper-docs" in c["removed"]
    assert "<table>" in before._repr_html_()
    assert "conversion" in before.score()._repr_html_()
    assert journeymap.compare(before, after, top=1) == journeymap.compare(before, after, journeymap.ScoringConfig(top=1))


def test_schema_is_the_published_one():
    published = json.loads((ROOT / "schema/journey-map.schema.json").read_text())
    assert journeymap.schema() == published
    assert "Scores" in journeymap.scores_schema()["$defs"]


def test_typed_read_only_views():
    import dataclasses
    import subprocess
    import sys

    m = journeymap.load(ROOT / "examples/bank-personal-loan.as-is.json")
    persona = m.personas[0]
    assert isinstance(persona, journeymap.Persona)
    assert persona.name == "Camille, young professional" and persona.share == 0.45
    tp = [t for t in m.touchpoints if t.id == "online-form"][0]
    assert isinstance(tp.measures, journeymap.Measures)
    assert tp.measures.drop_off == 0.15 and tp.pains[0].severity == "high"
    assert m.transitions[0].from_ == "search"
    repay = [t for t in m.touchpoints if t.id == "repay-app"][0]
    assert repay.extra == {"x-screen": "loans/overview"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        persona.name = "changed"
    data = m.data
    assert isinstance(data, journeymap.JourneyMapData)
    assert data.extensions == m.to_dict()["extensions"]
    assert data.extra == {"x-source-workshop": "Lyon head office, 2 October 2026"}
    # The typed module is generated from the published schema and must not drift.
    check = subprocess.run([sys.executable, str(ROOT / "bindings-python/generate_model.py"), "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_x_keys_in_persona_measures_stay_out_of_the_typed_views():
    doc = json.loads((ROOT / "testdata/valid/minimal.json").read_text())
    doc["personas"][0]["id"] = "p"
    doc["touchpoints"][0]["persona_measures"] = {"p": {"emotion": 1}, "x-note": "text", "x-list": [1, {"a": None}]}
    assert [d for d in journeymap.validate(doc) if d.severity == "error"] == []
    m = journeymap.JourneyMap.from_dict(doc)
    assert m.to_dict() == doc
    tp = m.touchpoints[0]
    overrides = tp.persona_measures
    assert overrides == {"p": journeymap.Measures(emotion=1)}
    assert list(overrides) == ["p"] and "x-note" not in overrides
    assert overrides.extra == {"x-note": "text", "x-list": [1, {"a": None}]}
    assert isinstance(overrides["p"], journeymap.Measures) and overrides["p"].emotion == 1
    assert "x-note" in repr(overrides)
    assert m.data.touchpoints[0] == tp
    # Not a persona: scoring ignores it.
    assert [p["persona"] for p in m.score().personas] == ["p"]
    # A touchpoint without overrides has an empty one; `x-` keys inside a persona's measures stay
    # in that `Measures.extra`.
    assert journeymap.load(ROOT / "testdata/valid/minimal.json").touchpoints[0].persona_measures == {}
    x_fields = journeymap.load(ROOT / "testdata/valid/x-fields.json")
    [with_overrides] = [t for t in x_fields.touchpoints if t.persona_measures]
    assert with_overrides.persona_measures.extra == {}
    assert with_overrides.persona_measures["p"].extra == {"x-pm": 1}
