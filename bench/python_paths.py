"""Python binding speed: `score_paths` on 1,000,000 observed paths against a pure-Python loop
computing the same 18 columns, and the cost of one small `score()` / `score_json()` call.

    scripts/test-python.sh            # builds and installs the wheel into .venv
    .venv/bin/python bench/python_paths.py

`python_score_paths` is a plain-Python port of the core's `PathScorer` (core/src/score/path.rs);
the script checks that it gives exactly the columns of `score_paths` on a sample before timing,
and the Python test suite runs the same check.
"""

import json
import math
import pathlib
import random
import sys
import time

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[1]
COLUMNS = (
    "steps", "on_map", "off_map", "unexpected_moves", "backtracks", "skipped_stages", "channel_switches", "handoffs",
    "effort_total", "effort_mean", "duration_total", "emotion_mean", "peak", "best", "worst", "end", "peak_end",
    "volatility",
)


def random_paths(m, count, seed=7):
    """Random walks of 10-20 steps along the map's moves (a walk stops at an outcome)."""
    rng = random.Random(seed)
    touchpoints = {t.id for t in m.touchpoints}
    moves = {}
    for t in m.transitions:
        if t.to in touchpoints:
            moves.setdefault(t.from_, []).append(t.to)
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


def _finite(v):
    return v is not None and math.isfinite(v)


def prepare(m, persona):
    """Per touchpoint id: (emotion -1..1 or None, effort 0..1 or None, duration, channel, owner,
    stage rank or None); and the set of moves. The same normalization as the core."""
    d = m.data
    scales = d.scales
    emotion = scales.emotion if scales else None
    emin, emax = (emotion.min, emotion.max) if emotion else (-2.0, 2.0)
    effort = scales.effort if scales else None
    fmin, fmax = (effort.min, effort.max) if effort else (1.0, 7.0)
    easier = effort is not None and effort.direction == "higher_is_easier"
    ranked = sorted(enumerate(d.stages), key=lambda x: (x[1].order if x[1].order is not None else 2**63 - 1, x[0]))
    rank = {s.id: i for i, (_, s) in enumerate(ranked)}
    info = {}
    for t in d.touchpoints:
        if t.personas and persona not in t.personas:
            continue
        if t.id in info:
            continue
        base = t.measures
        over = t.persona_measures.get(persona) if t.persona_measures else None

        def measure(name, base=base, over=over):
            v = getattr(over, name) if over is not None else None
            return v if v is not None else (getattr(base, name) if base is not None else None)

        e, f, dur = measure("emotion"), measure("effort"), measure("duration")
        e_n = min(max(2.0 * ((e - emin) / (emax - emin)) - 1.0, -1.0), 1.0) if _finite(e) else None
        f_n = None
        if _finite(f):
            u = (f - fmin) / (fmax - fmin)
            f_n = min(max(1.0 - u if easier else u, 0.0), 1.0)
        info[t.id] = (e_n, f_n, dur if _finite(dur) else 0.0, t.channel, t.owner, rank.get(t.stage))
    moves = {
        (t.from_, t.to)
        for t in d.transitions
        if (not t.personas or persona in t.personas) and t.from_ in info and t.to in info
    }
    return info, moves


def python_score_paths(m, paths, persona):
    """The columns of `m.score_paths(paths, persona)`, computed in plain Python."""
    info, moves = prepare(m, persona)
    cols = {k: [] for k in COLUMNS}
    for path in paths:
        on = off = unexpected = back = skipped = switches = handoffs = efforts = 0
        effort = duration = 0.0
        prev = None
        emotions = []
        for step in path:
            i = info.get(step)
            if i is None:
                off += 1
                continue
            on += 1
            duration += i[2]
            if i[1] is not None:
                effort += i[1]
                efforts += 1
            if i[0] is not None:
                emotions.append(i[0])
            if prev is not None:
                p = info[prev]
                if (prev, step) not in moves:
                    unexpected += 1
                if p[3] != i[3]:
                    switches += 1
                if p[4] is not None and i[4] is not None and p[4] != i[4]:
                    handoffs += 1
                if p[5] is not None and i[5] is not None:
                    if i[5] < p[5]:
                        back += 1
                    elif i[5] > p[5] + 1:
                        skipped += i[5] - p[5] - 1
            prev = step
        stats = [None] * 7  # emotion_mean, peak, best, worst, end, peak_end, volatility
        if emotions:
            peak = emotions[0]
            total = change = 0.0
            last = None
            for v in emotions:
                if last is not None:
                    change += abs(v - last)
                if abs(v) > abs(peak) or (abs(v) == abs(peak) and v < peak):
                    peak = v
                total += v
                last = v
            n = len(emotions)
            end = emotions[-1]
            stats = [total / n, peak, max(emotions), min(emotions), end, (peak + end) / 2, change / (n - 1) if n > 1 else 0.0]
        row = (len(path), on, off, unexpected, back, skipped, switches, handoffs, effort,
               effort / efforts if efforts else None, duration, *stats)
        for k, v in zip(COLUMNS, row):
            cols[k].append(v)
    return cols


def check_same(m, paths, persona):
    """Asserts that the pure-Python columns equal `score_paths` exactly."""
    rust = m.score_paths(paths, persona)
    python = python_score_paths(m, paths, persona)
    assert list(rust) == list(COLUMNS), list(rust)
    for k in COLUMNS:
        assert rust[k] == python[k], k


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    m = journeymap.load(ROOT / "examples/retail-click-and-collect.json")
    persona = "digital-first"
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    paths = random_paths(m, count)
    steps = sum(map(len, paths))
    check_same(m, paths[:20_000], persona)

    rust_s = best(lambda: m.score_paths(paths, persona), repeat=3)
    py_s = best(lambda: python_score_paths(m, paths, persona), repeat=2)

    small = journeymap.load(ROOT / "testdata/scoring/chain.json")
    n = 10_000
    score_json_us = best(lambda: [small.score_json() for _ in range(n)], repeat=9) / n * 1e6
    score_json_cfg_us = best(lambda: [small.score_json(top=3) for _ in range(n)], repeat=9) / n * 1e6
    score_us = best(lambda: [small.score() for _ in range(n)], repeat=9) / n * 1e6
    score_read_us = best(lambda: [small.score().overall for _ in range(n)], repeat=9) / n * 1e6
    print(json.dumps({
        "paths": len(paths), "mean_steps": steps / len(paths),
        "score_paths_s": rust_s, "score_paths_per_s": len(paths) / rust_s,
        "pure_python_s": py_s, "pure_python_per_s": len(paths) / py_s, "speedup_vs_pure_python": py_s / rust_s,
        "chain_score_json_us": score_json_us, "chain_score_json_top3_us": score_json_cfg_us,
        "chain_score_us": score_us, "chain_score_then_read_overall_us": score_read_us,
    }, indent=2))


if __name__ == "__main__":
    main()
