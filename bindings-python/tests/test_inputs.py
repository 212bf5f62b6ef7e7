"""What `journeymap.validate(obj)` treats as a path, JSON text or a value, and that it never
raises for an invalid map."""

import json
import os
import pathlib

import pytest

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "testdata/valid/minimal.json"


class FsPath:
    """An os.PathLike that is not a pathlib.Path."""

    def __init__(self, path):
        self.path = str(path)

    def __fspath__(self):
        return self.path


def codes(obj):
    return [d.code for d in journeymap.validate(obj)]


def test_paths(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert codes(MINIMAL) == []
    assert codes(FsPath(MINIMAL)) == []
    assert codes("testdata/valid/minimal.json") == []
    assert codes(str(MINIMAL)) == []


def test_missing_file_is_a_diagnostic_in_validate_and_an_error_in_load(tmp_path):
    for missing in (tmp_path / "nope.json", str(tmp_path / "nope.json"), FsPath(tmp_path / "nope.json"), "nope"):
        [d] = journeymap.validate(missing)
        assert (d.code, d.severity, d.path) == ("JM009", "error", "")
        assert "nope" in d.message
    [d] = journeymap.validate(tmp_path)  # a directory
    assert d.code == "JM009"
    with pytest.raises(journeymap.ReadError):
        journeymap.load(tmp_path / "nope.json")


@pytest.mark.parametrize("text", ["null", "42", "true", "false", '"a string"', "-1.5", " \n null ", "[]", "[1, 2]", "  {"])
def test_str_that_is_json_is_text(text):
    diagnostics = journeymap.validate(text)
    assert diagnostics != []
    assert "JM009" not in [d.code for d in diagnostics]
    assert all(d.line is not None for d in diagnostics)


def test_str_json_text_is_validated_as_text():
    text = MINIMAL.read_text()
    assert codes(text) == []
    assert codes("  " + text) == []
    assert codes("null") == ["JM010"]
    assert codes("42") == ["JM010"]
    assert codes("{") == ["JM004"]
    assert codes("") == ["JM004"]
    assert codes("   ") == ["JM004"]


def test_bytes_are_json_text():
    assert codes(MINIMAL.read_bytes()) == []
    for b in [b"", b"{", b"[]", b"null", b'{"id": 1}', b"\x00", b"\xff"]:
        assert journeymap.validate(b) != []
    assert codes(b"\xff") == ["JM002"]


@pytest.mark.parametrize("value", [[], [1, 2], None, 42, 1.5, True, ("a", "b")], ids=repr)
def test_other_json_values_are_values(value):
    assert codes(value) == ["JM010"]


def test_dict_is_a_value():
    assert codes(json.loads(MINIMAL.read_text())) == []
    assert "JM012" in codes({"format_version": "1.0"})


def test_validate_never_raises_for_an_invalid_map(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe")
    for obj in ["", "{", "null", "42", "true", "[1]", "nope.json", bad, str(bad), b"\x00", [], None, 3, {"id": 1}]:
        assert journeymap.validate(obj) != []


def test_loads_takes_text_only():
    assert journeymap.loads(MINIMAL.read_text()).id == json.loads(MINIMAL.read_text())["id"]
    assert journeymap.loads(MINIMAL.read_bytes()).id == json.loads(MINIMAL.read_text())["id"]
    with pytest.raises(journeymap.ValidationError) as info:
        journeymap.loads("testdata/valid/minimal.json")  # not a path: text that is not JSON
    assert info.value.code == "JM004"
    with pytest.raises(TypeError):
        journeymap.loads(pathlib.Path(MINIMAL))


def test_load_takes_str_and_path_like(monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = journeymap.load(MINIMAL)
    assert journeymap.load("testdata/valid/minimal.json") == expected
    assert journeymap.load(FsPath(MINIMAL)) == expected
    assert isinstance(FsPath(MINIMAL), os.PathLike)
