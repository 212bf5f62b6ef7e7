"""Event logs from pandas, polars and pyarrow frames and CSV files: the shared hand-built vectors,
agreement with a plain pandas groupby, mergeable and picklable aggregates (also on a Dask
cluster of worker processes), discovery, calibration and conformance."""

import csv
import json
import pickle

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import journeymap
from journeymap import Aggregate, EventLog, EventLogError


@pytest.fixture
def events(root):
    return root / "testdata" / "events"


def basic_rows(events):
    with open(events / "basic.csv", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [r for r in rows[1:] if len(r) == 6]


def basic_frame(events):
    header, rows = basic_rows(events)
    frame = pd.DataFrame(rows, columns=header).replace({"": None})
    return frame


def without_rows(d):
    return {k: v for k, v in d.items() if k not in ("rejected", "warnings")}


def test_csv_stats_are_the_shared_vector(events):
    log = EventLog.from_csv(events / "basic.csv", persona="persona", csat="csat")
    expected = json.loads((events / "basic.stats.json").read_text())
    stats = log.stats(outcomes=["buy"])
    assert stats.to_dict() == expected
    assert (log.cases, log.events) == (5, 14)
    assert list(log.rejected["row"]) == [8, 12, 17, 19]
    t = stats.transitions
    assert list(t.columns) == ["from", "to", "count", "probability"]
    end = t[t["to"].isna()]
    assert dict(zip(end["from"], end["count"])) == {"buy": 3, "compare": 2}
    assert stats.activities.set_index("activity").loc["visit", "events"] == 6
    assert stats.metrics.set_index("activity").loc["buy", "top2box"] == 100.0


@pytest.mark.parametrize("kind", ["pandas", "polars", "pyarrow", "pandas-categorical"])
def test_every_frame_kind_reads_the_same_log(events, kind):
    expected = without_rows(json.loads((events / "basic.stats.json").read_text()))
    frame = basic_frame(events)
    if kind == "polars":
        frame = pl.from_pandas(frame)
    elif kind == "pyarrow":
        frame = pa.Table.from_pandas(frame, preserve_index=False)
    elif kind == "pandas-categorical":
        frame = frame.astype({"case_id": "category", "activity": "category", "persona": "category"})
    log = EventLog.from_frame(frame, case="case_id", activity="activity", timestamp="timestamp", persona="persona", csat="csat")
    stats = log.stats(outcomes=["buy"]).to_dict()
    assert without_rows(stats) == expected
    # Rows of a frame are numbered from 0: the missing case id, activity and timestamp.
    assert [r["row"] for r in stats["rejected"]] == [6, 10, 15]


def synthetic(n_cases=400, seed=7):
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_cases):
        t = 1_700_000_000 + int(rng.integers(0, 10_000))
        for _ in range(int(rng.integers(1, 12))):
            t += int(rng.integers(0, 3))  # ties happen: kept in input order
            rows.append((f"c{c}", f"a{int(rng.integers(0, 9))}", t))
    frame = pd.DataFrame(rows, columns=["case_id", "activity", "ts"])
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def test_directly_follows_counts_agree_with_a_plain_pandas_groupby():
    frame = synthetic()
    log = EventLog.from_frame(frame, timestamp="ts")
    stats = log.stats(top=None)
    # The same aggregate with pandas: order each case by time, ties in input order.
    ordered = frame.reset_index().sort_values(["case_id", "ts", "index"], kind="stable")
    ordered["next"] = ordered.groupby("case_id")["activity"].shift(-1)
    pairs = ordered.dropna(subset=["next"]).groupby(["activity", "next"]).size()
    ends = ordered.groupby("case_id")["activity"].last().value_counts()
    starts = ordered.groupby("case_id")["activity"].first().value_counts()
    got = stats.transitions
    moves = got[got["to"].notna()].set_index(["from", "to"])["count"]
    assert moves.sort_index().to_dict() == {k: int(v) for k, v in pairs.sort_index().items()}
    got_ends = got[got["to"].isna()].set_index("from")["count"].to_dict()
    assert got_ends == {k: int(v) for k, v in ends.items()}
    acts = stats.activities.set_index("activity")
    assert acts["events"].to_dict() == {k: int(v) for k, v in frame["activity"].value_counts().items()}
    assert acts["cases"].to_dict() == {k: int(v) for k, v in frame.groupby("activity")["case_id"].nunique().items()}
    assert {k: v for k, v in acts["start"].to_dict().items() if v} == {k: int(v) for k, v in starts.items()}
    # Out-normalized: every activity's moves (the end included) sum to 1.
    assert np.allclose(got.groupby("from")["probability"].sum(), 1.0)
    variants = ordered.groupby("case_id")["activity"].agg(tuple).value_counts()
    assert stats.variant_count == len(variants)
    top = stats.variants.iloc[0]
    assert top["cases"] == variants.max()


