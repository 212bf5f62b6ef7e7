#!/usr/bin/env bash
# Creates bench/.venv-peers: the peers of the event-log benchmark (bench/events_bench.py) at the
# versions the published figures were measured with, and journeymap built from ./bindings-python
# (release build). Run from anywhere; re-running reinstalls journeymap only when asked
# (`--reinstall-journeymap`).
#
#   bench/setup-peers.sh [--reinstall-journeymap]
#   bench/.venv-peers/bin/python bench/events_bench.py bench/data/events-1000000.parquet
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=bench/.venv-peers
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  python3 -m venv "$VENV"
fi
"$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$PY" -m pip install --quiet --disable-pip-version-check \
  "numpy==2.4.6" \
  "pandas==3.1.1" \
  "pyarrow==26.0.1" \
  "polars==2.1.0" \
  "duckdb==2.0.1" \
  "pm4py==2.7.23.11" \
  "retentioneering==5.2.4" \
  "marketing_attribution_models==2.1.1" \
  "ChannelAttribution==2.2.5" \
  "tqdm==4.70.1" \
  "maturin>=1.16,<1.17"

if [ "${1:-}" = "--reinstall-journeymap" ] || ! "$PY" -c "import journeymap" 2>/dev/null; then
  # The documented install; maturin from the venv builds the release extension.
  PATH="$PWD/$VENV/bin:$PATH" "$PY" -m pip install --quiet --disable-pip-version-check \
    --no-build-isolation --force-reinstall --no-deps ./bindings-python
fi
"$PY" - <<'PY'
from importlib.metadata import version
for name in ["journeymap", "pandas", "pyarrow", "polars", "duckdb", "pm4py", "retentioneering",
             "marketing_attribution_models", "ChannelAttribution"]:
    print(f"{name} {version(name)}")
PY
