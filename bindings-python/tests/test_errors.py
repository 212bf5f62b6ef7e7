"""Every failure is a specific `JourneyMapError` subclass with `.code` and `.diagnostics`, wrong
Python types are `TypeError`, and a Rust panic never escapes as pyo3's `PanicException`."""

import json
import math
import pathlib

import pytest

import journeymap
from journeymap import _native

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHAIN = ROOT / "testdata/scoring/chain.json"
MINIMAL = json.loads((ROOT / "testdata/valid/minimal.json").read_text())


def _deep(levels):
    v = {}
    for _ in range(levels - 1):
        v = {"x-a": v}
    return v


def test_error_family():
    for cls in (journeymap.ValidationError, journeymap.ReadError, journeymap.WriteError, journeymap.ScoringError, journeymap.InternalError):
        assert issubclass(cls, journeymap.JourneyMapError)
    assert issubclass(journeymap.ConfigError, journeymap.ScoringError)
    assert issubclass(journeymap.JourneyMapError, ValueError)
    # A write failure (JM019) and a read failure (JM009) are not invalid maps.
    assert not issubclass(journeymap.WriteError, journeymap.ValidationError)
    assert not issubclass(journeymap.ReadError, journeymap.ValidationError)
    e = journeymap.WriteError("cannot write", code="JM019")
    assert (e.code, e.diagnostics, str(e)) == ("JM019", [], "cannot write")


def test_invalid_map_is_a_validation_error():
    with pytest.raises(journeymap.ValidationError) as info:
        journeymap.JourneyMap.from_dict(dict(MINIMAL, colour="red"))
    assert info.value.code == "JM013"
    assert [d.code for d in info.value.diagnostics] == ["JM013"]
    assert info.value.diagnostics[0].path == "/colour"


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(journeymap.ReadError) as info:
        journeymap.load(tmp_path / "missing.json")
    assert info.value.code == "JM009"
    assert [d.code for d in info.value.diagnostics] == ["JM009"]
    assert "missing.json" in str(info.value)
    assert not isinstance(info.value, journeymap.ValidationError)
    # The core's diagnostic of the error: at the document's root, with the error's message.
    [d] = info.value.diagnostics
    assert (d.severity, d.path, d.message) == ("error", "", str(info.value))
    assert d == journeymap.validate(tmp_path / "missing.json")[0]


def test_unknown_persona_is_a_scoring_error_with_code():
    m = journeymap.load(CHAIN)
    for call in (lambda: m.score_path(["a"], persona="nobody"), lambda: m.score_paths([["a"]], persona="nobody")):
        with pytest.raises(journeymap.ScoringError) as info:
            call()
        assert type(info.value) is journeymap.ScoringError
        assert info.value.code == "JM104"
        assert [d.code for d in info.value.diagnostics] == ["JM104"]
    with pytest.raises(journeymap.ScoringError) as info:
        m.score().emotion_curve("nobody")
    assert info.value.code == "JM104"


@pytest.mark.parametrize(
    "config,path",
    [
        ({"no_such_setting": 1}, "/no_such_setting"),
        ({"weights": {"reach": -1}}, "/weights/reach"),
        ({"weights": {"nonsense": 1}}, "/weights/nonsense"),
        ({"survey": {"effort_threshold": 2}}, "/survey/effort_threshold"),
        ({"top": "three"}, "/top"),
        ({"weights": {"reach": math.nan}}, "/weights/reach"),
        ({"health": {"emotion": math.inf}}, "/health/emotion"),
    ],
)
def test_invalid_config_is_a_config_error_with_a_pointer(config, path):
    m = journeymap.load(CHAIN)
    for call in (m.score, m.score_json, lambda c: journeymap.compare(m, m, c)):
        with pytest.raises(journeymap.ConfigError) as info:
            call(config)
        assert info.value.code == "JM107"
        [d] = info.value.diagnostics
        assert (d.code, d.path, d.severity) == ("JM107", path, "error")
        # The path is the diagnostic's own field; its message does not repeat it, the exception's
        # message (the core error's text) names it.
        assert d.message.startswith("invalid scoring config: ")
        assert path not in d.message
        assert f'"{path}"' in str(info.value)
        assert str(d) == f"error[JM107]: {d.message} (at {path})"


def test_score_json_raises_no_bare_value_error():
    m = journeymap.load(CHAIN)
    with pytest.raises(journeymap.JourneyMapError) as info:
        m.score_json({"top": -1})
    assert info.value.code == "JM107"