def test_timestamps_as_datetimes_epochs_and_text_agree():
    frame = synthetic(100)
    as_epoch = EventLog.from_frame(frame, timestamp="ts").stats(top=None).to_dict()
    frame["dt"] = pd.to_datetime(frame["ts"], unit="s", utc=True)
    frame["ms"] = frame["ts"] * 1000
    frame["iso"] = frame["dt"].dt.strftime("%Y-%m-%d %H:%M:%S")
    for column in ["dt", "ms", "iso"]:
        assert EventLog.from_frame(frame, timestamp=column).stats(top=None).to_dict() == as_epoch, column
    pl_frame = pl.from_pandas(frame[["case_id", "activity", "dt"]])
    assert EventLog.from_frame(pl_frame, timestamp="dt").stats(top=None).to_dict() == as_epoch


def test_integer_case_ids_and_missing_columns():
    frame = pd.DataFrame({"case_id": [1, 1, 2], "activity": ["a", "b", "a"], "timestamp": [1, 2, 3]})
    log = EventLog.from_frame(frame)
    assert (log.cases, log.events) == (2, 3)
    with pytest.raises(EventLogError) as e:
        EventLog.from_frame(frame, case="customer")
    assert e.value.code == "JM302"
    with pytest.raises(EventLogError) as e:
        EventLog.from_csv("does/not/exist.csv")
    assert e.value.code == "JM304"
    with pytest.raises(TypeError):
        EventLog.from_frame([1, 2, 3])


def test_progress_is_reported_per_slice():
    frame = synthetic(200)
    seen = []
    EventLog.from_frame(frame, timestamp="ts", progress=seen.append)
    assert sum(seen) == len(frame) and seen


def test_aggregates_merge_and_pickle():
    frame = synthetic(300)
    whole = EventLog.from_frame(frame, timestamp="ts").aggregate()
    ids = frame["case_id"].str[1:].astype(int)
    parts = [EventLog.from_frame(frame[ids % 3 == k], timestamp="ts").aggregate() for k in range(3)]
    merged = Aggregate.merge_all(parts)
    assert merged.stats(top=None).to_dict() == whole.stats(top=None).to_dict()
    restored = pickle.loads(pickle.dumps(merged))
    assert isinstance(restored, Aggregate) and restored == merged
    assert Aggregate.from_bytes(parts[0].to_bytes()) == parts[0]
    with pytest.raises(EventLogError) as e:
        parts[0].merge(parts[0])
    assert e.value.code == "JM310"
    with pytest.raises(EventLogError) as e:
        Aggregate.from_bytes(b"not a partial")
    assert e.value.code == "JM312"


def partial(part):
    """What each Dask worker runs on its partition: the partial aggregate, pickled back."""
    return EventLog.from_frame(part, timestamp="ts").aggregate()


def test_dask_cluster_of_worker_processes_gives_the_single_process_aggregate():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    import dask

    frame = synthetic(600).sort_values("case_id", kind="stable").set_index("case_id", drop=False)
    frame.index.name = None
    single = EventLog.from_frame(frame.reset_index(drop=True), timestamp="ts").aggregate()
    # A sorted index splits partitions between index values: each case lies in one partition.
    ddf = dd.from_pandas(frame, npartitions=4, sort=True)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            parts = dask.compute(*[dask.delayed(partial)(p) for p in ddf.to_delayed()])
    merged = Aggregate.merge_all(parts)
    assert merged.cases == single.cases and merged.events == single.events
    assert merged.stats(top=None).to_dict() == single.stats(top=None).to_dict()
    assert merged.discover().to_dict() == single.discover().to_dict()


