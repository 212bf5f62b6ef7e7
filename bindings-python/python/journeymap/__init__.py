"""journeymap: customer journey maps as a scored graph.

Load, validate and score journey maps (format v1); read and write them as Mermaid `journey`
diagrams and CSV touchpoint tables. The work happens in Rust; this package adds notebook
conveniences: typed views, attribute access to scores, DataFrames, HTML, and the pictures
(`m.to_svg()`, `m.to_html()`), which notebooks show for a map and for its scores.

The public names are those of `__all__`, each documented in docs/python.md.
"""

from ._api import score, score_paths
from ._catalogue import CodeEntry
from ._config import HealthWeights, PriorityWeights, ScoringConfig, SurveyConfig
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
from ._scores import PathReport, PathStep, Scores, Table

__all__ = [
    "Aggregate",
    "Channel",
    "CodeEntry",
    "ConfigError",
    "Conformance",
    "Diagnostic",
    "Entry",
    "EventLog",
    "EventLogError",
    "EventStats",
    "HealthWeights",
    "InternalError",
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
    "RenderError",
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
