"""Event logs: what customers really did. Read a log from a pandas or polars DataFrame, a pyarrow
Table (through the Arrow C stream interface, `__arrow_c_stream__`) or a CSV file; get its
statistics as DataFrames, its observed map, a designed map calibrated from it, and case-by-case
conformance to a map. Partial aggregates merge and pickle, for Dask or Spark.

The work happens in Rust with the GIL released; Python only moves whole columns and JSON.
"""

from __future__ import annotations

import json
import math
import os
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from ._native import DEFAULT_TOP_VARIANTS, JourneyMap, NativeAggregate, NativeEventLog

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Aggregate", "Conformance", "EventLog", "EventStats"]

#: Activity mapping: a CSV path, a dict {activity: touchpoint id}, or rows
#: (activity, touchpoint) / (activity, channel, touchpoint), or a DataFrame with the columns
#: `activity`, `touchpoint` and optionally `channel`.
MappingLike = Union[str, "os.PathLike[str]", Mapping[str, str], Iterable[Sequence[Optional[str]]], Any]

#: Rows from which a progress bar is shown when `progress=None` (tqdm, if installed).
PROGRESS_ROWS = 5_000_000



def _frame(records: List[Dict[str, Any]], columns: Sequence[str]) -> "pd.DataFrame":
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - pandas is a test dependency
        raise ImportError("journeymap event-log results are pandas DataFrames: pip install pandas") from e
    return pd.DataFrame.from_records(records, columns=list(columns))


def _number(value: float) -> Union[float, str]:
    """A scale bound for the settings JSON: JSON has no NaN or infinities, so they travel as the
    texts "NaN", "Infinity" and "-Infinity", which the core reads and refuses (EventLogError
    JM305)."""
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def _row_offset(row_offset: int) -> int:
    if isinstance(row_offset, bool) or not isinstance(row_offset, int) or row_offset < 0:
        raise ValueError(f"row_offset must be a non-negative integer, got {row_offset!r}")
    return row_offset


def _names(
    case: Optional[str],
    activity: Optional[str],
    timestamp: Optional[str],
    channel: Optional[str],
    persona: Optional[str],
    metrics: Dict[str, Optional[str]],
    scales: Optional[Mapping[str, Tuple[float, float]]],
    ces_higher_is_easier: bool,
) -> Tuple[str, List[str]]:
    """The column settings as the JSON the native side reads (what is not given is left out: the
    core's defaults fill in), and the columns to read."""
    names: Dict[str, Any] = {
        key: value
        for key, value in (("case", case), ("activity", activity), ("timestamp", timestamp), ("channel", channel), ("persona", persona))
        if value is not None
    }
    chosen = []
    for kind, column in metrics.items():
        if column is None:
            continue
        scale: Dict[str, Any] = {"higher_is_easier": kind == "ces" and ces_higher_is_easier}
        if scales is not None and kind in scales:
            lo, hi = scales[kind]
            scale.update(min=_number(lo), max=_number(hi))
        chosen.append({"kind": kind, "column": column, "scale": scale})
    names["metrics"] = chosen
    text = json.dumps(names)
    return text, NativeEventLog.columns(text)


def _stream(frame: Any, columns: List[str]) -> Tuple[Any, Optional[int]]:
    """An object with `__arrow_c_stream__` holding the needed columns, and its number of rows.
    pandas goes through pyarrow; polars and pyarrow export their own memory (zero-copy)."""
    module = type(frame).__module__.split(".")[0]
    rows = None
    try:
        rows = len(frame)
    except TypeError:
        pass
    if module == "pandas":
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            return frame, rows  # the native side reports the missing column (JM302)
        import pyarrow as pa

        return pa.Table.from_pandas(frame[columns], preserve_index=False), rows
    if module in ("polars", "pyarrow") and all(c in frame.columns for c in columns):
        return frame.select(columns), rows
    if hasattr(frame, "__arrow_c_stream__"):
        return frame, rows
    raise TypeError(
        f"expected a pandas or polars DataFrame, a pyarrow Table or an object with __arrow_c_stream__, got {type(frame).__name__}"
    )


def _progress(progress: Union[None, bool, Callable[[int], Any]], rows: Optional[int]) -> Tuple[Optional[Callable[[int], Any]], Any]:
    """The callback the reader calls with each slice's row count, and the bar to close."""
    if callable(progress):
        return progress, None
    if progress is False or (progress is None and (rows or 0) < PROGRESS_ROWS):
        return None, None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        if progress is True:
            raise ImportError("progress=True needs tqdm: pip install tqdm") from None
        return None, None
    bar = tqdm(total=rows, unit="rows", unit_scale=True, desc="journeymap")
    return bar.update, bar


