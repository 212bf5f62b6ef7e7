"""Validation speed from Python: `journeymap.validate(bytes)` (every rule: parse with duplicate
keys, the published schema, the semantic rules, positions) against python-jsonschema's
structural check alone (Draft 2020-12, the published schema, every error collected, on the
already parsed value) and against CPython's `json.loads` on the same bytes. Each timing is the
best of several runs.

    scripts/test-python.sh      # builds and installs the wheel (and jsonschema) into .venv
    cargo run --release -p journeymap --example generate_maps -- target/bench-maps
    .venv/bin/python bench/validation_python.py target/bench-maps
"""

import json
import pathlib
import sys
import time

import jsonschema

import journeymap

ROOT = pathlib.Path(__file__).resolve().parents[1]


def best(f, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    generated = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "bench-maps"
    files = sorted((ROOT / "examples").glob("*.json"))
    files += [generated / f"generated-{n}.json" for n in (100, 500, 2000)]
    schema = json.loads((ROOT / "schema" / "journey-map.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    print(f"{'map':<36} {'bytes':>9} {'json.loads':>11} {'jsonschema':>11} {'journeymap':>11} {'vs jsonschema':>14} {'vs json.loads':>14}")
    for path in files:
        data = path.read_bytes()
        value = json.loads(data)
        repeat = 15 if len(data) > 500_000 else 60
        assert not list(validator.iter_errors(value)), path
        assert not [d for d in journeymap.validate(data) if d.severity == "error"], path
        t_json = best(lambda: json.loads(data), repeat)
        # The structural check alone, on the already parsed value (parsing not counted).
        t_schema = best(lambda: list(validator.iter_errors(value)), repeat)
        t_jm = best(lambda: journeymap.validate(data), repeat)
        print(
            f"{path.name:<36} {len(data):>9} {t_json * 1e3:>9.2f}ms {t_schema * 1e3:>9.2f}ms {t_jm * 1e3:>9.2f}ms"
            f" {t_schema / t_jm:>13.1f}x {t_jm / t_json:>13.2f}x"
        )


if __name__ == "__main__":
    main()