def test_non_finite_numbers_and_deep_structures_in_maps():
    # validate() reports every one of them at its own path; from_dict() raises ValidationError
    # with the same diagnostics.
    for value, want in [
        (dict(MINIMAL, **{"x-n": math.nan}), [("JM031", "/x-n", "NaN is not a finite number")]),
        (
            dict(MINIMAL, **{"x-n": [1.0, -math.inf, math.inf]}),
            [("JM031", "/x-n/1", "-Infinity is not a finite number"), ("JM031", "/x-n/2", "Infinity is not a finite number")],
        ),
        (
            dict(MINIMAL, **{"x-n": 10**400}),
            [("JM006", "/x-n", "an integer is too large to be represented as a 64-bit float")],
        ),
        (
            _deep(65),
            [("JM003", "/x-a" * 64, "arrays and objects are nested deeper than 64 levels (or the structure is circular)")],
        ),
    ]:
        ds = journeymap.validate(value)
        assert [(d.code, d.path, d.message) for d in ds] == want
        assert all(d.severity == "error" for d in ds)
        with pytest.raises(journeymap.ValidationError) as info:
            journeymap.JourneyMap.from_dict(value)
        assert info.value.code == want[0][0]
        assert info.value.diagnostics == ds
    assert [d.code for d in journeymap.validate(_deep(64))] != ["JM003"]


def test_circular_structures_are_too_deep():
    circular = dict(MINIMAL)
    circular["x-self"] = circular
    [d] = journeymap.validate(circular)
    assert d.code == "JM003"
    with pytest.raises(journeymap.ValidationError):
        journeymap.JourneyMap.from_dict(circular)


def test_lone_surrogate_is_a_diagnostic():
    [d] = journeymap.validate(dict(MINIMAL, title="\ud800"))
    assert (d.code, d.path) == ("JM002", "/title")


def test_wrong_python_types_raise_type_error():
    m = journeymap.load(CHAIN)
    cases = [
        (lambda: m.score(42), "config must be a journeymap.ScoringConfig or a dict, got int"),
        (lambda: m.score("x"), "got str"),
        (lambda: m.score_json([1]), "got list"),
        (lambda: journeymap.compare(m, m, 1.5), "got float"),
        (lambda: journeymap.load(3), "load\\(\\) takes a path"),
        (lambda: journeymap.load(b"{}"), "use loads\\(\\)"),
        (lambda: journeymap.loads({}), "loads\\(\\) takes JSON text"),
        (lambda: journeymap.validate(object()), "validate\\(\\) takes a dict"),
        (lambda: journeymap.JourneyMap.from_dict([1, 2]), "from_dict\\(\\) takes a dict"),
        (lambda: m.score_path("abc"), "the path is a str"),
        (lambda: m.score_paths(["abc"]), "path 0 is a str"),
        (lambda: m.score_paths([[1]]), "path 0 holds a int"),
    ]
    for call, message in cases:
        with pytest.raises(TypeError, match=message):
            call()


def test_values_json_cannot_hold_in_settings_are_config_errors():
    m = journeymap.load(CHAIN)
    with pytest.raises(journeymap.ConfigError) as info:
        m.score(weights=object())
    [d] = info.value.diagnostics
    assert (d.code, d.path) == ("JM107", "/weights")
    assert d.message == "invalid scoring config: a value of type object has no JSON form; a map holds objects, arrays, strings, numbers, booleans and null"


def test_a_panic_becomes_an_internal_error():
    with pytest.raises(journeymap.InternalError) as info:
        _native._panic_for_tests()
    assert isinstance(info.value, journeymap.JourneyMapError)
    assert info.value.code is None and info.value.diagnostics == []
    # The message of Node's InternalError for a panic: the panic message in the core's words.
    assert str(info.value) == "internal error: deliberate panic to test the guard (please report this bug)"
    # It is an ordinary exception, so `except Exception` catches it.
    try:
        _native._panic_for_tests()
    except Exception as e:  # noqa: BLE001
        assert isinstance(e, ValueError)


def test_diagnostic_str_is_the_core_display():
    [d] = journeymap.validate('{"format_version": "1.0", "id": "x", "title": "t" "oops"}')
    assert d.line is not None and d.column is not None
    assert str(d) == f"{d.line}:{d.column}: {d.severity}[{d.code}]: {d.message} (at {d.path or '/'})"
    with pytest.raises(journeymap.ValidationError) as info:
        journeymap.loads('{"format_version": "1.0", "id": "x", "title": "t" "oops"}')
    # The exception message is the core's, built with the same Display.
    assert str(info.value) == f"invalid journey map: {d}"
    [d] = [x for x in journeymap.validate(dict(MINIMAL, colour="red")) if x.code == "JM013"]
    assert str(d) == f"error[JM013]: {d.message} (at /colour)"
