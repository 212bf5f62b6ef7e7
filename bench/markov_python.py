"""A straightforward Python implementation of journeymap's Markov analysis, for comparison.

It reads the same generated maps, builds the persona graph with networkx, the absorbing chain
with numpy, and computes absorption probabilities, expected visits and the removal effect of
every touchpoint, both with the same closed form as journeymap (one inverse) and, on the
smaller maps, by re-solving the chain once per removed touchpoint, as most attribution code
does. It checks its numbers against journeymap's and prints timings as JSON lines.

In the same run, on the same maps, it times journeymap's full scoring through the Python
package (`JourneyMap.score_json()`: every persona, every score, serialized), so the ratio is
measured, not assembled from two runs.

    cargo run --release -p journeymap --example generate_maps -- /tmp/jm-maps
    scripts/test-python.sh                      # builds and installs the wheel into .venv
    .venv/bin/python -m pip install numpy networkx
    .venv/bin/python bench/markov_python.py /tmp/jm-maps
"""

import json
import pathlib
import sys
import time

import networkx as nx
import numpy as np


def analyse(doc, persona="p0", naive=False):
    g = nx.DiGraph()
    tps = sorted(t["id"] for t in doc["touchpoints"])
    outcomes = sorted(o["id"] for o in doc["outcomes"])
    kinds = {o["id"]: o["kind"] for o in doc["outcomes"]}
    g.add_nodes_from(tps)
    g.add_nodes_from(outcomes)
    for t in doc["transitions"]:
        w = g.get_edge_data(t["from"], t["to"], {"p": 0.0})["p"] + t["probability"]
        g.add_edge(t["from"], t["to"], p=w)
    idx = {t: i for i, t in enumerate(tps)}
    cols = outcomes + ["__drop_off"]
    n, m = len(tps), len(cols)
    q = np.zeros((n, n))
    r = np.zeros((n, m))
    for u, v, d in g.edges(data=True):
        if v in idx:
            q[idx[u], idx[v]] += d["p"]
        else:
            r[idx[u], cols.index(v)] += d["p"]
    r[:, -1] += np.clip(1.0 - q.sum(1) - r.sum(1), 0.0, None)
    # States that can never be absorbed send their mass to __drop_off.
    absorbing = {t for t in tps if r[idx[t]].sum() > 0}
    escapes = set(absorbing)
    for a in absorbing:
        escapes |= nx.ancestors(g.subgraph(tps), a)
    for t in tps:
        if t not in escapes:
            q[idx[t]] = 0.0
            r[idx[t]] = 0.0
            r[idx[t], -1] = 1.0
    pi = np.zeros(n)
    entries = [e for e in doc["entries"] if not e.get("personas") or persona in e["personas"]]
    for e in entries:
        pi[idx[e["touchpoint"]]] += e.get("probability", 1.0)
    pi /= pi.sum()
    success = [k for k, c in enumerate(cols) if kinds.get(c) == "success"]
    a = np.eye(n) - q
    fundamental = np.linalg.inv(a)
    visits = pi @ fundamental
    b_success = fundamental @ r[:, success].sum(1)
    p_success = float(pi @ b_success)
    h = visits / np.diag(fundamental)
    removal = h * b_success / p_success
    out = {"success": p_success, "removal_effect": dict(zip(tps, removal.tolist()))}
    if naive:
        naive_re = {}
        for c in tps:
            q2, r2 = q.copy(), r.copy()
            q2[idx[c]] = 0.0
            r2[idx[c]] = 0.0
            r2[idx[c], -1] = 1.0
            b = np.linalg.solve(np.eye(n) - q2, r2[:, success].sum(1))
            naive_re[c] = 1.0 - float(pi @ b) / p_success
        out["naive_removal_effect"] = naive_re
    return out


def best_of(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(folder):
    import journeymap

    folder = pathlib.Path(folder)
    for path in sorted(folder.glob("generated-*.json"), key=lambda p: int(p.stem.split("-")[1].split(".")[0])):
        if path.name.endswith(".rust.json"):
            continue
        doc = json.loads(path.read_text())
        n = len(doc["touchpoints"])
        reference = json.loads(path.with_name(path.stem + ".rust.json").read_text())
        personas = sorted(p["id"] for p in doc["personas"])
        repeat = 5 if n <= 500 else 2
        # The Markov part for every persona, as journeymap does it.
        seconds, results = best_of(lambda: [analyse(doc, p) for p in personas], repeat)
        result = results[0]
        m = journeymap.loads(path.read_text())
        jm_seconds, _ = best_of(m.score_json, repeat * 4 if n <= 500 else repeat)
        worst = max(abs(result["removal_effect"][t] - (re or 0.0)) for t, re in reference["removal_effect"])
        assert abs(result["success"] - reference["success"]) < 1e-9, (result["success"], reference["success"])
        assert worst < 1e-6, worst
        line = {"map": path.name, "touchpoints": n, "transitions": len(doc["transitions"]),
                "personas": len(personas), "journeymap_full_scoring_s": jm_seconds,
                "python_markov_only_s": seconds, "ratio": seconds / jm_seconds,
                "max_abs_diff_vs_journeymap": worst}
        if n <= 500:
            naive_s, naive = best_of(lambda: [analyse(doc, p, naive=True) for p in personas], 1)
            line["python_naive_resolve_s"] = naive_s
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/jm-maps")
