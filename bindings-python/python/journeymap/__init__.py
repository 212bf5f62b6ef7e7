"""journeymap: customer journey maps as a scored graph.

Load, validate and score journey maps (format v1). The work happens in Rust; this package adds
notebook conveniences: typed views, attribute access to scores, DataFrames, HTML.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from ._config import ConfigLike, HealthWeights, PriorityWeights, ScoringConfig, SurveyConfig
from ._errors import ConfigError, EventLogError, JourneyMapError, ReadError, ScoringError, ValidationError, WriteError
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
    __version__,
    compare,
    load,
    loads,
    schema,
    scores_schema,
    validate,
)
from ._events import Aggregate, Conformance, EventLog, EventStats
from ._scores import PathReport, PathStep, Scores, Table

__all__ = [
    "Aggregate",
    "Channel",
    "ConfigError",
    "Conformance",
    "Diagnostic",
    "Entry",
    "EventLog",
    "EventLogError",
    "EventStats",
    "HealthWeights",
    "JourneyMap",
    "JourneyMapData",
    "JourneyMapError",
    "Measures",
    "Note",
    "Outcome",
    "PathReport",
    "PathStep",
    "Persona",
    "PriorityWeights",
    "ReadError",
    "ScoringConfig",
    "ScoringError",
    "Scores",
    "Stage",
    "SurveyConfig",
    "Table",
    "Touchpoint",
    "Transition",
    "ValidationError",
    "WriteError",
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
