"""`Scores`: the result of scoring a map, with attribute access, tables for pandas and HTML;
`PathReport`: the typed dict of one observed path explained step by step."""

from __future__ import annotations

import html
import json
from typing import Any, Dict, Iterable, List, Optional, TypedDict

from ._errors import ScoringError

__all__ = ["PathReport", "PathStep", "PersonaPrediction", "Portfolio", "PortfolioStep", "Prediction", "Scores", "Table"]


class PathStep(TypedDict):
    """One step of an observed path (`PathReport.trace`). Emotion is normalized to -1..1, effort
    to 0..1; the move fields compare the step with the previous on-map step."""

    touchpoint: str
    on_map: bool
    stage: Optional[str]
    channel: Optional[str]
    emotion: Optional[float]
    effort: Optional[float]
    unexpected_move: bool
    backtrack: bool
    skipped_stages: int
    channel_switch: bool
    handoff: bool


class PathReport(TypedDict):
    """One observed path explained (`JourneyMap.score_path`): the path's scores (the fields of
    the `score_paths` columns), `trace`, every step in order, and `valleys`, the positions in
    `trace` of the local minima of the path's emotion curve below neutral."""

    steps: int
    on_map: int
    off_map: int
    unexpected_moves: int
    backtracks: int
    skipped_stages: int
    channel_switches: int
    handoffs: int
    effort_total: float
    effort_mean: Optional[float]
    duration_total: float
    emotion_mean: Optional[float]
    peak: Optional[float]
    best: Optional[float]
    worst: Optional[float]
    end: Optional[float]
    peak_end: Optional[float]
    volatility: Optional[float]
    trace: List[PathStep]
    valleys: List[int]


class PersonaPrediction(TypedDict):
    """Predicted change of one persona's journey (to-be minus as-is)."""

    persona: str
    conversion: float
    effort: float
    channel_switches: float
    handoffs: float
    peak_end: Optional[float]
    health: float


class Prediction(TypedDict):
    """Predicted change of the map (to-be minus as-is) over the customer base: conversion,
    expected effort, channel switches, hand-offs, remembered emotion (peak-end) and health index
    (the gain), with the change of each persona."""

    conversion: float
    effort: float
    channel_switches: float
    handoffs: float
    peak_end: Optional[float]
    health: float
    personas: List[PersonaPrediction]


class PortfolioStep(TypedDict):
    """One opportunity chosen for a portfolio, with its marginal gain (health points)."""

    opportunity: str
    effort: float
    gain: float
    gain_per_effort: Optional[float]
    spent: float


class Portfolio(TypedDict):
    """The opportunities to do first within an effort budget (`JourneyMap.portfolio`): the ids
    chosen in order, their total effort, the predicted change with all of them applied, each
    step, and the diagnostics (opportunities left out, effects skipped)."""

    budget: Optional[float]
    chosen: List[str]
    effort: float
    predicted: Prediction
    steps: List[PortfolioStep]
    diagnostics: List[Dict[str, Any]]


