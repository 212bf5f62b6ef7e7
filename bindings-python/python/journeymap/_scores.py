"""`Scores`: the result of scoring a map, with attribute access, tables for pandas and HTML."""

from __future__ import annotations

import html
import json
from typing import Any, Dict, List, Optional

from ._errors import ScoringError

__all__ = ["Scores", "Table"]


class Table(List[Dict[str, Any]]):
    """A list of records (dicts) that converts to a pandas DataFrame."""

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame (pandas is imported on first use)."""
        import pandas as pd

        return pd.DataFrame.from_records(list(self))


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
                found: Dict[str, Any] = p
                return found
        raise ScoringError(f'unknown persona "{persona}"', code="JM104")

    def __repr__(self) -> str:
        overall = self._data["overall"]
        return (
            f"Scores(map={self._data['map']!r}, success_probability={overall['success_probability']:.3f}, "
            f"health={overall['health']['index']:.1f})"
        )

    def _repr_html_(self) -> str:
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


def _flatten_factors(m: Dict[str, Any]) -> Dict[str, Any]:
    row = {k: v for k, v in m.items() if k not in ("factors", "contributions")}
    row.update({f"factor_{k}": v for k, v in m["factors"].items()})
    return row
