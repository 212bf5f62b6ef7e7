"""Directly-follows aggregation and removal effects: journeymap against its peers, on the same
in-memory data, in the same run (docs/benchmarks.md, "Event logs").

    bench/.venv-peers/bin/python bench/events_bench.py bench/data/events-1000000.parquet [--repeat 3] [--skip pm4py,...]

Peers: pm4py `discover_dfg`, retentioneering's transition graph data (counts), DuckDB SQL (LEAD
over each case ordered by time, then GROUP BY the pair); removal effects: marketing-attribution-
models' Markov model (`mam.MAM.run_markov`) and ChannelAttribution's `markov_model`, each compared
with journeymap's (largest absolute difference). `bench/setup-peers.sh` installs the peers. A peer that is not installed is reported as such.
Every count is checked against journeymap's (they must agree exactly). Prints a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any, Callable, Dict

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

import journeymap


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def jm_dfg(frame: Any) -> Dict[tuple, int]:
    stats = journeymap.EventLog.from_frame(frame, timestamp="ts", progress=False).stats(top=0)
    return {(t["from"], t["to"]): t["count"] for t in stats.to_dict()["transitions"] if t["to"] is not None}


def pm4py_dfg(df: pd.DataFrame) -> Dict[tuple, int]:
    import pm4py

    dfg, _, _ = pm4py.discover_dfg(df, case_id_key="case_id", activity_key="activity", timestamp_key="ts")
    return {k: int(v) for k, v in dfg.items()}


def duckdb_dfg(events: Any) -> Dict[tuple, int]:
    """`events` is found by DuckDB's replacement scan (a local pyarrow Table or pandas frame)."""
    import duckdb

    rows = duckdb.sql(
        "SELECT activity, nxt, count(*) FROM (SELECT activity, lead(activity) OVER (PARTITION BY case_id ORDER BY ts) AS nxt FROM events) WHERE nxt IS NOT NULL GROUP BY ALL"
    ).fetchall()
    return {(a, b): int(c) for a, b, c in rows}


def retentioneering_dfg(df: pd.DataFrame) -> Dict[tuple, int]:
    """retentioneering 5: the transition graph's data with `edge_weight="count"` (an events x
    events matrix with the synthetic path start and end, left out here)."""
    os.environ.setdefault("RETENTIONEERING_NO_TRACK", "1")  # no usage reports from the benchmark
    from retentioneering.eventstream import Eventstream  # type: ignore
    from retentioneering.eventstream.event_type import EventTypes  # type: ignore

    stream = Eventstream(df[["case_id", "activity", "ts"]], schema={"path_cols": ["case_id"], "event_col": "activity", "timestamp_col": "ts"})
    matrix = stream.transition_graph_data(edge_weight="count")
    types = EventTypes()
    synthetic = {types.PATH_START.name, types.PATH_END.name}
    out = {}
    for a in matrix.index:
        for b in matrix.columns:
            v = int(matrix.loc[a, b])
            if v and a not in synthetic and b not in synthetic:
                out[(str(a), str(b))] = v
    return out


