#!/usr/bin/env bash
# Python suite: installs the package into the git-ignored .venv (created on first use) with the
# install command of README.md and docs/python.md, `pip install ./bindings-python` (maturin is
# the build backend), checks the stubs with mypy.stubtest and runs pytest against the installed
# package, not the source tree. A small typed program is checked with `mypy --strict`.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  python3 -m venv .venv
fi
"$PY" -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.16,<1.17" "pytest>=8,<9" "mypy>=1.13,<2" "pandas>=2,<3" "jsonschema>=4.23,<5" \
  "pyarrow>=15" "polars>=1" "dask[distributed]>=2024.1" "tqdm>=4"

# The documented install, with build settings for the tests: the `wheel` cargo profile (its
# own, so that it does not rebuild what `cargo test` built with `dev`), the `test-hooks` feature
# (the test-only panic hook, absent from release builds) and the host named as the target, so
# that the build goes to target/<host>/wheel where the Node addon's build (`napi build
# --platform`) has already compiled every dependency. Without build isolation, the maturin
# installed above builds it (the backend runs `maturin` from PATH; the venv is not activated).
HOST=$(rustc -vV | sed -n 's/^host: //p')
PATH="$PWD/.venv/bin:$PATH" \
  MATURIN_PEP517_ARGS="--profile wheel --features test-hooks --target $HOST" \
  "$PY" -m pip install --quiet --disable-pip-version-check --no-build-isolation \
  --force-reinstall --no-deps ./bindings-python

echo "stubtest:"
"$PY" -m mypy.stubtest journeymap._native --ignore-missing-stub
echo "mypy --strict:"
(cd bindings-python/tests && "../../$PY" -m mypy --strict --cache-dir=/dev/null typed_usage.py)
# Run from outside the source tree so `import journeymap` resolves to the installed package.
(cd bindings-python/tests && "../../$PY" -m pytest -q -p no:cacheprovider .)
