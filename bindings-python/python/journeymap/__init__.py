"""journeymap: customer journey maps as a scored graph.

Load, validate and score journey maps (format v1). The work happens in Rust; this package adds
notebook conveniences: typed views, attribute access to scores, DataFrames, HTML.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from ._config import (
    ConfigLike,
    HealthWeights,
    ImpactThresholds,
    OpportunityConfig,
    PriorityWeights,
    ScoringConfig,
    SurveyConfig,
    ValueScale,
)
from ._errors import ConfigError, JourneyMapError, ReadError, ScoringError, ValidationError, WriteError
from ._model import (
    Channel,
    Effects,
    Entry,
    JourneyMapData,
    MeasureEffect,
    Measures,
    Note,
    Opportunity,
    Outcome,
    Persona,
    RemovedTouchpoint,
    RemovedTransition,
    Stage,
    Touchpoint,
    Transition,
    TransitionEffect,
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
from ._scores import PathReport, PathStep, PersonaPrediction, Portfolio, PortfolioStep, Prediction, Scores, Table

__all__ = [
    "Channel",
    "ConfigError",
    "Diagnostic",
    "Effects",
    "Entry",
    "HealthWeights",
    "ImpactThresholds",
    "JourneyMap",
    "JourneyMapData",
    "JourneyMapError",
    "MeasureEffect",
    "Measures",
    "Note",
    "Opportunity",
    "OpportunityConfig",
    "Outcome",
    "PathReport",
    "PathStep",
    "Persona",
    "PersonaPrediction",
    "Portfolio",
    "PortfolioStep",
    "Prediction",
    "PriorityWeights",
    "ReadError",
    "RemovedTouchpoint",
    "RemovedTransition",
    "ScoringConfig",
    "ScoringError",
    "Scores",
    "Stage",
    "SurveyConfig",
    "Table",
    "Touchpoint",
    "Transition",
    "TransitionEffect",
    "ValidationError",
    "ValueScale",
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
