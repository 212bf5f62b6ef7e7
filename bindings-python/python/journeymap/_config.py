"""Scoring settings as frozen dataclasses, mirroring the Rust `ScoringConfig` (docs/scoring.md).

Defaults come from the Rust defaults, and every `ScoringConfig` is checked by the Rust core when
it is built, so a bad value fails early with a `ConfigError` (JM107) whose diagnostic points into
the settings (e.g. `/weights/reach`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Literal, Mapping, Optional, Union

from . import _native

__all__ = [
    "HealthWeights",
    "ImpactThresholds",
    "OpportunityConfig",
    "PriorityWeights",
    "ScoringConfig",
    "Settings",
    "SurveyConfig",
    "ValueScale",
]

_DEFAULTS: Dict[str, Any] = _native.scoring_config({})


class Settings:
    """Base of the settings classes: `to_dict()` gives the plain dict the Rust core reads."""

    def to_dict(self) -> Dict[str, Any]:
        """The settings as a dict (nested settings as dicts)."""
        return {k: v.to_dict() if isinstance(v, Settings) else v for k, v in vars(self).items()}


@dataclass(frozen=True)
class PriorityWeights(Settings):
    """Weights of the moment-of-truth priority factors (non-negative; divided by their sum)."""

    reach: float = _DEFAULTS["weights"]["reach"]
    importance: float = _DEFAULTS["weights"]["importance"]
    pain: float = _DEFAULTS["weights"]["pain"]
    swing: float = _DEFAULTS["weights"]["swing"]
    criticality: float = _DEFAULTS["weights"]["criticality"]


@dataclass(frozen=True)
class HealthWeights(Settings):
    """Weights of the health index parts."""

    conversion: float = _DEFAULTS["health"]["conversion"]
    emotion: float = _DEFAULTS["health"]["emotion"]
    effort: float = _DEFAULTS["health"]["effort"]
    experience: float = _DEFAULTS["health"]["experience"]


@dataclass(frozen=True)
class SurveyConfig(Settings):
    """Settings of the survey plan."""

    max_surveys: int = _DEFAULTS["survey"]["max_surveys"]
    min_spacing: int = _DEFAULTS["survey"]["min_spacing"]
    effort_threshold: float = _DEFAULTS["survey"]["effort_threshold"]


@dataclass(frozen=True)
class ImpactThresholds(Settings):
    """Predicted health gain per customer reached (points) from which a predicted RICE impact is
    massive (3), high (2), medium (1), low (0.5); any smaller gain above 0 is minimal (0.25)."""

    massive: float = _DEFAULTS["opportunities"]["impact"]["massive"]
    high: float = _DEFAULTS["opportunities"]["impact"]["high"]
    medium: float = _DEFAULTS["opportunities"]["impact"]["medium"]
    low: float = _DEFAULTS["opportunities"]["impact"]["low"]


@dataclass(frozen=True)
class ValueScale(Settings):
    """The scale of declared opportunity `value`s, read as a rating 1..5."""

    min: float = _DEFAULTS["opportunities"]["value_scale"]["min"]
    max: float = _DEFAULTS["opportunities"]["value_scale"]["max"]


@dataclass(frozen=True)
class OpportunityConfig(Settings):
    """Settings of the opportunity scores: RICE impact levels and the value × effort grid."""

    impact: ImpactThresholds = field(default_factory=ImpactThresholds)
    value_scale: ValueScale = field(default_factory=ValueScale)
    default_confidence: float = _DEFAULTS["opportunities"]["default_confidence"]
    high_impact: float = _DEFAULTS["opportunities"]["high_impact"]
    high_effort: Optional[float] = _DEFAULTS["opportunities"]["high_effort"]
    """Effort above which an opportunity is high effort; `None`: the median declared effort."""

    def __post_init__(self) -> None:
        for name, cls in (("impact", ImpactThresholds), ("value_scale", ValueScale)):
            value = getattr(self, name)
            if isinstance(value, Mapping):
                object.__setattr__(self, name, cls(**value))


_PARTS = {"weights": PriorityWeights, "health": HealthWeights, "survey": SurveyConfig, "opportunities": OpportunityConfig}


@dataclass(frozen=True)
class ScoringConfig(Settings):
    """Scoring settings, named as the fields of the Rust `ScoringConfig`.

    `ScoringConfig(top=3, weights={"reach": 1})`: nested settings are given as their class or
    as a dict (missing keys take their default). The Rust core checks the whole config here:
    an unknown nested key, a wrong type or a negative weight raises `ConfigError` (JM107).
    """

    weights: PriorityWeights = field(default_factory=PriorityWeights)
    crosshair: Literal["scale_midpoint", "data_mean"] = _DEFAULTS["crosshair"]
    health: HealthWeights = field(default_factory=HealthWeights)
    survey: SurveyConfig = field(default_factory=SurveyConfig)
    top: Optional[int] = _DEFAULTS["top"]
    """Length of the short lists (effort hot spots, largest shortfalls); `None` means 5."""
    opportunities: OpportunityConfig = field(default_factory=OpportunityConfig)

    def __post_init__(self) -> None:
        checked = _native.scoring_config(self.to_dict())
        for name, cls in _PARTS.items():
            object.__setattr__(self, name, cls(**checked[name]))
        object.__setattr__(self, "crosshair", checked["crosshair"])
        object.__setattr__(self, "top", checked["top"])

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ScoringConfig:
        """Settings from a dict such as `to_dict()` gives; unknown keys raise `ConfigError`."""
        checked = _native.scoring_config(dict(d))
        return cls(**checked)


ConfigLike = Union[ScoringConfig, Mapping[str, Any], None]
"""What scoring calls accept as `config`: a `ScoringConfig`, a dict of settings, or `None`."""
