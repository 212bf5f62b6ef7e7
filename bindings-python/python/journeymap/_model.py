"""Typed, read-only views of a journey map. Generated from schema/journey-map.schema.json by
bindings-python/generate_model.py; do not edit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Literal, Mapping, Optional, TypeVar

_T = TypeVar("_T")
_U = TypeVar("_U")


class Keyed(Dict[str, _T]):
    """A dict keyed by id (`Touchpoint.persona_measures`: persona id -> `Measures`). Keys
    starting with `x-` are tool data, not ids, and may hold any value: they are kept as they are
    in `.extra`, not in the dict. Equal to a plain dict with the same ids."""

    extra: Dict[str, Any]

    def __init__(self, *args: Any, extra: Optional[Mapping[str, Any]] = None, **kwargs: _T) -> None:
        super().__init__(*args, **kwargs)
        self.extra = dict(extra or {})

    @staticmethod
    def of(d: Mapping[str, Any], convert: Callable[[Any], _U]) -> "Keyed[_U]":
        """The ids of `d` with their values converted; its `x-` keys in `.extra`."""
        return Keyed(
            {k: convert(v) for k, v in d.items() if not k.startswith("x-")},
            extra={k: v for k, v in d.items() if k.startswith("x-")},
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Keyed) and other.extra != self.extra:
            return False
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Keyed({dict.__repr__(self)}, extra={self.extra!r})" if self.extra else f"Keyed({dict.__repr__(self)})"


@dataclass(frozen=True)
class Metadata:
    """Authors, dates, tags and provenance of a map."""

    authors: List[str] = field(default_factory=list)
    created: Optional[str] = None
    updated: Optional[str] = None
    tags: List[str] = field(default_factory=list)
    revision: Optional[str] = None
    based_on: Optional[str] = None
    applied_opportunities: List[str] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Metadata":
        known = {'authors', 'created', 'updated', 'tags', 'revision', 'based_on', 'applied_opportunities'}
        kwargs: Dict[str, Any] = {}
        if 'authors' in d and d['authors'] is not None:
            v = d['authors']
            kwargs['authors'] = v
        if 'created' in d and d['created'] is not None:
            v = d['created']
            kwargs['created'] = v
        if 'updated' in d and d['updated'] is not None:
            v = d['updated']
            kwargs['updated'] = v
        if 'tags' in d and d['tags'] is not None:
            v = d['tags']
            kwargs['tags'] = v
        if 'revision' in d and d['revision'] is not None:
            v = d['revision']
            kwargs['revision'] = v
        if 'based_on' in d and d['based_on'] is not None:
            v = d['based_on']
            kwargs['based_on'] = v
        if 'applied_opportunities' in d and d['applied_opportunities'] is not None:
            v = d['applied_opportunities']
            kwargs['applied_opportunities'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Scale:
    """A numeric scale: the closed interval `[min, max]`."""

    min: float
    max: float
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Scale":
        known = {'min', 'max'}
        kwargs: Dict[str, Any] = {}
        if 'min' in d and d['min'] is not None:
            v = d['min']
            kwargs['min'] = v
        if 'max' in d and d['max'] is not None:
            v = d['max']
            kwargs['max'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class EffortScale:
    """The effort scale: bounds and direction."""

    min: float
    max: float
    direction: Optional[Literal["higher_is_more_effort", "higher_is_easier"]] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "EffortScale":
        known = {'min', 'max', 'direction'}
        kwargs: Dict[str, Any] = {}
        if 'min' in d and d['min'] is not None:
            v = d['min']
            kwargs['min'] = v
        if 'max' in d and d['max'] is not None:
            v = d['max']
            kwargs['max'] = v
        if 'direction' in d and d['direction'] is not None:
            v = d['direction']
            kwargs['direction'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Scales:
    """Scales of the measured quantities. Each omitted scale takes its default:
