"""Module-level conveniences over `JourneyMap` methods."""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from ._config import ConfigLike
from ._native import JourneyMap
from ._scores import Scores

__all__ = ["score", "score_paths"]


def score(m: JourneyMap, config: ConfigLike = None, **settings: Any) -> Scores:
    """Scores a map: `score(m)`, `score(m, ScoringConfig(top=3))` or `score(m, top=3)`; the same
    as `m.score(config, **settings)`."""
    return m.score(config, **settings)


def score_paths(
    m: JourneyMap, paths: Iterable[Sequence[str]], persona: Optional[str] = None, as_frame: bool = False
) -> Any:
    """Scores many observed paths in one call; returns a dict of columns, or a DataFrame."""
    columns = m.score_paths(paths, persona)
    if as_frame:
        import pandas as pd

        return pd.DataFrame(columns)
    return columns
