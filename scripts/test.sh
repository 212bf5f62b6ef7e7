#!/usr/bin/env bash
# The one test command: formatting, lints, every Rust test (shared vectors included), every
# generated file checked against its generator, then the Python and Node suites. Run from
# anywhere: `scripts/test.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n== %s\n' "$1"; }

# One clean build per run: no incremental caches (they would double the space the build takes).
export CARGO_INCREMENTAL=0
printf 'disk: %s free where the build goes\n' "$(df -h --output=avail . | tail -1 | tr -d ' ')"

section "rustfmt"
cargo fmt --all --check

section "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

section "rust tests"
# The picture tests render SVGs with the system's fonts.
if [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-dejavu-core >/dev/null
fi
cargo test --locked

section "generated files"
scripts/codegen.sh --check

if [ -x scripts/test-python.sh ]; then
  section "python"
  scripts/test-python.sh
fi

if [ -x scripts/test-node.sh ]; then
  section "node"
  scripts/test-node.sh
fi

printf 'build folder: %s\n' "$(du -sh target 2>/dev/null | cut -f1)"
section "all suites passed"
