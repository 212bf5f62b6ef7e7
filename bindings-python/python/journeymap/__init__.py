"""journeymap: customer journey maps as a scored graph.

Load, validate and score journey maps (format v1); read and write them as Mermaid `journey`
diagrams and CSV touchpoint tables. The work happens in Rust; this package adds notebook
conveniences: typed views, attribute access to scores, DataFrames, HTML, and the pictures
(`m.to_svg()`, `m.to_html()`), which notebooks show for a map and for its scores.

The public names are those of `__all__`, each documented in docs/python.md.
"""

from ._api import score, score_paths
from ._catalogue import CodeEntry
from ._config import (
    HealthWeights,
    ImpactThresholds,
    OpportunityConfig,
    PriorityWeights,
    ScoringConfig,
    SurveyConfig,
    ValueScale,
)
from ._errors import (
    ConfigError,
    EventLogError,
    InternalError,
    JourneyMapError,
    ReadError,
    RenderError,
    ScoringError,
    ValidationError,
    WriteError,
)
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
    codes,
    compare,
    from_csv,
    from_mermaid,
    load,
    loads,
    schema,
    scores_schema,
    validate,
)
from ._events import Aggregate, Conformance, EventLog, EventStats
from ._scores import PathReport, PathStep, PersonaPrediction, Portfolio, PortfolioStep, Prediction, Scores, Table

__all__ = [
    "Aggregate",
    "Channel",
    "CodeEntry",
    "ConfigError",
    "Conformance",
    "Diagnostic",
    "Effects",
    "Entry",
    "EventLog",
    "EventLogError",
    "EventStats",
    "HealthWeights",
    "ImpactThresholds",
    "InternalError",
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
    "RenderError",
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
    "codes",
    "compare",
    "from_csv",
    "from_mermaid",
    "load",
    "loads",
    "schema",
    "score",
    "score_paths",
    "scores_schema",
    "validate",
]