def _mapping(activities: MappingLike) -> Dict[str, Any]:
    """Keyword arguments of the native calls for an activity mapping."""
    if activities is None:
        return {}
    if isinstance(activities, (str, os.PathLike)):
        return {"mapping_path": os.fspath(activities)}
    if hasattr(activities, "columns") and hasattr(activities, "to_dict"):
        cols = list(activities.columns)
        records = activities.to_dict("records") if "pandas" in type(activities).__module__ else activities.to_dicts()
        return {
            "mapping_rows": [
                (str(r["activity"]), (None if "channel" not in cols or r["channel"] is None else str(r["channel"])), str(r["touchpoint"]))
                for r in records
            ]
        }
    if isinstance(activities, Mapping):
        return {"mapping_rows": [(str(a), None, str(t)) for a, t in activities.items()]}
    rows = []
    for r in activities:
        r = tuple(r)
        if len(r) == 2:
            rows.append((str(r[0]), None, str(r[1])))
        elif len(r) == 3:
            rows.append((str(r[0]), None if r[1] is None else str(r[1]), str(r[2])))
        else:
            raise TypeError("mapping rows are (activity, touchpoint) or (activity, channel, touchpoint)")
    return {"mapping_rows": rows}


class EventStats:
    """Statistics of an event log. Tables are pandas DataFrames; `to_dict()` is the JSON form
    (`journeymap events stats --format json`)."""

    def __init__(self, text: str) -> None:
        self._data: Dict[str, Any] = json.loads(text)
        d = self._data
        self.cases: int = d["cases"]
        self.events: int = d["events"]
        self.first_event: Optional[str] = d["first_event"]
        self.last_event: Optional[str] = d["last_event"]
        self.variant_count: int = d["variant_count"]

    @property
    def activities(self) -> "pd.DataFrame":
        """activity, events, cases, start, end, drop_off."""
        return _frame(self._data["activities"], ["activity", "events", "cases", "start", "end", "drop_off"])

    @property
    def transitions(self) -> "pd.DataFrame":
        """from, to (None for the end of a case), count, probability."""
        return _frame(self._data["transitions"], ["from", "to", "count", "probability"])

    @property
    def variants(self) -> "pd.DataFrame":
        """activities (list), cases, share; most frequent first."""
        return _frame(self._data["variants"], ["activities", "cases", "share"])

    @property
    def metrics(self) -> "pd.DataFrame":
        """activity, metric, n, mean, top2box (CSAT), nps (NPS), distribution, scale."""
        return _frame(self._data["metrics"], ["activity", "metric", "n", "mean", "top2box", "nps", "distribution", "scale"])

    @property
    def personas(self) -> "pd.DataFrame":
        """persona, cases, share."""
        return _frame(self._data["personas"], ["persona", "cases", "share"])

    @property
    def rejected(self) -> "pd.DataFrame":
        """row, code, reason of every rejected row (JM300)."""
        return _frame(self._data["rejected"], ["row", "code", "reason"])

    @property
    def warnings(self) -> "pd.DataFrame":
        """row, code, reason of ignored survey values (JM301) and persona conflicts (JM303)."""
        return _frame(self._data["warnings"], ["row", "code", "reason"])

    def to_dict(self) -> Dict[str, Any]:
        return self._data

    def __repr__(self) -> str:
        return f"EventStats(cases={self.cases}, events={self.events}, activities={len(self._data['activities'])}, variants={self.variant_count}, rejected={len(self._data['rejected'])})"


class Conformance:
    """Planned versus actual (docs/scoring.md §15): log fitness, per-case results, per-touchpoint
    deviation rates and the most common deviating variants."""

    def __init__(self, text: str) -> None:
        self._data: Dict[str, Any] = json.loads(text)
        d = self._data
        self.fitness: float = d["fitness"]
        self.mean_case_fitness: float = d["mean_case_fitness"]
        self.conforming_cases: int = d["conforming_cases"]
        self.deviations: Dict[str, int] = d["deviations"]
        self.ad_hoc_steps: int = d["ad_hoc_steps"]

    @property
    def cases(self) -> "pd.DataFrame":
        """case, persona, steps, outcome, fitness, completed, missing, failing, ad_hoc,
        deviations (lists)."""
        return _frame(
            self._data["case_results"],
            ["case", "persona", "steps", "outcome", "fitness", "completed", "missing", "failing", "ad_hoc", "deviations"],
        )

    @property
    def touchpoints(self) -> "pd.DataFrame":
        """touchpoint, cases, completed, missing, failing, arrivals, deviating_arrivals, by_kind,
        missing_rate, failing_rate, deviation_rate."""
        return _frame(
            self._data["touchpoints"],
            ["touchpoint", "cases", "completed", "missing", "failing", "arrivals", "deviating_arrivals", "by_kind", "missing_rate", "failing_rate", "deviation_rate"],
        )

    @property
    def variants(self) -> "pd.DataFrame":
        """steps (list), cases, fitness, deviations (list of kinds); most common first."""
        return _frame(self._data["variants"], ["steps", "cases", "fitness", "deviations"])

    @property
    def unmapped(self) -> "pd.DataFrame":
        """activity, events, cases of activities without a touchpoint (JM330)."""
        return _frame(self._data["unmapped"], ["activity", "events", "cases"])

    def to_dict(self) -> Dict[str, Any]:
        return self._data

    def __repr__(self) -> str:
        return f"Conformance(cases={self._data['cases']}, fitness={self.fitness:.4f}, conforming={self.conforming_cases})"