class Table(List[Dict[str, Any]]):
    """A list of records (dicts) that converts to a pandas DataFrame."""

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame (pandas is imported on first use)."""
        import pandas as pd

        return pd.DataFrame.from_records(list(self))


class Scores:
    """The scores of a map. Attribute access to every top-level field; `to_dict()`, `to_json()`."""

    def __init__(self, text: str, source: Any = None, config: Optional[Dict[str, Any]] = None) -> None:
        self._text = text
        self._parsed: Optional[Dict[str, Any]] = None
        # The map and settings these scores come from (set by `JourneyMap.score`), to draw them.
        self._source = source
        self._config = config

    @property
    def _data(self) -> Dict[str, Any]:
        # Parsed on first use: scoring in a loop and keeping only `to_json()` stays cheap.
        if self._parsed is None:
            self._parsed = json.loads(self._text)
        return self._parsed

    def to_dict(self) -> Dict[str, Any]:
        """The scores as a dict (a fresh copy)."""
        result: Dict[str, Any] = json.loads(self._text)
        return result

    def to_json(self) -> str:
        """The scores as compact JSON, byte for byte what the Rust and Node APIs produce."""
        return self._text

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        data = self._data
        if name in data:
            return data[name]
        raise AttributeError(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scores) and other._text == self._text

    __hash__ = None  # type: ignore[assignment]

    @property
    def moments_of_truth(self) -> Table:
        """Moments of truth over all personas, highest priority first."""
        return Table(_flatten_factors(m) for m in self._data["moments_of_truth"])

    @property
    def opportunities(self) -> Table:
        """Improvement opportunities, ranked (first = do first), one row each: `opportunity`,
        `rank`, `reach`, `rice` (the score) with its factors (`impact`, `impact_source`,
        `confidence`, `effort`), `quadrant`, the predicted changes over the customer base
        (`predicted_conversion`, `predicted_effort`, `predicted_channel_switches`,
        `predicted_handoffs`, `predicted_peak_end`, `predicted_health`; `None` without effects),
        the ids of the `pains` it addresses and its `reasons`. The per-persona predictions are in
        `to_dict()["opportunities"]`."""
        return Table(_flatten_opportunity(o) for o in self._data["opportunities"])

    def emotion_curve(self, persona: str) -> Table:
        """The emotion curve of one persona along its most likely successful journey."""
        return _table(self._persona(persona)["emotion"]["curve"])

    @property
    def effort(self) -> Table:
        """Effort per persona and touchpoint."""
        return Table(
            {"persona": p["persona"], **t} for p in self._data["personas"] for t in p["effort"]["touchpoints"]
        )

    @property
    def conversion(self) -> Table:
        """Flow per persona and touchpoint: visits, drop-off, removal effect."""
        return Table(
            {"persona": p["persona"], **t} for p in self._data["personas"] for t in p["conversion"]["touchpoints"]
        )

    # Over the customer base: `overall`, each persona weighted by its share.

    @property
    def touchpoints(self) -> Table:
        """Every touchpoint scored for at least one persona, over the customer base (sorted by id):
        visit probability, expected visits, drop-off, removal effect, emotion, effort, gap, effort
        contribution, betweenness."""
        return _table(self._data["overall"]["touchpoints"])

    @property
    def stages(self) -> Table:
        """Emotion, effort and experience gap per stage over the customer base: one row per
        measure (`"emotion"`, `"effort"`, `"gap"`) and stage, in journey order, with `raw` and
        `normalized` values."""
        overall = self._data["overall"]
        return Table(
            {"measure": measure, **row} for measure in ("emotion", "effort", "gap") for row in overall[f"{measure}_stages"]
        )

    @property
    def outcomes(self) -> Table:
        """Probability of each outcome over the customer base (sorted by id, `__drop_off` last)."""
        return _table(self._data["overall"]["outcomes"])

    @property
    def effort_hot_spots(self) -> Table:
        """Touchpoints contributing most to the expected effort of the customer base."""
        return _table(self._data["overall"]["effort_hot_spots"])

    @property
    def shortfalls(self) -> Table:
        """Largest experience shortfalls over the customer base, largest first."""
        return _table(self._data["overall"]["shortfalls"])

    @property
    def crossroads(self) -> Table:
        """Crossroads over the customer base, most visited first."""
        return _table(self._data["overall"]["crossroads"])

    def _persona(self, persona: str) -> Dict[str, Any]:
        for p in self._data["personas"]:
            if p["persona"] == persona:
                found: Dict[str, Any] = p
                return found
        raise ScoringError(f'unknown persona "{persona}"', code="JM104")

    def __repr__(self) -> str:
        overall = self._data["overall"]
        return (
            f"Scores(map={self._data['map']!r}, success_probability={overall['success_probability']:.3f}, "
            f"health={overall['health']['index']:.1f})"
        )

    def to_svg(self, persona: Optional[str] = None, view: str = "journey", all_personas: bool = False) -> str:
        """The picture of these scores (see `JourneyMap.to_svg`); needs scores made by
        `JourneyMap.score`."""
        if self._source is None:
            raise ScoringError("these scores were not made by JourneyMap.score(), so they have no map to draw")
        svg: str = self._source.to_svg(persona, view, all_personas, self._config)
        return svg

    def _repr_html_(self) -> str:
        if self._source is not None:
            shown: str = self._source._repr_html_(self._config)
            return shown
        e = html.escape
        rows = "".join(
            f"<tr><td>{int(m['rank'])}</td><td>{e(str(m['touchpoint']))}</td><td>{float(m['priority']):.2f}</td>"
            f"<td>{e(str((m['reasons'] or [''])[0]))}</td></tr>"
            for m in self._data["moments_of_truth"][:10]
        )
        overall = self._data["overall"]
        return (
            f"<div class='journeymap-scores'><h4>{e(str(self._data['map']))}</h4>"
            f"<p>conversion {float(overall['success_probability']):.1%} · "
            f"health {float(overall['health']['index']):.0f}/100</p>"
            f"<table><tr><th>#</th><th>touchpoint</th><th>priority</th><th>why</th></tr>{rows}</table></div>"
        )


def _table(rows: Iterable[Dict[str, Any]]) -> Table:
    # Copies: a caller changing a row must not change the cached scores.
    return Table(dict(r) for r in rows)


def _flatten_factors(m: Dict[str, Any]) -> Dict[str, Any]:
    row = {k: v for k, v in m.items() if k not in ("factors", "contributions")}
    row.update({f"factor_{k}": v for k, v in m["factors"].items()})
    return row


_PREDICTED = ("conversion", "effort", "channel_switches", "handoffs", "peak_end", "health")


def _flatten_opportunity(o: Dict[str, Any]) -> Dict[str, Any]:
    rice = o["rice"]
    predicted = o["predicted"] or {}
    row: Dict[str, Any] = {
        "opportunity": o["opportunity"],
        "rank": o["rank"],
        "reach": o["reach"],
        "rice": rice["score"],
        "impact": rice["impact"],
        "impact_source": rice["impact_source"],
        "confidence": rice["confidence"],
        "effort": rice["effort"],
        "quadrant": o["quadrant"],
    }
    row.update({f"predicted_{k}": predicted.get(k) for k in _PREDICTED})
    row["pains"] = [p["pain"] for p in o["pains"]]
    row["reasons"] = list(o["reasons"])
    return row
