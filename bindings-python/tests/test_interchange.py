"""Mermaid `journey` diagrams and CSV touchpoint tables: the shared vectors of
testdata/interchange/ give, in Python, the same maps, exports and diagnostics as in Rust
(testdata/interchange/expected/, written by the Rust side)."""

import json
import os
import pathlib

import pytest

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = ROOT / "testdata" / "interchange"
MERMAID = sorted((VECTORS / "mermaid").glob("*.mmd"))
CSV = sorted((VECTORS / "csv").glob("*.csv"))
EXAMPLES = sorted(ROOT.glob("examples/*.json"))


def expected(path: pathlib.Path) -> dict:
    return json.loads((VECTORS / "expected" / path.parent.name / (path.stem + ".json")).read_text())


def diagnostic_dicts(diagnostics):
    return [d.to_dict() for d in diagnostics]


def check(read, path):
    want = expected(path)
    if want["valid"]:
        m = read()
        assert m.to_dict() == want["map"]
        assert m.to_mermaid() == want["mermaid"]
        assert m.to_csv() == want["csv"]
    else:
        with pytest.raises(journeymap.ValidationError) as raised:
            read()
        e = raised.value
        assert isinstance(e, journeymap.JourneyMapError) and isinstance(e, ValueError)
        assert diagnostic_dicts(e.diagnostics) == want["diagnostics"]
        assert e.code == next(d["code"] for d in want["diagnostics"] if d["severity"] == "error")


@pytest.mark.parametrize("path", MERMAID, ids=lambda p: p.name)
def test_mermaid_vectors(path):
    data = path.read_bytes()
    check(lambda: journeymap.from_mermaid(data), path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    check(lambda: journeymap.from_mermaid(text), path)


@pytest.mark.parametrize("path", CSV, ids=lambda p: p.name)
def test_csv_vectors(path):
    data = path.read_bytes()
    check(lambda: journeymap.from_csv(data), path)
    if b"\n" in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return
        check(lambda: journeymap.from_csv(text), path)


def test_positions_of_a_bad_score_and_a_bad_row():
    with pytest.raises(journeymap.ValidationError) as raised:
        journeymap.from_mermaid("journey\n  section Buy\n    Pays: 7: Ann\n")
    d = raised.value.diagnostics[0]
    assert (d.code, d.line, d.column, d.path) == ("JM203", 3, 11, "/touchpoints/0/measures/emotion")
    with pytest.raises(journeymap.ValidationError) as raised:
        journeymap.from_csv("touchpoint,emotion\nPays,lots\nLeaves,1\n")
    d = raised.value.diagnostics[0]
    assert (d.code, d.line, d.column) == ("JM232", 2, 2)
    assert d.message.startswith("row 2, column `emotion`")


def test_files_and_paths(tmp_path):
    m = journeymap.from_mermaid(VECTORS / "mermaid" / "mermaid-docs.mmd")
    assert m.title == "My working day"
    # A CSV file is named after its stem; a str without line break is a path.
    table = journeymap.from_csv(str(VECTORS / "csv" / "basic.csv"))
    assert (table.id, table.title) == ("basic", "basic")
    assert journeymap.from_csv(VECTORS / "csv" / "basic.csv") == table
    with pytest.raises(journeymap.ReadError) as raised:
        journeymap.from_csv(tmp_path / "missing.csv")
    assert raised.value.code == "JM009"
    assert [d.code for d in journeymap.validate(VECTORS / "mermaid" / "score-out-of-range.mmd")] == ["JM203"] * 4
    assert journeymap.validate(str(ROOT / "examples" / "solar-installation.csv")) == []


def test_exports():
    m = journeymap.load(ROOT / "examples" / "bank-personal-loan.as-is.json")
    senior = m.to_mermaid("senior")
    assert senior.startswith("journey\n    title Personal loan")
    assert journeymap.from_mermaid(senior).title == m.title
    assert m.to_mermaid(persona=None) == (ROOT / "examples" / "bank-personal-loan.as-is.mmd").read_text()
    assert m.to_csv() == (ROOT / "examples" / "bank-personal-loan.as-is.csv").read_text()
    french = m.to_csv(delimiter=";")
    assert ";0,5;" in french
    assert journeymap.from_csv(french).to_csv(delimiter=";") == french
    with pytest.raises(journeymap.WriteError) as raised:
        m.to_mermaid("nobody")
    assert raised.value.code == "JM206"
    with pytest.raises(ValueError):
        m.to_csv(delimiter="\t")
    with pytest.raises(TypeError):
        m.to_mermaid(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        journeymap.from_csv(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_round_trip_through_csv(path):
    m = journeymap.load(path)
    back = journeymap.from_csv(m.to_csv())
    # Every persona's journey and measures come back: the per-persona scores are identical.
    a, b = m.score().to_dict(), back.score().to_dict()
    assert a["personas"] == b["personas"]
    assert a["overall"] == b["overall"]


def test_never_panics_on_odd_input():
    for text in ["", "journey", "journey\n;", "%%{", "---\n---\n", "journey\n  accDescr {", "\x00\ufeff"]:
        try:
            journeymap.from_mermaid(text)
        except journeymap.ValidationError as e:
            assert e.diagnostics
    for data in [b"", b"\xff\xfe", b"touchpoint\n\"", b"touchpoint;emotion\nx;1,5,5\n", os.urandom(64)]:
        try:
            journeymap.from_csv(data)
        except journeymap.ValidationError as e:
            assert e.diagnostics
