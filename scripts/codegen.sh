#!/usr/bin/env bash
# Writes every generated file of the repository:
#   - schema/*.schema.json, docs/diagnostics.md, the expected outputs and golden pictures in
#     testdata/, the Mermaid and CSV exports of the example maps (Rust: `cargo run -p xtask --
#     codegen`),
#   - the invalid fixtures (testdata/invalid/generate.py),
#   - the Python model classes (bindings-python/generate_model.py),
#   - the Node declarations: index.js and index.d.ts from `napi build`, lib/*-types.d.ts from the
#     schemas (bindings-node/generate-types.mjs).
#
#   scripts/codegen.sh           regenerate everything
#   scripts/codegen.sh --check   fail, naming each stale file, if anything committed is out of
#                                date; the tree is left as it was
set -euo pipefail
cd "$(dirname "$0")/.."

# Every path a generator writes (files, or folders whose whole content is generated or mixed
# with generated files).
GENERATED=(
  schema
  docs/diagnostics.md
  testdata/scoring/expected
  testdata/render
  testdata/interchange/expected
  examples/bank-personal-loan.as-is.mmd
  examples/bank-personal-loan.as-is.csv
  examples/bank-personal-loan.to-be.mmd
  examples/bank-personal-loan.to-be.csv
  examples/retail-click-and-collect.mmd
  examples/retail-click-and-collect.csv
  examples/solar-installation.mmd
  examples/solar-installation.csv
  testdata/opportunities/expected
  testdata/invalid
  testdata/objects/expected.json
  bindings-python/python/journeymap/_model.py
  bindings-node/index.js
  bindings-node/index.d.ts
  bindings-node/lib/map-types.d.ts
  bindings-node/lib/scores-types.d.ts
)

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: scripts/codegen.sh [--check]" >&2; exit 2 ;;
esac

snapshot=""
if $check; then
  snapshot=$(mktemp -d)
  trap 'rm -rf "$snapshot"' EXIT
  mkdir -p "$snapshot/before"
  for p in "${GENERATED[@]}"; do
    [ -e "$p" ] && cp -a --parents "$p" "$snapshot/before/"
  done
fi

cargo run --quiet --locked -p xtask -- codegen
python3 testdata/invalid/generate.py
python3 bindings-python/generate_model.py
(
  cd bindings-node
  [ -d node_modules/@napi-rs/cli ] || npm install --no-audit --no-fund --loglevel=error
  # napi's CLI exits 0 even when it cannot write the declarations: its output is checked.
  built=$(npx napi build --platform --profile wheel --js index.js --dts index.d.ts 2>&1) || {
    echo "$built" >&2
    exit 1
  }
  if grep -q "Internal Error" <<<"$built"; then
    echo "$built" | grep -v "^    at " >&2
    exit 1
  fi
  node generate-types.mjs
)

if $check; then
  mkdir -p "$snapshot/after"
  for p in "${GENERATED[@]}"; do
    [ -e "$p" ] && cp -a --parents "$p" "$snapshot/after/"
  done
  stale=$(diff -rq "$snapshot/before" "$snapshot/after" 2>&1 \
    | sed -e "s#$snapshot/before/##g" -e "s#$snapshot/after/##g" || true)
  # Put the tree back as it was.
  for p in "${GENERATED[@]}"; do
    rm -rf "$p"
    [ -e "$snapshot/before/$p" ] && cp -a "$snapshot/before/$p" "$(dirname "$p")/"
  done
  if [ -n "$stale" ]; then
    echo "generated files are out of date:" >&2
    echo "$stale" | sed 's/^/  /' >&2
    echo "regenerate them with: scripts/codegen.sh" >&2
    exit 1
  fi
  echo "generated files are up to date"
fi
