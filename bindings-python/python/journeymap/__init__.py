"""journeymap: customer journey maps as a scored graph.

Load, validate and score journey maps (format v1). The heavy lifting happens in Rust; this
package adds notebook conveniences: attribute access to scores, DataFrames, HTML.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Optional, Sequence

from ._model import (
    Channel,
    Entry,
    JourneyMapData,
    Measures,
    Note,
    Outcome,
    Persona,
    Stage,
    Touchpoint,
    Transition,
)
from ._native import (
    Diagnostic,
    JourneyMap,
    JourneyMapError,
    ScoringError,
    ValidationError,
    __version__,
    compare,
    load,
    loads,
    schema,
    scores_schema,
    validate,
)

__all__ = [
    "Channel",
    "Diagnostic",
    "Entry",
    "JourneyMapData",
    "Measures",
    "Note",
    "Outcome",
    "Persona",
    "Stage",
    "Touchpoint",
    "Transition",
    "JourneyMap",
    "JourneyMapError",
    "ScoringError",
    "ScoringConfig",
    "Scores",
    "Table",
    "ValidationError",
    "__version__",
    "compare",
    "load",
    "loads",
    "schema",
    "score",
    "score_paths",
    "scores_schema",
    "validate",
]


class Table(list):  # type: ignore[type-arg]
    """A list of records (dicts) that converts to a pandas DataFrame."""

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame (pandas is imported on first use)."""
        import pandas as pd

        return pd.DataFrame.from_records(list(self))


class ScoringConfig(dict):  # type: ignore[type-arg]
    """Scoring settings: keyword arguments with the names of the Rust `ScoringConfig` fields
    (`weights`, `crosshair`, `health`, `survey`, `top`). Unknown names raise `ScoringError`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)


class Scores:
    """The scores of a map. Attribute access to every top-level field; `to_dict()`, `to_json()`."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._parsed: Optional[Dict[str, Any]] = None

    @property
    def _data(self) -> Dict[str, Any]:
        # Parsed on first use: scoring in a loop and keeping only `to_json()` stays cheap.
        if self._parsed is None:
            self._parsed = json.loads(self._text)
        return self._parsed

    def to_dict(self) -> Dict[str, Any]:
        """The scores as a dict (a fresh copy)."""
        return json.loads(self._text)

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

    @property
    def moments_of_truth(self) -> Table:
        """Moments of truth over all personas, highest priority first."""
        return Table(_flatten_factors(m) for m in self._data["moments_of_truth"])

    def emotion_curve(self, persona: str) -> Table:
        """The emotion curve of one persona along its most likely successful journey."""
        return Table(self._persona(persona)["emotion"]["curve"])

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

    def _persona(self, persona: str) -> Dict[str, Any]:
        for p in self._data["personas"]:
            if p["persona"] == persona:
                return p
        raise ScoringError(f"unknown persona {persona!r}")

    def __repr__(self) -> str:
        overall = self._data["overall"]
        return (
            f"Scores(map={self._data['map']!r}, success_probability={overall['success_probability']:.3f}, "
            f"health={overall['health']['index']:.1f})"
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{m['rank']}</td><td>{m['touchpoint']}</td><td>{m['priority']:.2f}</td>"
            f"<td>{(m['reasons'] or [''])[0]}</td></tr>"
            for m in self._data["moments_of_truth"][:10]
        )
        overall = self._data["overall"]
        return (
            f"<div class='journeymap-scores'><h4>{self._data['map']}</h4>"
            f"<p>conversion {overall['success_probability']:.1%} · health {overall['health']['index']:.0f}/100</p>"
            f"<table><tr><th>#</th><th>touchpoint</th><th>priority</th><th>why</th></tr>{rows}</table></div>"
        )


def _flatten_factors(m: Dict[str, Any]) -> Dict[str, Any]:
    row = {k: v for k, v in m.items() if k not in ("factors", "contributions")}
    row.update({f"factor_{k}": v for k, v in m["factors"].items()})
    return row


def score(m: JourneyMap, config: Optional[Dict[str, Any]] = None, **kwargs: Any) -> Scores:
    """Scores a map: `score(m)`, `score(m, ScoringConfig(top=3))` or `score(m, top=3)`;
    the same as `m.score(config)`."""
    cfg = dict(config or {}, **kwargs)
    return Scores(m.score_json(cfg or None))


def score_paths(
    m: JourneyMap, paths: Iterable[Sequence[str]], persona: Optional[str] = None, as_frame: bool = False
) -> Any:
    """Scores many observed paths in one call; returns a dict of columns, or a DataFrame."""
    columns = m.score_paths([list(p) for p in paths], persona)
    if as_frame:
        import pandas as pd

        return pd.DataFrame(columns)
    return columns