class Aggregate:
    """A mergeable partial aggregate of an event log: build one per partition (each partition
    holding whole cases), `merge` them (a case found in two partials raises EventLogError JM310),
    then ask for statistics, the observed map or a calibration. Picklable (as bytes)."""

    __slots__ = ("_native",)

    def __init__(self, native: NativeAggregate) -> None:
        self._native = native

    @classmethod
    def from_bytes(cls, data: bytes) -> "Aggregate":
        return cls(NativeAggregate.from_bytes(data))

    def to_bytes(self) -> bytes:
        return self._native.to_bytes()

    def __reduce__(self) -> Tuple[Any, Tuple[bytes]]:
        return (Aggregate.from_bytes, (self.to_bytes(),))

    def merge(self, other: "Aggregate") -> "Aggregate":
        """A new aggregate: this one and `other` (which must hold other cases)."""
        if not isinstance(other, Aggregate):
            raise TypeError(f"merge() takes an Aggregate, got {type(other).__name__}")
        return Aggregate(self._native.merge(other._native))

    __add__ = merge

    @staticmethod
    def merge_all(parts: Iterable["Aggregate"]) -> "Aggregate":
        """The merge of every partial (at least one)."""
        it = iter(parts)
        try:
            out = next(it)
        except StopIteration:
            raise ValueError("merge_all() needs at least one aggregate") from None
        for p in it:
            out = out.merge(p)
        return out

    @property
    def cases(self) -> int:
        return self._native.cases

    @property
    def events(self) -> int:
        return self._native.events

    @property
    def variant_count(self) -> int:
        return self._native.variant_count

    def stats(self, outcomes: Sequence[str] = (), top: Optional[int] = DEFAULT_TOP_VARIANTS) -> EventStats:
        """Statistics; `outcomes` are activities after which a case has not dropped off; `top`
        variants are listed (None: all)."""
        return EventStats(self._native.stats_json(list(outcomes), top))

    def discover(
        self,
        success: Sequence[str] = (),
        failure: Sequence[str] = (),
        by_channel: bool = False,
        id: Optional[str] = None,
        title: Optional[str] = None,
        report: bool = False,
    ) -> Any:
        """The observed map (a JourneyMap); with `report=True`, `(map, report dict)`."""
        m, text = self._native.discover(list(success), list(failure), by_channel, id, title)
        return (m, json.loads(text)) if report else m

    def calibrate(self, map: JourneyMap, activities: MappingLike, report: bool = False) -> Any:
        """`map` with the observed figures written in; with `report=True`, `(map, report dict)`."""
        m, text = self._native.calibrate(map, **_mapping(activities))
        return (m, json.loads(text)) if report else m

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Aggregate) and self.to_bytes() == other.to_bytes()

    def __hash__(self) -> int:
        return hash(self.to_bytes())

    def __repr__(self) -> str:
        return f"Aggregate(cases={self.cases}, events={self.events}, variants={self.variant_count})"


