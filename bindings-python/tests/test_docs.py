"""The Python code blocks of README.md and docs/python.md, and examples/python/*.py, run."""

import os
import pathlib
import re
import runpy
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "docs" / "python.md", ROOT / "docs" / "events.md"]
BLOCKS = [(doc.name, i, b) for doc in DOCS if doc.exists() for i, b in enumerate(re.findall(r"```python\n(.*?)```", doc.read_text(), re.S))]


@pytest.mark.parametrize("doc,index,block", BLOCKS, ids=[f"{d}-{i}" for d, i, _ in BLOCKS])
def test_doc_blocks_run(doc, index, block, monkeypatch):
    if "import pyspark" in block or "from pyspark" in block:
        pytest.importorskip("pyspark", reason="the PySpark recipe needs Spark and a JVM")
    monkeypatch.chdir(ROOT)
    exec(compile(block, f"{doc}[{index}]", "exec"), {})


@pytest.mark.parametrize("script", sorted((ROOT / "examples" / "python").glob("*.py")), ids=lambda p: p.name)
def test_example_scripts_run(script):
    result = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_there_are_blocks_to_run():
    assert len(BLOCKS) >= 2