def test_discovery_gives_a_scored_map(events):
    log = EventLog.from_csv(events / "basic.csv", persona="persona")
    m, report = log.discover(success=["buy"], report=True)
    assert isinstance(m, journeymap.JourneyMap)
    assert [p.id for p in m.personas] == ["julie", "marc", "unassigned"]
    assert report["cases_in_map"] == 5
    scores = m.score()
    assert abs(scores.overall["success_probability"] - 0.6) < 1e-12
    by_channel = EventLog.from_csv(events / "basic.csv", channel="channel").discover(success=["buy"])
    assert "visit@web" in [t.id for t in by_channel.touchpoints]


def shop(events):
    m = journeymap.load(events / "shop.map.json")
    log = EventLog.from_csv(events / "shop.csv", emotion="emotion")
    return m, log


@pytest.mark.parametrize("form", ["path", "dict", "frame"])
def test_calibration_writes_the_hand_computed_figures(events, form):
    m, log = shop(events)
    expected = json.loads((events / "shop.expected.json").read_text())["calibration"]
    mapping = events / "shop.activities.csv"
    if form == "dict":
        mapping = dict(csv.reader(open(mapping)))
        del mapping["activity"]
    elif form == "frame":
        mapping = pd.read_csv(mapping)
    calibrated, report = log.calibrate(m, mapping, report=True)
    d = calibrated.to_dict()
    assert d["transitions"] == expected["transitions"]
    assert d["entries"] == expected["entries"]
    assert report["unmapped"] == expected["unmapped"]
    assert d["extensions"] == m.to_dict()["extensions"] and d["x-owner"] == "cx-team"
    assert abs(calibrated.score().overall["success_probability"] - expected["conversion"]) < 1e-12
    change = journeymap.compare(m, calibrated)["conversion"]["change"]
    assert change > 0.2


def test_conformance_tables_match_the_hand_computed_answers(events):
    m, log = shop(events)
    expected = json.loads((events / "shop.expected.json").read_text())["conformance"]
    result = log.conformance(m, events / "shop.activities.csv")
    assert abs(result.fitness - expected["fitness"]) < 1e-15
    assert result.conforming_cases == 1 and result.ad_hoc_steps == 1
    assert result.deviations == expected["deviations"]
    cases = result.cases.set_index("case")
    for case, e in expected["case_results"].items():
        row = cases.loc[case]
        assert abs(row["fitness"] - e["fitness"]) < 1e-15
        for key in ["completed", "missing", "failing", "ad_hoc"]:
            assert list(row[key]) == e[key], (case, key)
        assert [d["kind"] for d in row["deviations"]] == e["kinds"]
    tps = result.touchpoints.set_index("touchpoint")
    for tp, e in expected["touchpoints"].items():
        for key, value in e.items():
            assert tps.loc[tp, key] == value, (tp, key)
    assert len(result.variants) == 6
    assert result.unmapped.to_dict("records") == expected["unmapped"]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_a_non_finite_scale_is_an_event_log_error(bad, events):
    frame = pd.DataFrame({"case_id": ["a"], "activity": ["x"], "timestamp": [1], "csat": [3.0]})
    for read in (
        lambda: EventLog.from_frame(frame, csat="csat", scales={"csat": (bad, 5.0)}),
        lambda: EventLog.from_csv(events / "basic.csv", csat="csat", scales={"csat": (1.0, bad)}),
    ):
        with pytest.raises(EventLogError) as e:
            read()
        assert e.value.code == "JM305"
        assert [d.code for d in e.value.diagnostics] == ["JM305"]
        assert "scale" in str(e.value)


def test_a_row_offset_numbers_the_rows_of_a_partition(events):
    frame = pd.DataFrame({"case_id": ["a", None, "b", "b"], "activity": ["x", "x", None, "y"], "timestamp": [1, 2, 3, 4]})
    whole = EventLog.from_frame(frame)
    assert whole.rejected["row"].tolist() == [1, 2]
    first = EventLog.from_frame(frame.iloc[:2]).aggregate()
    second = EventLog.from_frame(frame.iloc[2:], row_offset=2).aggregate()
    merged = first.merge(second)
    assert merged.stats().to_dict()["rejected"] == whole.stats().to_dict()["rejected"]
    assert merged == whole.aggregate()
    csv = EventLog.from_csv(events / "basic.csv", row_offset=100)
    assert csv.rejected["row"].tolist() == [r + 100 for r in EventLog.from_csv(events / "basic.csv").rejected["row"]]
    with pytest.raises(ValueError):
        EventLog.from_frame(frame, row_offset=-1)