class EventLog:
    """An event log: one row per customer interaction (case, activity, timestamp; optionally
    channel, persona and survey answers). Read with `EventLog.from_frame` or `EventLog.from_csv`."""

    __slots__ = ("_native", "_has_channel")

    def __init__(self, native: NativeEventLog, has_channel: bool) -> None:
        self._native = native
        self._has_channel = has_channel

    @classmethod
    def from_frame(
        cls,
        frame: Any,
        case: Optional[str] = None,
        activity: Optional[str] = None,
        timestamp: Optional[str] = None,
        channel: Optional[str] = None,
        persona: Optional[str] = None,
        *,
        emotion: Optional[str] = None,
        ces: Optional[str] = None,
        csat: Optional[str] = None,
        nps: Optional[str] = None,
        scales: Optional[Mapping[str, Tuple[float, float]]] = None,
        ces_higher_is_easier: bool = False,
        progress: Union[None, bool, Callable[[int], Any]] = None,
        row_offset: int = 0,
    ) -> "EventLog":
        """Reads a pandas or polars DataFrame or a pyarrow Table through the Arrow C stream
        interface. Timestamps may be datetimes, dates, epoch seconds or milliseconds (numbers) or
        ISO 8601 text; rows are numbered from `row_offset` (0 by default: give a partition the
        number of rows before it, so that merged aggregates report the rows of the whole log).
        `progress`: a bar (tqdm) for True, none for False, automatic from 5 million rows for
        None, or a callable given each slice's rows. `case`, `activity`, `timestamp`: None for the
        core's defaults (`case_id`, `activity`, `timestamp`); survey scales: the metric's default
        scale unless given in `scales`."""
        offset = _row_offset(row_offset)
        names, columns = _names(case, activity, timestamp, channel, persona, {"emotion": emotion, "ces": ces, "csat": csat, "nps": nps}, scales, ces_higher_is_easier)
        stream, rows = _stream(frame, columns)
        callback, bar = _progress(progress, rows)
        try:
            native = NativeEventLog.from_stream(stream, names, callback, row_offset=offset)
        finally:
            if bar is not None:
                bar.close()
        return cls(native, channel is not None)

    @classmethod
    def from_csv(
        cls,
        path: Union[str, "os.PathLike[str]"],
        case: Optional[str] = None,
        activity: Optional[str] = None,
        timestamp: Optional[str] = None,
        channel: Optional[str] = None,
        persona: Optional[str] = None,
        *,
        emotion: Optional[str] = None,
        ces: Optional[str] = None,
        csat: Optional[str] = None,
        nps: Optional[str] = None,
        scales: Optional[Mapping[str, Tuple[float, float]]] = None,
        ces_higher_is_easier: bool = False,
        row_offset: int = 0,
    ) -> "EventLog":
        """Reads a CSV file with a header row; rows are numbered by line (the header is line 1),
        plus `row_offset`. Columns and scales as in `from_frame`."""
        offset = _row_offset(row_offset)
        names, _ = _names(case, activity, timestamp, channel, persona, {"emotion": emotion, "ces": ces, "csat": csat, "nps": nps}, scales, ces_higher_is_easier)
        return cls(NativeEventLog.from_csv(os.fspath(path), names, row_offset=offset), channel is not None)

    @property
    def cases(self) -> int:
        return self._native.cases

    @property
    def events(self) -> int:
        return self._native.events

    @property
    def rejected(self) -> "pd.DataFrame":
        """row, code, reason of every rejected row (JM300)."""
        issues = [i for i in json.loads(self._native.issues_json()) if i["code"] == "JM300"]
        return _frame(issues, ["row", "code", "reason"])

    def aggregate(self) -> Aggregate:
        """The mergeable, picklable partial aggregate of this log."""
        return Aggregate(self._native.aggregate())

    def stats(self, outcomes: Sequence[str] = (), top: Optional[int] = DEFAULT_TOP_VARIANTS) -> EventStats:
        """Directly-follows counts, probabilities, per-activity figures, variants, survey answers."""
        return self.aggregate().stats(outcomes, top)

    def discover(
        self,
        success: Sequence[str] = (),
        failure: Sequence[str] = (),
        by_channel: Optional[bool] = None,
        id: Optional[str] = None,
        title: Optional[str] = None,
        report: bool = False,
    ) -> Any:
        """The observed map (a JourneyMap): a touchpoint per activity (per activity × channel when
        the log was read with a channel column, unless `by_channel=False`); `success` and
        `failure` activities end a case at their first occurrence. Scoring it gives the observed
        conversion and each touchpoint's removal effect."""
        if by_channel is None:
            by_channel = self._has_channel
        return self.aggregate().discover(success, failure, by_channel, id, title, report)

    def calibrate(self, map: JourneyMap, activities: MappingLike, report: bool = False) -> Any:
        """`map` with the observed figures of this log written in (see `Aggregate.calibrate`)."""
        return self.aggregate().calibrate(map, activities, report)

    def conformance(self, map: JourneyMap, activities: MappingLike = None, top: Optional[int] = None, cases: Optional[bool] = None) -> Conformance:
        """Each case against `map`; without `activities`, an activity names a touchpoint or
        outcome by id. `top` deviating variants are listed and every case unless `cases` is
        False (None for the core's defaults: 10 variants, every case)."""
        return Conformance(self._native.conformance_json(map, top=top, include_cases=cases, **_mapping(activities)))

    def __repr__(self) -> str:
        return f"EventLog(cases={self.cases}, events={self.events})"
