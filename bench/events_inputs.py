"""journeymap's directly-follows aggregation from each kind of DataFrame input (pyarrow Table with
text or dictionary-encoded activities, polars), best of N runs (docs/benchmarks.md, "Event logs").

    .venv/bin/python bench/events_inputs.py bench/data/events-1000000.parquet 5
"""

import sys
import time

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import journeymap

table = pq.read_table(sys.argv[1])
table = table.append_column("ts", pc.cast(table["timestamp"], pa.timestamp("ms"))).drop(["timestamp"])
inputs = {
    "pyarrow": table,
    "pyarrow, dictionary activity": table.set_column(1, "activity", table.column("activity").dictionary_encode()),
    "polars": pl.from_arrow(table),
}
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
for name, frame in inputs.items():
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        journeymap.EventLog.from_frame(frame, timestamp="ts", progress=False).stats(top=0)
        best = min(best, time.perf_counter() - start)
    print(f"{name}: {best:.3f} s, {table.num_rows / best / 1e6:.1f} M events/s")
