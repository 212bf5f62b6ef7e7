#!/usr/bin/env bash
# Python suite: builds the abi3 wheel into target/wheels, installs it into the git-ignored .venv
# (created on first use), checks the stubs with mypy.stubtest and runs pytest against the
# installed wheel, not the source tree. A small typed program is checked with `mypy --strict`.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  python3 -m venv .venv
fi
"$PY" -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.16,<1.17" "pytest>=8,<9" "mypy>=1.13,<2" "pandas>=2,<3" "jsonschema>=4.23,<5" \
  "pyarrow>=15" "polars>=1" "dask[distributed]>=2024.1" "tqdm>=4"

# Own cargo profile: sharing `dev` with `cargo test` would rebuild pyo3 back and forth.
rm -rf target/wheels
(cd bindings-python && "../$PY" -m maturin build --quiet --profile wheel -i "../$PY" --out ../target/wheels)
"$PY" -m pip install --quiet --force-reinstall --no-deps target/wheels/journeymap-*.whl

echo "stubtest:"
"$PY" -m mypy.stubtest journeymap._native --ignore-missing-stub
echo "mypy --strict:"
(cd bindings-python/tests && "../../$PY" -m mypy --strict --cache-dir=/dev/null typed_usage.py)
# Run from outside the source tree so `import journeymap` resolves to the installed wheel.
(cd bindings-python/tests && "../../$PY" -m pytest -q -p no:cacheprovider .)
