"""Python binding speed: score_paths throughput against a pure-Python loop doing the same
computation, and the per-call overhead of score() on a small map.

    scripts/test-python.sh            # builds and installs the wheel into .venv
    .venv/bin/python bench/python_paths.py
"""

import json
import math
import pathlib
import random
import time

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[1]


def random_paths(m, count, seed=7):
    rng = random.Random(seed)
    moves = {}
    for t in m.transitions:
        if t["to"] in ids:
            moves.setdefault(t["from"], []).append(t["to"])
    starts = sorted(moves)
    out = []
    for _ in range(count):
        at = rng.choice(starts)
        path = [at]
        for _ in range(rng.randint(9, 19)):
            nxt = moves.get(at)
            if not nxt:
                break
            at = rng.choice(nxt)
            path.append(at)
        out.append(path)
    return out


def python_score_paths(m, paths, persona):
    """The same per-path computation as journeymap's PathScorer, in plain Python."""
    d = m.to_dict()
    scales = d.get("scales", {})
    emin, emax = scales.get("emotion", {}).get("min", -2), scales.get("emotion", {}).get("max", 2)
    eff = scales.get("effort", {"min": 1, "max": 7})
    order = {s["id"]: i for i, s in enumerate(sorted(d["stages"], key=lambda s: s.get("order", 1 << 62)))}
    info = {}
    for t in d["touchpoints"]:
        if t.get("personas") and persona not in t["personas"]:
            continue
        meas = dict(t.get("measures", {}), **t.get("persona_measures", {}).get(persona, {}))
        e = meas.get("emotion")
        f = meas.get("effort")
        fn = None if f is None else (f - eff["min"]) / (eff["max"] - eff["min"])
        if fn is not None and eff.get("direction") == "higher_is_easier":
            fn = 1 - fn
        info[t["id"]] = (None if e is None else 2 * (e - emin) / (emax - emin) - 1, fn, meas.get("duration", 0.0), t["channel"], t.get("owner"), order.get(t["stage"]))
    moves = {(t["from"], t["to"]) for t in d["transitions"] if not t.get("personas") or persona in t["personas"]}
    cols = {k: [] for k in ("steps", "off_map", "unexpected_moves", "backtracks", "skipped_stages", "channel_switches", "effort_total", "peak_end")}
    for path in paths:
        off = unexpected = back = skipped = switches = 0
        effort = 0.0
        prev = None
        emotions = []
        for step in path:
            i = info.get(step)
            if i is None:
                off += 1
                continue
            if i[1] is not None:
                effort += i[1]
            if i[0] is not None:
                emotions.append(i[0])
            if prev is not None:
                p = info[prev]
                if (prev, step) not in moves:
                    unexpected += 1
                if p[3] != i[3]:
                    switches += 1
                if i[5] < p[5]:
                    back += 1
                elif i[5] > p[5] + 1:
                    skipped += i[5] - p[5] - 1
            prev = step
        peak_end = None
        if emotions:
            peak = max(emotions, key=lambda v: (abs(v), -v))
            peak_end = (peak + emotions[-1]) / 2
        for k, v in (("steps", len(path)), ("off_map", off), ("unexpected_moves", unexpected), ("backtracks", back),
                     ("skipped_stages", skipped), ("channel_switches", switches), ("effort_total", effort), ("peak_end", peak_end)):
            cols[k].append(v)
    return cols


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


m = journeymap.load(ROOT / "examples/retail-click-and-collect.json")
ids = {t["id"] for t in m.touchpoints}
persona = "digital-first"
paths = random_paths(m, 1_000_000)
steps = sum(map(len, paths))

rust_s = best(lambda: m.score_paths(paths, persona), repeat=2)
sample = paths[:100_000]
py_s = best(lambda: python_score_paths(m, sample, persona), repeat=2) * (len(paths) / len(sample))
check_rust = m.score_paths(sample[:2000], persona)
check_py = python_score_paths(m, sample[:2000], persona)
for k in ("off_map", "unexpected_moves", "backtracks", "skipped_stages", "channel_switches"):
    assert check_rust[k] == check_py[k], k
assert all((a is None and b is None) or math.isclose(a, b, abs_tol=1e-12) for a, b in zip(check_rust["peak_end"], check_py["peak_end"]))

small = journeymap.load(ROOT / "testdata/scoring/chain.json")
n = 20_000
score_json_us = best(lambda: [small.score_json() for _ in range(n)]) / n * 1e6
score_obj_us = best(lambda: [small.score() for _ in range(n)]) / n * 1e6
print(json.dumps({
    "paths": len(paths), "mean_steps": steps / len(paths),
    "score_paths_s": rust_s, "score_paths_per_s": len(paths) / rust_s,
    "pure_python_per_s": len(paths) / py_s, "speedup_vs_pure_python": py_s / rust_s,
    "chain_score_json_us": score_json_us, "chain_score_object_us": score_obj_us,
}, indent=2))
