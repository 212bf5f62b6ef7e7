"""Directly-follows aggregation and removal effects: journeymap against its peers, on the same
in-memory data, in the same run (docs/benchmarks.md, "Event logs").

    bench/.venv-peers/bin/python bench/events_bench.py bench/data/events-1000000.parquet [--repeat 3] [--skip pm4py,...]

Peers: pm4py `discover_dfg`, retentioneering's transition graph, DuckDB SQL (LEAD over each case
ordered by time, then GROUP BY the pair); removal effects: marketing-attribution-models' exact
Markov and ChannelAttribution's `markov_model`. A peer that is not installed is reported as such.
Every count is checked against journeymap's (they must agree exactly). Prints a JSON summary.
"""

from __future__ import annotations

import argparse
import json
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


def duckdb_dfg(table: Any) -> Dict[tuple, int]:
    import duckdb

    rows = duckdb.sql(
        "SELECT activity, nxt, count(*) FROM (SELECT activity, lead(activity) OVER (PARTITION BY case_id ORDER BY ts) AS nxt FROM table) WHERE nxt IS NOT NULL GROUP BY ALL"
    ).fetchall()
    return {(a, b): int(c) for a, b, c in rows}


def retentioneering_dfg(df: pd.DataFrame) -> Dict[tuple, int]:
    import retentioneering as rete  # noqa: F401

    from retentioneering.eventstream import Eventstream  # type: ignore

    stream = Eventstream(df, raw_data_schema={"user_id": "case_id", "event_name": "activity", "event_timestamp": "ts"}, add_start_end_events=False)
    edges = stream.transition_matrix(norm_type=None)  # counts of consecutive pairs per user
    out = {}
    for a in edges.index:
        for b in edges.columns:
            v = int(edges.loc[a, b])
            if v:
                out[(a, b)] = v
    return out


def removal_effects(df: pd.DataFrame, repeat: int, skip: set) -> Dict[str, Any]:
    """Paths of activities before the first purchase; conversion = reached purchase."""
    ordered = df.sort_values(["case_id", "ts"], kind="stable")
    first_buy = ordered.groupby("case_id")["activity"].transform(lambda s: (s == "purchase").cumsum())
    before = ordered[(first_buy == 0) | ((first_buy == 1) & (ordered["activity"] == "purchase"))]
    paths = before[before["activity"] != "purchase"].groupby("case_id")["activity"].agg(" > ".join)
    converted = before.groupby("case_id")["activity"].agg(lambda s: (s == "purchase").any())
    table = pd.DataFrame({"path": paths, "conv": converted.reindex(paths.index).astype(int)})
    table["null"] = 1 - table["conv"]
    grouped = table.groupby("path", as_index=False)[["conv", "null"]].sum()
    out: Dict[str, Any] = {"paths": int(len(table)), "distinct_paths": int(len(grouped)), "conversions": int(table["conv"].sum())}

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
        theirs = dict(zip(re["channel_name"], re["removal_effects_conversion"]))
        diff = max(abs(theirs[k] - ours[k]) for k in theirs if k in ours)
        out["ChannelAttribution"] = {"seconds": t, "max_abs_difference": diff}
    except Exception as e:  # noqa: BLE001 - reported as is
        out["ChannelAttribution"] = {"error": f"{type(e).__name__}: {e}"}
    if "mam" not in skip:
        try:
            from marketing_attribution_models import MAM  # type: ignore

            frame = before.rename(columns={"activity": "channel"})
            frame = frame[frame["channel"] != "purchase"].copy()
            frame["conv"] = frame["case_id"].map(converted)

            def mam() -> Any:
                model = MAM(frame, group_channels=True, channels_colname="channel", journey_with_conv_colname="conv", group_channels_by_id_list=["case_id"], group_timestamp_colname="ts")
                return model.attribution_markov(transition_to_same_state=True)

            t, res = best(mam, 1)
            out["marketing-attribution-models"] = {"seconds": t, "result_head": str(res)[:400]}
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