emotion -2..+2, effort 1..7 (`higher_is_more_effort`), importance 1..5, satisfaction 1..5,
durations in minutes."""

    emotion: Optional[Scale] = None
    effort: Optional[EffortScale] = None
    importance: Optional[Scale] = None
    satisfaction: Optional[Scale] = None
    time_unit: Optional[Literal["seconds", "minutes", "hours", "days"]] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Scales":
        known = {'emotion', 'effort', 'importance', 'satisfaction', 'time_unit'}
        kwargs: Dict[str, Any] = {}
        if 'emotion' in d and d['emotion'] is not None:
            v = d['emotion']
            kwargs['emotion'] = Scale.from_dict(v)
        if 'effort' in d and d['effort'] is not None:
            v = d['effort']
            kwargs['effort'] = EffortScale.from_dict(v)
        if 'importance' in d and d['importance'] is not None:
            v = d['importance']
            kwargs['importance'] = Scale.from_dict(v)
        if 'satisfaction' in d and d['satisfaction'] is not None:
            v = d['satisfaction']
            kwargs['satisfaction'] = Scale.from_dict(v)
        if 'time_unit' in d and d['time_unit'] is not None:
            v = d['time_unit']
            kwargs['time_unit'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Persona:
    """A named, semi-fictional customer type with its own journey."""

    id: str
    name: str
    description: Optional[str] = None
    share: Optional[float] = None
    goals: List[str] = field(default_factory=list)
    motivations: List[str] = field(default_factory=list)
    frustrations: List[str] = field(default_factory=list)
    preferred_channels: List[str] = field(default_factory=list)
    attributes: Dict[str, Any] = field(default_factory=dict)
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Persona":
        known = {'id', 'name', 'description', 'share', 'goals', 'motivations', 'frustrations', 'preferred_channels', 'attributes'}
        kwargs: Dict[str, Any] = {}
        if 'id' in d and d['id'] is not None:
            v = d['id']
            kwargs['id'] = v
        if 'name' in d and d['name'] is not None:
            v = d['name']
            kwargs['name'] = v
        if 'description' in d and d['description'] is not None:
            v = d['description']
            kwargs['description'] = v
        if 'share' in d and d['share'] is not None:
            v = d['share']
            kwargs['share'] = v
        if 'goals' in d and d['goals'] is not None:
            v = d['goals']
            kwargs['goals'] = v
        if 'motivations' in d and d['motivations'] is not None:
            v = d['motivations']
            kwargs['motivations'] = v
        if 'frustrations' in d and d['frustrations'] is not None:
            v = d['frustrations']
            kwargs['frustrations'] = v
        if 'preferred_channels' in d and d['preferred_channels'] is not None:
            v = d['preferred_channels']
            kwargs['preferred_channels'] = v
        if 'attributes' in d and d['attributes'] is not None:
            v = d['attributes']
            kwargs['attributes'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Channel:
    """A medium through which touchpoints happen."""

    id: str
    name: str
    kind: Literal["digital", "physical", "human", "print", "other"]
    mode: Optional[Literal["self_service", "assisted"]] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Channel":
        known = {'id', 'name', 'kind', 'mode'}
        kwargs: Dict[str, Any] = {}
        if 'id' in d and d['id'] is not None:
            v = d['id']
            kwargs['id'] = v
        if 'name' in d and d['name'] is not None:
            v = d['name']
            kwargs['name'] = v
        if 'kind' in d and d['kind'] is not None:
            v = d['kind']
            kwargs['kind'] = v
        if 'mode' in d and d['mode'] is not None:
            v = d['mode']
            kwargs['mode'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Kpi:
    """A key performance indicator attached to a stage."""

    name: str
    unit: Optional[str] = None
    target: Optional[float] = None
    actual: Optional[float] = None
    direction: Optional[Literal["higher_is_better", "lower_is_better"]] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Kpi":
        known = {'name', 'unit', 'target', 'actual', 'direction'}
        kwargs: Dict[str, Any] = {}
        if 'name' in d and d['name'] is not None:
            v = d['name']
            kwargs['name'] = v
        if 'unit' in d and d['unit'] is not None:
            v = d['unit']
            kwargs['unit'] = v
        if 'target' in d and d['target'] is not None:
            v = d['target']
            kwargs['target'] = v
        if 'actual' in d and d['actual'] is not None:
            v = d['actual']
            kwargs['actual'] = v
        if 'direction' in d and d['direction'] is not None:
            v = d['direction']
            kwargs['direction'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Stage:
    """A step of the journey as the customer sees it (discover, compare, buy, ...)."""

    id: str
    name: str
    order: Optional[int] = None
    description: Optional[str] = None
    customer_goal: Optional[str] = None
    business_goal: Optional[str] = None
    kpis: List[Kpi] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Stage":
        known = {'id', 'name', 'order', 'description', 'customer_goal', 'business_goal', 'kpis'}
        kwargs: Dict[str, Any] = {}
        if 'id' in d and d['id'] is not None:
            v = d['id']
            kwargs['id'] = v
        if 'name' in d and d['name'] is not None:
            v = d['name']
            kwargs['name'] = v
        if 'order' in d and d['order'] is not None:
            v = d['order']
            kwargs['order'] = v
        if 'description' in d and d['description'] is not None:
            v = d['description']
            kwargs['description'] = v
        if 'customer_goal' in d and d['customer_goal'] is not None:
            v = d['customer_goal']
            kwargs['customer_goal'] = v
        if 'business_goal' in d and d['business_goal'] is not None:
            v = d['business_goal']
            kwargs['business_goal'] = v
        if 'kpis' in d and d['kpis'] is not None:
            v = d['kpis']
            kwargs['kpis'] = [Kpi.from_dict(i) for i in v]
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Measures:
    """Measured or estimated values of a touchpoint, each on the map's declared scale."""

    emotion: Optional[float] = None
    expected_emotion: Optional[float] = None
    effort: Optional[float] = None
    importance: Optional[float] = None
    satisfaction: Optional[float] = None
    duration: Optional[float] = None
    volume: Optional[float] = None
    drop_off: Optional[float] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Measures":
        known = {'emotion', 'expected_emotion', 'effort', 'importance', 'satisfaction', 'duration', 'volume', 'drop_off'}
        kwargs: Dict[str, Any] = {}
        if 'emotion' in d and d['emotion'] is not None:
            v = d['emotion']
            kwargs['emotion'] = v
        if 'expected_emotion' in d and d['expected_emotion'] is not None:
            v = d['expected_emotion']
            kwargs['expected_emotion'] = v
        if 'effort' in d and d['effort'] is not None:
            v = d['effort']
            kwargs['effort'] = v
        if 'importance' in d and d['importance'] is not None:
            v = d['importance']
            kwargs['importance'] = v
        if 'satisfaction' in d and d['satisfaction'] is not None:
            v = d['satisfaction']
            kwargs['satisfaction'] = v
        if 'duration' in d and d['duration'] is not None:
            v = d['duration']
            kwargs['duration'] = v
        if 'volume' in d and d['volume'] is not None:
            v = d['volume']
            kwargs['volume'] = v
        if 'drop_off' in d and d['drop_off'] is not None:
            v = d['drop_off']
            kwargs['drop_off'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Evidence:
    """How well-founded a touchpoint's measures are."""

    source: Literal["workshop", "survey", "analytics", "interview", "observation", "assumption"]
    n: Optional[int] = None
    date: Optional[str] = None
    note: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Evidence":
        known = {'source', 'n', 'date', 'note'}
        kwargs: Dict[str, Any] = {}
        if 'source' in d and d['source'] is not None:
            v = d['source']
            kwargs['source'] = v
        if 'n' in d and d['n'] is not None:
            v = d['n']
            kwargs['n'] = v
        if 'date' in d and d['date'] is not None:
            v = d['date']
            kwargs['date'] = v
        if 'note' in d and d['note'] is not None:
            v = d['note']
            kwargs['note'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Note:
    """A pain (irritant) or a gain (enchanter) felt at a touchpoint."""

    text: str
    id: Optional[str] = None
    severity: Optional[Literal["low", "medium", "high", "critical"]] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Note":
        known = {'id', 'text', 'severity'}
        kwargs: Dict[str, Any] = {}
        if 'id' in d and d['id'] is not None:
            v = d['id']
            kwargs['id'] = v
        if 'text' in d and d['text'] is not None:
            v = d['text']
            kwargs['text'] = v
        if 'severity' in d and d['severity'] is not None:
            v = d['severity']
            kwargs['severity'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class SurveyPlan:
    """How the voice of the customer is collected at a touchpoint."""

    metric: Literal["ces", "csat", "nps", "custom"]
    question: Optional[str] = None
    recurrence: Optional[Literal["every_interaction", "once", "monthly", "quarterly", "yearly"]] = None
    sample_rate: Optional[float] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "SurveyPlan":
        known = {'metric', 'question', 'recurrence', 'sample_rate'}
        kwargs: Dict[str, Any] = {}
        if 'metric' in d and d['metric'] is not None:
            v = d['metric']
            kwargs['metric'] = v
        if 'question' in d and d['question'] is not None:
            v = d['question']
            kwargs['question'] = v
        if 'recurrence' in d and d['recurrence'] is not None:
            v = d['recurrence']
            kwargs['recurrence'] = v
        if 'sample_rate' in d and d['sample_rate'] is not None:
            v = d['sample_rate']
            kwargs['sample_rate'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Touchpoint:
    """A step at the crossing of a stage and a channel: the unit that is scored."""

    id: str
    name: str
    stage: str
    channel: str
    description: Optional[str] = None
    customer_action: Optional[str] = None
    personas: List[str] = field(default_factory=list)
    visibility: Optional[Literal["frontstage", "backstage"]] = None
    owner: Optional[str] = None
    measures: Optional[Measures] = None
    persona_measures: Keyed[Measures] = field(default_factory=Keyed)
    evidence: Optional[Evidence] = None
    pains: List[Note] = field(default_factory=list)
    gains: List[Note] = field(default_factory=list)
    moment_of_truth: Optional[bool] = None
    moment_of_truth_kind: Optional[Literal["zero", "first", "second", "contact"]] = None
    survey: Optional[SurveyPlan] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Touchpoint":
        known = {'id', 'name', 'stage', 'channel', 'description', 'customer_action', 'personas', 'visibility', 'owner', 'measures', 'persona_measures', 'evidence', 'pains', 'gains', 'moment_of_truth', 'moment_of_truth_kind', 'survey'}
        kwargs: Dict[str, Any] = {}
        if 'id' in d and d['id'] is not None:
            v = d['id']
            kwargs['id'] = v
        if 'name' in d and d['name'] is not None:
            v = d['name']
            kwargs['name'] = v
        if 'stage' in d and d['stage'] is not None:
            v = d['stage']
            kwargs['stage'] = v
        if 'channel' in d and d['channel'] is not None:
            v = d['channel']
            kwargs['channel'] = v
        if 'description' in d and d['description'] is not None:
            v = d['description']
            kwargs['description'] = v
        if 'customer_action' in d and d['customer_action'] is not None:
            v = d['customer_action']
            kwargs['customer_action'] = v
        if 'personas' in d and d['personas'] is not None:
            v = d['personas']
            kwargs['personas'] = v
        if 'visibility' in d and d['visibility'] is not None:
            v = d['visibility']
            kwargs['visibility'] = v
        if 'owner' in d and d['owner'] is not None:
            v = d['owner']
            kwargs['owner'] = v
        if 'measures' in d and d['measures'] is not None:
            v = d['measures']
            kwargs['measures'] = Measures.from_dict(v)
        if 'persona_measures' in d and d['persona_measures'] is not None:
            v = d['persona_measures']
            kwargs['persona_measures'] = Keyed.of(v, Measures.from_dict)
        if 'evidence' in d and d['evidence'] is not None:
            v = d['evidence']
            kwargs['evidence'] = Evidence.from_dict(v)
        if 'pains' in d and d['pains'] is not None:
            v = d['pains']
            kwargs['pains'] = [Note.from_dict(i) for i in v]
        if 'gains' in d and d['gains'] is not None:
            v = d['gains']
            kwargs['gains'] = [Note.from_dict(i) for i in v]
        if 'moment_of_truth' in d and d['moment_of_truth'] is not None:
            v = d['moment_of_truth']
            kwargs['moment_of_truth'] = v
        if 'moment_of_truth_kind' in d and d['moment_of_truth_kind'] is not None:
            v = d['moment_of_truth_kind']
            kwargs['moment_of_truth_kind'] = v
        if 'survey' in d and d['survey'] is not None:
            v = d['survey']
            kwargs['survey'] = SurveyPlan.from_dict(v)
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Transition:
    """A move of the customer from a touchpoint to a touchpoint or an outcome.

Weights: when `probability` is given it is used; otherwise `count` (observed moves) is
turned into a probability by dividing by the counts out of the same touchpoint; when neither
is given, the moves out of a touchpoint share its remaining probability equally."""

    from_: str
    to: str
    personas: List[str] = field(default_factory=list)
    probability: Optional[float] = None
    count: Optional[float] = None
    label: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Transition":
        known = {'from', 'to', 'personas', 'probability', 'count', 'label'}
        kwargs: Dict[str, Any] = {}
        if 'from' in d and d['from'] is not None:
            v = d['from']
            kwargs['from_'] = v
        if 'to' in d and d['to'] is not None:
            v = d['to']
            kwargs['to'] = v
        if 'personas' in d and d['personas'] is not None:
            v = d['personas']
            kwargs['personas'] = v
        if 'probability' in d and d['probability'] is not None:
            v = d['probability']
            kwargs['probability'] = v
        if 'count' in d and d['count'] is not None:
            v = d['count']
            kwargs['count'] = v
        if 'label' in d and d['label'] is not None:
            v = d['label']
            kwargs['label'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Entry:
    """Where a persona's journey starts."""

    touchpoint: str
    personas: List[str] = field(default_factory=list)
    probability: Optional[float] = None
    count: Optional[float] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Entry":
        known = {'touchpoint', 'personas', 'probability', 'count'}
        kwargs: Dict[str, Any] = {}
        if 'touchpoint' in d and d['touchpoint'] is not None:
            v = d['touchpoint']
            kwargs['touchpoint'] = v
        if 'personas' in d and d['personas'] is not None:
            v = d['personas']
            kwargs['personas'] = v
        if 'probability' in d and d['probability'] is not None:
            v = d['probability']
            kwargs['probability'] = v
        if 'count' in d and d['count'] is not None:
            v = d['count']
            kwargs['count'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Outcome:
    """A terminal state of the journey."""

    id: str
    name: str
    kind: Literal["success", "failure", "neutral"]
    description: Optional[str] = None
    value: Optional[float] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Outcome":
        known = {'id', 'name', 'kind', 'description', 'value'}
        kwargs: Dict[str, Any] = {}
        if 'id' in d and d['id'] is not None:
            v = d['id']
            kwargs['id'] = v
        if 'name' in d and d['name'] is not None:
            v = d['name']
            kwargs['name'] = v
        if 'kind' in d and d['kind'] is not None:
            v = d['kind']
            kwargs['kind'] = v
        if 'description' in d and d['description'] is not None:
            v = d['description']
            kwargs['description'] = v
        if 'value' in d and d['value'] is not None:
            v = d['value']
            kwargs['value'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class MeasureEffect:
    """New values of a touchpoint's measures, for every persona or for some."""

    touchpoint: str
    measures: Measures
    personas: List[str] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "MeasureEffect":
        known = {'touchpoint', 'personas', 'measures'}
        kwargs: Dict[str, Any] = {}
        if 'touchpoint' in d and d['touchpoint'] is not None:
            v = d['touchpoint']
            kwargs['touchpoint'] = v
        if 'personas' in d and d['personas'] is not None:
            v = d['personas']
            kwargs['personas'] = v
        if 'measures' in d and d['measures'] is not None:
            v = d['measures']
            kwargs['measures'] = Measures.from_dict(v)
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class TransitionEffect:
    """A move changed or added: after the change, the transition from `from` to `to` for these
personas has these weights."""

    from_: str
    to: str
    personas: List[str] = field(default_factory=list)
    probability: Optional[float] = None
    count: Optional[float] = None
    label: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "TransitionEffect":
        known = {'from', 'to', 'personas', 'probability', 'count', 'label'}
        kwargs: Dict[str, Any] = {}
        if 'from' in d and d['from'] is not None:
            v = d['from']
            kwargs['from_'] = v
        if 'to' in d and d['to'] is not None:
            v = d['to']
            kwargs['to'] = v
        if 'personas' in d and d['personas'] is not None:
            v = d['personas']
            kwargs['personas'] = v
        if 'probability' in d and d['probability'] is not None:
            v = d['probability']
            kwargs['probability'] = v
        if 'count' in d and d['count'] is not None:
            v = d['count']
            kwargs['count'] = v
        if 'label' in d and d['label'] is not None:
            v = d['label']
            kwargs['label'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class RemovedTransition:
    """A move removed."""

    from_: str
    to: str
    personas: List[str] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "RemovedTransition":
        known = {'from', 'to', 'personas'}
        kwargs: Dict[str, Any] = {}
        if 'from' in d and d['from'] is not None:
            v = d['from']
            kwargs['from_'] = v
        if 'to' in d and d['to'] is not None:
            v = d['to']
            kwargs['to'] = v
        if 'personas' in d and d['personas'] is not None:
            v = d['personas']
            kwargs['personas'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class RemovedTouchpoint:
    """A touchpoint removed from the journey: its moves out are dropped, and the moves and entries
into it go to `redirect_to` instead."""

    touchpoint: str
    redirect_to: str
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "RemovedTouchpoint":
        known = {'touchpoint', 'redirect_to'}
        kwargs: Dict[str, Any] = {}
        if 'touchpoint' in d and d['touchpoint'] is not None:
            v = d['touchpoint']
            kwargs['touchpoint'] = v
        if 'redirect_to' in d and d['redirect_to'] is not None:
            v = d['redirect_to']
            kwargs['redirect_to'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Effects:
    """The expected effects of an opportunity on the map. Applied together (with those of other
opportunities) kind by kind: removed moves, then changed or added moves, then removed
touchpoints, then new measure values."""

    measures: List[MeasureEffect] = field(default_factory=list)
    transitions: List[TransitionEffect] = field(default_factory=list)
    removed_transitions: List[RemovedTransition] = field(default_factory=list)
    removed_touchpoints: List[RemovedTouchpoint] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Effects":
        known = {'measures', 'transitions', 'removed_transitions', 'removed_touchpoints'}
        kwargs: Dict[str, Any] = {}
        if 'measures' in d and d['measures'] is not None:
            v = d['measures']
            kwargs['measures'] = [MeasureEffect.from_dict(i) for i in v]
        if 'transitions' in d and d['transitions'] is not None:
            v = d['transitions']
            kwargs['transitions'] = [TransitionEffect.from_dict(i) for i in v]
        if 'removed_transitions' in d and d['removed_transitions'] is not None:
            v = d['removed_transitions']
            kwargs['removed_transitions'] = [RemovedTransition.from_dict(i) for i in v]
        if 'removed_touchpoints' in d and d['removed_touchpoints'] is not None:
            v = d['removed_touchpoints']
            kwargs['removed_touchpoints'] = [RemovedTouchpoint.from_dict(i) for i in v]
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class Opportunity:
    """An improvement idea linked to touchpoints and pains."""

    id: str
    title: str
    description: Optional[str] = None
    touchpoints: List[str] = field(default_factory=list)
    pains: List[str] = field(default_factory=list)
    value: Optional[float] = None
    effort: Optional[float] = None
    confidence: Optional[float] = None
    status: Optional[Literal["idea", "planned", "in_progress", "done", "rejected"]] = None
    effects: Optional[Effects] = None
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Opportunity":
        known = {'id', 'title', 'description', 'touchpoints', 'pains', 'value', 'effort', 'confidence', 'status', 'effects'}
        kwargs: Dict[str, Any] = {}
        if 'id' in d and d['id'] is not None:
            v = d['id']
            kwargs['id'] = v
        if 'title' in d and d['title'] is not None:
            v = d['title']
            kwargs['title'] = v
        if 'description' in d and d['description'] is not None:
            v = d['description']
            kwargs['description'] = v
        if 'touchpoints' in d and d['touchpoints'] is not None:
            v = d['touchpoints']
            kwargs['touchpoints'] = v
        if 'pains' in d and d['pains'] is not None:
            v = d['pains']
            kwargs['pains'] = v
        if 'value' in d and d['value'] is not None:
            v = d['value']
            kwargs['value'] = v
        if 'effort' in d and d['effort'] is not None:
            v = d['effort']
            kwargs['effort'] = v
        if 'confidence' in d and d['confidence'] is not None:
            v = d['confidence']
            kwargs['confidence'] = v
        if 'status' in d and d['status'] is not None:
            v = d['status']
            kwargs['status'] = v
        if 'effects' in d and d['effects'] is not None:
            v = d['effects']
            kwargs['effects'] = Effects.from_dict(v)
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


@dataclass(frozen=True)
class JourneyMapData:
    """A customer journey map, format v1."""

    format_version: str
    id: str
    title: str
    description: Optional[str] = None
    state: Optional[Literal["as_is", "to_be", "actual"]] = None
    view: Optional[Literal["customer", "service_blueprint"]] = None
    locale: Optional[str] = None
    metadata: Optional[Metadata] = None
    scales: Optional[Scales] = None
    personas: List[Persona] = field(default_factory=list)
    channels: List[Channel] = field(default_factory=list)
    stages: List[Stage] = field(default_factory=list)
    touchpoints: List[Touchpoint] = field(default_factory=list)
    transitions: List[Transition] = field(default_factory=list)
    entries: List[Entry] = field(default_factory=list)
    outcomes: List[Outcome] = field(default_factory=list)
    opportunities: List[Opportunity] = field(default_factory=list)
    extensions: Dict[str, Any] = field(default_factory=dict)
    extra: Dict[str, Any] = field(default_factory=dict)
    """Keys starting with `x-` (and any key this version does not know)."""

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "JourneyMapData":
        known = {'format_version', 'id', 'title', 'description', 'state', 'view', 'locale', 'metadata', 'scales', 'personas', 'channels', 'stages', 'touchpoints', 'transitions', 'entries', 'outcomes', 'opportunities', 'extensions'}
        kwargs: Dict[str, Any] = {}
        if 'format_version' in d and d['format_version'] is not None:
            v = d['format_version']
            kwargs['format_version'] = v
        if 'id' in d and d['id'] is not None:
            v = d['id']
            kwargs['id'] = v
        if 'title' in d and d['title'] is not None:
            v = d['title']
            kwargs['title'] = v
        if 'description' in d and d['description'] is not None:
            v = d['description']
            kwargs['description'] = v
        if 'state' in d and d['state'] is not None:
            v = d['state']
            kwargs['state'] = v
        if 'view' in d and d['view'] is not None:
            v = d['view']
            kwargs['view'] = v
        if 'locale' in d and d['locale'] is not None:
            v = d['locale']
            kwargs['locale'] = v
        if 'metadata' in d and d['metadata'] is not None:
            v = d['metadata']
            kwargs['metadata'] = Metadata.from_dict(v)
        if 'scales' in d and d['scales'] is not None:
            v = d['scales']
            kwargs['scales'] = Scales.from_dict(v)
        if 'personas' in d and d['personas'] is not None:
            v = d['personas']
            kwargs['personas'] = [Persona.from_dict(i) for i in v]
        if 'channels' in d and d['channels'] is not None:
            v = d['channels']
            kwargs['channels'] = [Channel.from_dict(i) for i in v]
        if 'stages' in d and d['stages'] is not None:
            v = d['stages']
            kwargs['stages'] = [Stage.from_dict(i) for i in v]
        if 'touchpoints' in d and d['touchpoints'] is not None:
            v = d['touchpoints']
            kwargs['touchpoints'] = [Touchpoint.from_dict(i) for i in v]
        if 'transitions' in d and d['transitions'] is not None:
            v = d['transitions']
            kwargs['transitions'] = [Transition.from_dict(i) for i in v]
        if 'entries' in d and d['entries'] is not None:
            v = d['entries']
            kwargs['entries'] = [Entry.from_dict(i) for i in v]
        if 'outcomes' in d and d['outcomes'] is not None:
            v = d['outcomes']
            kwargs['outcomes'] = [Outcome.from_dict(i) for i in v]
        if 'opportunities' in d and d['opportunities'] is not None:
            v = d['opportunities']
            kwargs['opportunities'] = [Opportunity.from_dict(i) for i in v]
        if 'extensions' in d and d['extensions'] is not None:
            v = d['extensions']
            kwargs['extensions'] = v
        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}
        return cls(**kwargs)


__all__ = ['Channel', 'Effects', 'EffortScale', 'Entry', 'Evidence', 'JourneyMapData', 'Keyed', 'Kpi', 'MeasureEffect', 'Measures', 'Metadata', 'Note', 'Opportunity', 'Outcome', 'Persona', 'RemovedTouchpoint', 'RemovedTransition', 'Scale', 'Scales', 'Stage', 'SurveyPlan', 'Touchpoint', 'Transition', 'TransitionEffect']
