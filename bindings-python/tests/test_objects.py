"""Python objects as maps: the shared vectors of testdata/objects/ (markers decoded into native
values: NaN, infinities, huge ints, lone surrogates, circular references) give, from
`validate(dict)` and `JourneyMap.from_dict`, exactly the diagnostics, errors and maps the Rust core
and the Node package give (testdata/objects/expected.json)."""

import json
import math
import pathlib

import pytest

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[2]
OBJECTS = ROOT / "testdata/objects"
EXPECTED = json.loads((OBJECTS / "expected.json").read_text())
MINIMAL = json.loads((ROOT / "testdata/valid/minimal.json").read_text())

_NUMBERS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _marker(value):
    if isinstance(value, dict) and len(value) == 1:
        [(key, arg)] = value.items()
        if key.startswith("$"):
            return key, arg
    return None


def _resolve(root, pointer):
    node = root
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def decode(doc):
    """A vector as Python values: `$number`, `$bigint` and `$utf16` markers become floats, ints
    and strings; `$ref` markers become the object they point to (circular structures)."""
    refs = []

    def walk(value, parent, key):
        m = _marker(value)
        if m is None:
            if isinstance(value, dict):
                for k, v in list(value.items()):
                    value[k] = walk(v, value, k)
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    value[i] = walk(v, value, i)
            return value
        kind, arg = m
        if kind == "$number":
            return _NUMBERS[arg]
        if kind == "$bigint":
            return int(arg)
        if kind == "$utf16":
            # UTF-16 code units: a pair is one character, a lone surrogate stays one.
            return b"".join(u.to_bytes(2, "little") for u in arg).decode("utf-16-le", "surrogatepass")
        if kind == "$ref":
            refs.append((parent, key, arg))
            return None
        raise ValueError(f"unknown marker {kind}")

    root = walk(doc, None, None)
    for parent, key, pointer in refs:
        parent[key] = _resolve(root, pointer)
    return root


def vector(name):
    return decode(json.loads((OBJECTS / name).read_text()))


def records(diagnostics):
    return [d.to_dict() for d in diagnostics]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_vector(name):
    want = EXPECTED[name]
    doc = vector(name)
    got = journeymap.validate(doc)
    assert records(got) == want["validate"]
    for d in got:
        assert d.line is None and d.column is None
    if want["load"] is None:
        with pytest.raises(TypeError):
            journeymap.JourneyMap.from_dict(doc)
        return
    if "map" in want["load"]:
        m = journeymap.JourneyMap.from_dict(doc)
        assert m.to_json() == want["load"]["map"]
        return
    error = want["load"]["error"]
    with pytest.raises(journeymap.ValidationError) as info:
        journeymap.JourneyMap.from_dict(doc)
    assert error["kind"] == "validation"
    assert info.value.code == error["code"]
    assert str(info.value) == error["message"]
    assert records(info.value.diagnostics) == error["diagnostics"]


def test_every_vector_is_checked():
    names = sorted(p.name for p in OBJECTS.glob("*.json") if p.name != "expected.json")
    assert names == sorted(EXPECTED)
    assert {"non-finite.json", "circular-object.json", "too-deep.json", "integral-floats.json"} <= set(names)


def test_circular_vectors_really_are_circular():
    doc = vector("circular-object.json")
    assert doc["x-self"] is doc
    doc = vector("circular-array.json")
    assert doc["touchpoints"][1]["x-siblings"] is doc["touchpoints"]


def test_integral_floats_and_ints_give_the_same_map():
    doc = vector("integral-floats.json")
    assert doc["extensions"]["acme"]["score"] == 5.0 and isinstance(doc["extensions"]["acme"]["score"], float)
    m = journeymap.JourneyMap.from_dict(doc)
    assert m.to_dict()["extensions"]["acme"]["score"] == 5
    assert type(m.to_dict()["extensions"]["acme"]["score"]) is int
    assert type(m.to_dict()["extensions"]["acme"]["unsafe"]) is float


def test_numpy_like_numbers_are_numbers():
    import fractions

    doc = dict(MINIMAL, **{"x-ratio": fractions.Fraction(1, 4)})
    assert journeymap.validate(doc) == []
    assert journeymap.JourneyMap.from_dict(doc).to_dict()["x-ratio"] == 0.25

    class Index:
        """An integer type that is not an int (as numpy's are), registered as numbers.Integral."""

        def __init__(self, v):
            self.v = v

        def __index__(self):
            return self.v

    import numbers

    numbers.Integral.register(Index)
    assert journeymap.JourneyMap.from_dict(dict(MINIMAL, **{"x-n": Index(3)})).to_dict()["x-n"] == 3


def test_python_types_json_cannot_hold_are_jm011_with_their_type():
    cases = [
        (dict(MINIMAL, **{"x-set": {1, 2}}), "/x-set", "a value of type set has no JSON form"),
        (dict(MINIMAL, **{"x-bytes": b"ab"}), "/x-bytes", "a value of type bytes has no JSON form"),
        (dict(MINIMAL, **{"x-obj": [object()]}), "/x-obj/0", "a value of type object has no JSON form"),
        (dict(MINIMAL, **{"x-keys": {1: "one"}}), "/x-keys/1", "a key of type int is not a string"),
    ]
    for doc, path, message in cases:
        [d] = journeymap.validate(doc)
        assert (d.code, d.path, d.severity) == ("JM011", path, "error")
        assert d.message.startswith(message)
        with pytest.raises(journeymap.ValidationError) as info:
            journeymap.JourneyMap.from_dict(doc)
        assert info.value.diagnostics == [d]


def test_an_exception_while_reading_propagates():
    class Bad(float):
        pass

    class Exploding:
        def __index__(self):
            raise RuntimeError("boom")

    import numbers

    numbers.Integral.register(Exploding)
    with pytest.raises(RuntimeError, match="boom"):
        journeymap.validate(dict(MINIMAL, **{"x-n": Exploding()}))
    # A float subclass is a float.
    assert journeymap.validate(dict(MINIMAL, **{"x-f": Bad(1.5)})) == []
