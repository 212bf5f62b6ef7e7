"""Realistic synthetic event logs for the event-log benchmarks (bench/events_bench.py,
docs/benchmarks.md).

    python bench/events_generate.py EVENTS [--activities 30] [--out bench/data]

writes `events-<N>.parquet` (case_id, activity, timestamp in epoch milliseconds, channel) and
`events-<N>.csv`. The journey: activities spread over 6 stages; each case starts in the first
stages, moves mostly forward (next activities of the same or next stage), sometimes loops back
(10%) or repeats itself (5%), may switch channel (12% per step, from a preferred channel), drops
off at every step with a stage-dependent probability, and converts with `purchase` in the last
stage. Cases are interleaved in time, as in a real log. Deterministic for a given seed.
About 7 events per case once cut: 1,000,000 events are ~140,000 cases.
"""

from __future__ import annotations

import argparse
import pathlib

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

CHANNELS = np.array(["web", "app", "email", "store", "phone", "chat"])


def transition_matrix(n: int, stages: int, rng: np.random.Generator) -> np.ndarray:
    """Row-stochastic moves between activities (the last column is drop-off)."""
    stage = np.arange(n) * stages // n
    p = np.zeros((n, n + 1))
    for a in range(n):
        forward = np.where((stage == stage[a]) | (stage == stage[a] + 1))[0]
        forward = forward[forward != a]
        back = np.where(stage < stage[a])[0]
        if len(forward):
            w = rng.uniform(0.5, 1.5, len(forward))
            p[a, forward] = 0.78 * w / w.sum()
        if len(back):
            p[a, back] = 0.10 / len(back)
        p[a, a] = 0.05
        p[a, n] = 0.04 + 0.03 * stage[a]  # drop-off grows along the journey
        p[a] /= p[a].sum()
    return p


def generate(events: int, activities: int = 30, seed: int = 42) -> pa.Table:
    rng = np.random.default_rng(seed)
    names = np.array([f"act_{i:02d}" for i in range(activities - 1)] + ["purchase"])
    p = transition_matrix(activities, 6, rng)
    cum = np.cumsum(p, axis=1)
    cases = max(events // 7, 1)  # about 9 events per case; the log is cut at `events`
    case_out, act_out, time_out, chan_out = [], [], [], []
    current = rng.integers(0, max(activities // 6, 1) * 2, cases)
    alive = np.arange(cases)
    start = rng.integers(1_767_225_600_000, 1_769_904_000_000, cases)  # January 2026, ms
    clock = start.copy()
    preferred = rng.integers(0, len(CHANNELS), cases)
    channel = preferred.copy()
    total = 0
    while total < events and len(alive):
        case_out.append(alive)
        act_out.append(current)
        time_out.append(clock[alive])
        chan_out.append(channel[alive])
        total += len(alive)
        # Next step: cumulative probabilities row by row.
        u = rng.random(len(alive))
        nxt = (u[:, None] > cum[current]).sum(axis=1)
        done = (nxt >= activities) | (current == activities - 1)
        clock[alive] += rng.exponential(90_000, len(alive)).astype(np.int64) + 1000
        switch = rng.random(len(alive)) < 0.12
        channel[alive[switch]] = rng.integers(0, len(CHANNELS), switch.sum())
        back = rng.random(len(alive)) < 0.3
        channel[alive[back]] = preferred[alive[back]]
        alive, current = alive[~done], nxt[~done]
    case = np.concatenate(case_out)[:events]
    order = np.argsort(np.concatenate(time_out)[:events], kind="stable")  # interleaved by time
    case = case[order]
    act = np.concatenate(act_out)[:events][order]
    ts = np.concatenate(time_out)[:events][order]
    ch = np.concatenate(chan_out)[:events][order]
    case_ids = pa.array(np.char.add("c", case.astype(str)))
    return pa.table({
        "case_id": case_ids,
        "activity": pa.array(names[act]),
        "timestamp": pa.array(ts, pa.int64()),
        "channel": pa.array(CHANNELS[ch]),
    })


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("events", type=int)
    ap.add_argument("--activities", type=int, default=30)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default=str(pathlib.Path(__file__).parent / "data"))
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    table = generate(a.events, a.activities, a.seed)
    stem = f"events-{a.events}" + ("" if a.activities == 30 else f"-a{a.activities}")
    pq.write_table(table, out / f"{stem}.parquet")
    pacsv.write_csv(table, out / f"{stem}.csv")
    print(f"{out / stem}.{{parquet,csv}}: {table.num_rows} events, {len(set(table['case_id'].to_pylist())) if table.num_rows < 2_000_000 else 'many'} cases")


if __name__ == "__main__":
    main()
