"""Packaging and tooling: runtime dependencies, the benchmark's reference loop, the README, the
typed usage file, HTML output."""

import importlib.util
import json
import pathlib
import re
import runpy
import subprocess
import sys

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_imports_without_typing_extensions():
    # Only the standard library is a runtime dependency (pyproject.toml declares none).
    code = "import sys; sys.modules['typing_extensions'] = None; import journeymap; journeymap.load(sys.argv[1]).score()"
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "testdata/scoring/chain.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for module in pathlib.Path(journeymap.__file__).parent.glob("*.py"):
        assert "typing_extensions" not in module.read_text(), module.name


def _bench():
    spec = importlib.util.spec_from_file_location("python_paths", ROOT / "bench/python_paths.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_reference_loop_computes_every_column_exactly():
    bench = _bench()
    for name in ["examples/retail-click-and-collect.json", "examples/bank-personal-loan.as-is.json", "examples/solar-installation.json"]:
        m = journeymap.load(ROOT / name)
        paths = bench.random_paths(m, 2_000) + [[], ["off-map"], [m.touchpoints[0].id, "off-map", m.touchpoints[-1].id]]
        for persona in [p.id for p in m.personas]:
            rust = m.score_paths(paths, persona)
            assert set(rust) == set(bench.COLUMNS)
            assert bench.python_score_paths(m, paths, persona) == rust
            bench.check_same(m, paths, persona)


def _section(text, title):
    return text.split(f"\n{title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_python_section_installs_like_docs():
    # One install command, the same in README.md and docs/python.md, and the one
    # scripts/test-python.sh runs (with extra build arguments only).
    readme = _section((ROOT / "README.md").read_text(), "## Python")
    docs = (ROOT / "docs/python.md").read_text()
    install = re.findall(r"```sh\n(.*?)```", _section(docs, "## Install"), re.S)
    assert install == ["pip install ./bindings-python\n"]
    assert re.findall(r"```sh\n(.*?)```", readme, re.S) == install
    script = (ROOT / "scripts/test-python.sh").read_text()
    assert re.search(r"-m pip install [^\n]*\\\n[^\n]*\./bindings-python\n", script)
    assert "maturin build" not in script
    pyproject = (ROOT / "bindings-python/pyproject.toml").read_text()
    assert 'build-backend = "maturin"' in pyproject
    assert "```python\n" in readme  # the quickstart, run by test_docs.py


def test_the_namespace_is_what_all_lists():
    public = {name for name in vars(journeymap) if not name.startswith("_")}
    assert public == {name for name in journeymap.__all__ if not name.startswith("_")}
    for name in ("Any", "Optional", "Iterable", "Sequence", "Union", "annotations", "TYPE_CHECKING"):
        assert not hasattr(journeymap, name), name
    for name in journeymap.__all__:
        assert hasattr(journeymap, name), name


def test_every_export_is_documented_and_every_documented_name_exported():
    docs = (ROOT / "docs/python.md").read_text()
    for name in journeymap.__all__:
        if name == "__version__":
            continue
        assert re.search(rf"`[^`]*\b{re.escape(name)}\b[^`]*`", docs), f"{name} is not in docs/python.md"
    for name in set(re.findall(r"journeymap\.([A-Za-z_]\w*)", docs)):
        assert name in journeymap.__all__, f"docs/python.md names journeymap.{name}"


def test_codes_are_the_catalogue_of_the_reference():
    entries = journeymap.codes()
    doc = (ROOT / "docs/diagnostics.md").read_text()
    rows = re.findall(r"^\| \[(JM\d{3})\]\(#(jm\d{3})\) \| (\w+) \| (.+) \|$", doc, re.M)
    assert len(rows) == len(entries) > 50
    for entry, (code, anchor, severity, title) in zip(entries, rows):
        assert list(entry) == ["code", "severity", "title", "explanation", "link"]
        assert (entry["code"], entry["severity"], entry["title"]) == (code, severity, title)
        assert entry["link"] == f"docs/diagnostics.md#{anchor}"
        assert f"\n## {code}\n" in doc
        assert entry["explanation"] and entry["explanation"] in doc
    assert [e["code"] for e in entries] == sorted(e["code"] for e in entries)


def test_typed_usage_runs():
    namespace = runpy.run_path(str(pathlib.Path(__file__).with_name("typed_usage.py")))
    assert isinstance(namespace["scores"], journeymap.Scores)


def test_stub_types_score_as_scores():
    stub = (pathlib.Path(journeymap.__file__).parent / "_native.pyi").read_text()
    assert re.search(r"def score\(self.*\) -> Scores: \.\.\.", stub)
    assert "-> Any: ..." not in stub


def test_scores_html_escapes_every_string():
    evil = "<script>alert(1)</script>"
    doc = json.loads((ROOT / "testdata/scoring/chain.json").read_text())
    doc["id"] = "<b>map</b>"
    doc["title"] = evil
    doc["touchpoints"][0]["name"] = evil
    renamed = {doc["touchpoints"][0]["id"]: "<script>x</script>"}
    text = json.dumps(doc)
    for old, new in renamed.items():
        text = text.replace(json.dumps(old), json.dumps(new))
    m = journeymap.loads(text)
    scores = m.score()
    assert any(r["touchpoint"] == "<script>x</script>" for r in scores.moments_of_truth)
    html = scores._repr_html_()
    assert "<script" not in html and "<b>" not in html
    # The picture names touchpoints by name: the escaped name and map id are shown, as text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;map&lt;/b&gt;" in html
    assert "<script" not in m._repr_html_()
