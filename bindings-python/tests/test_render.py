"""Pictures and the HTML report: byte-identical to the golden SVGs the Rust core writes, errors
with their codes, and what a notebook shows for a map and for its scores."""

import json

import pytest

import journeymap

from conftest import ROOT


def goldens():
    return json.loads((ROOT / "testdata/render/index.json").read_text())


@pytest.mark.parametrize("entry", goldens(), ids=lambda e: e["file"].rsplit("/", 1)[-1])
def test_svg_is_byte_identical_to_the_golden(entry):
    m = journeymap.load(ROOT / entry["map"])
    o = entry["options"]
    svg = m.to_svg(persona=o["persona"], view=o["view"], all_personas=o["all_personas"])
    assert svg == (ROOT / entry["file"]).read_text(encoding="utf-8")


def test_defaults_draw_the_first_persona_journey():
    m = journeymap.load(ROOT / "examples/solar-installation.json")
    assert m.to_svg() == m.to_svg(persona="eco-owner", view="journey")
    assert m.to_svg(view="flow") != m.to_svg()


def test_errors_have_codes():
    m = journeymap.load(ROOT / "examples/solar-installation.json")
    with pytest.raises(journeymap.RenderError) as e:
        m.to_svg(view="sankey")
    assert e.value.code == "JM400" and e.value.diagnostics[0].path == "/view"
    assert isinstance(e.value, ValueError)
    with pytest.raises(journeymap.ScoringError) as s:
        m.to_svg(persona="nobody")
    assert s.value.code == "JM104"
    with pytest.raises(journeymap.RenderError):
        m.to_svg(persona="eco-owner", all_personas=True)


def test_html_report_is_self_contained():
    m = journeymap.load(ROOT / "examples/retail-click-and-collect.json")
    html = m.to_html()
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg xmlns") == 6
    for caption in ["Moments of truth", "Effort hot spots", "Survey plan", "Opportunities", "Diagnostics"]:
        assert caption in html
    assert "<script" not in html and "src=" not in html and "<link" not in html
    # The scoring settings reach the report.
    assert m.to_html(top=1) != html


def test_notebooks_show_pictures_for_maps_and_scores():
    m = journeymap.load(ROOT / "examples/bank-personal-loan.as-is.json")
    shown = m._repr_html_()
    assert "<svg" in shown and "moment of truth" in shown
    scores = m.score(top=3)
    assert "<svg" in scores._repr_html_()
    assert scores.to_svg(view="flow") == m.to_svg(view="flow", top=3)
    # Scores read back from JSON have no map: a table, and a clear error for a picture.
    bare = journeymap.Scores(scores.to_json())
    assert "<table>" in bare._repr_html_() and "<svg" not in bare._repr_html_()
    with pytest.raises(journeymap.ScoringError):
        bare.to_svg()