def removal_effects(df: pd.DataFrame, repeat: int, skip: set) -> Dict[str, Any]:
    """Paths of activities before the first purchase; conversion = reached purchase."""
    ordered = df.sort_values(["case_id", "ts"], kind="stable")
    is_buy = ordered["activity"] == "purchase"
    first_buy = is_buy.groupby(ordered["case_id"]).cumsum()
    before = ordered[(first_buy == 0) | ((first_buy == 1) & is_buy)]
    paths = before[before["activity"] != "purchase"].groupby("case_id")["activity"].agg(" > ".join)
    converted = (before["activity"] == "purchase").groupby(before["case_id"]).any()
    journeys = pd.DataFrame({"path": paths, "conv": converted.reindex(paths.index).astype(int)})
    journeys["null"] = 1 - journeys["conv"]
    grouped = journeys.groupby("path", as_index=False)[["conv", "null"]].sum()
    out: Dict[str, Any] = {"paths": int(len(journeys)), "distinct_paths": int(len(grouped)), "conversions": int(journeys["conv"].sum())}

    def jm() -> Dict[str, float]:
        log = journeymap.EventLog.from_frame(df, timestamp="ts", progress=False)
        m = log.discover(success=["purchase"])
        scores = json.loads(m.score_json())
        return {t["touchpoint"]: t["removal_effect"] for t in scores["overall"]["touchpoints"]}

    t, ours = best(jm, repeat)
    out["journeymap"] = {"seconds": t}
    try:
        from ChannelAttribution import markov_model  # type: ignore

        t, res = best(lambda: markov_model(grouped, "path", "conv", var_null="null", order=1, out_more=True, verbose=0), 1)
        re = res["removal_effects"]
        column = "removal_effect" if "removal_effect" in re.columns else "removal_effects_conversion"  # 2.2 / older
        theirs = dict(zip(re["channel_name"], re[column]))
        diff = max(abs(theirs[k] - ours[k]) for k in theirs if k in ours)
        out["ChannelAttribution"] = {"seconds": t, "max_abs_difference": diff}
    except Exception as e:  # noqa: BLE001 - reported as is
        out["ChannelAttribution"] = {"error": f"{type(e).__name__}: {e}"}
    if "mam" not in skip:
        try:
            from mam import MAM  # type: ignore  # marketing-attribution-models 2.x

            counts = journeys.groupby(["path", "conv"], as_index=False).size().rename(columns={"size": "n"})
            counts["conv"] = counts["conv"].astype(bool)

            def mam() -> Any:
                model = MAM(counts, format_type="grouped_journey", channels_colname="path", journey_with_conv_colname="conv", occurrences_colname="n", path_separator=" > ")
                return model.run_markov(transition_to_same_state=True)

            t, res = best(mam, 1)
            effects = res.metadata["removal_effect"]["removal_effect"]  # 1 - conversion without / with
            theirs = {str(k): float(v) for k, v in effects.items()}
            common = [k for k in theirs if k in ours]
            diff = max(abs(theirs[k] - ours[k]) for k in common)
            out["marketing-attribution-models"] = {"seconds": t, "max_abs_difference": diff, "touchpoints_compared": len(common)}
        except Exception as e:  # noqa: BLE001
            out["marketing-attribution-models"] = {"error": f"{type(e).__name__}: {e}"}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("parquet")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip", default="")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    table = pq.read_table(a.parquet)
    table = table.append_column("ts", pa.compute.cast(table["timestamp"], pa.timestamp("ms"))).drop(["timestamp"])
    df = table.to_pandas()  # object strings, datetime64[ms]: what most notebooks hold
    pol = pl.from_arrow(table)
    n = table.num_rows
    result: Dict[str, Any] = {"events": n, "cases": int(df["case_id"].nunique()), "activities": int(df["activity"].nunique())}
    t, ref = best(lambda: jm_dfg(table), a.repeat)
    result["journeymap (pyarrow Table)"] = t
    t, got = best(lambda: jm_dfg(pol), a.repeat)
    assert got == ref
    result["journeymap (polars)"] = t
    t, got = best(lambda: jm_dfg(df), a.repeat)
    assert got == ref
    result["journeymap (pandas)"] = t
    peers = {
        "duckdb (pyarrow Table)": lambda: duckdb_dfg(table),
        "duckdb (pandas)": lambda: duckdb_dfg(df),
        "pm4py": lambda: pm4py_dfg(df),
        "retentioneering": lambda: retentioneering_dfg(df),
    }
    for name, fn in peers.items():
        if name.split(" ")[0] in skip:
            continue
        try:
            t, got = best(fn, a.repeat if "duckdb" in name else 1)
            result[name] = t
            result[name + " agrees"] = got == ref
        except Exception as e:  # noqa: BLE001 - a peer that cannot run is reported
            result[name] = f"{type(e).__name__}: {e}"
    if "removal" not in skip:
        result["removal effects"] = removal_effects(df, 1, skip)
    print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    sys.exit(main())
