"""`Scores`: the result of scoring a map, with attribute access, tables for pandas and HTML;
`PathReport`: the typed dict of one observed path explained step by step."""

from __future__ import annotations

import html
import json
from typing import Any, Dict, Iterable, List, Optional, TypedDict

from ._errors import ScoringError

__all__ = ["PathReport", "PathStep", "Scores", "Table"]


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
