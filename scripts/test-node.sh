#!/usr/bin/env bash
# Node suite: installs the dev tools, builds the addon with the test-only panic hook, runs tsc
# (lib/index.cjs against the native index.d.ts, __test__/contract.ts tying it to the declarations
# in lib/index.d.ts, the typed API), and runs node:test (API, shared vectors, golden pictures, the
# HTML report in headless chromium, doc blocks in CommonJS, ESM and TypeScript, examples/node).
# The generated files (index.js and index.d.ts of the release build, lib/*-types.d.ts) are checked
# by scripts/codegen.sh --check.
set -euo pipefail
cd "$(dirname "$0")/../bindings-node"

# The HTML report is tested in a real browser: Debian's chromium (and a font for its text).
if ! command -v chromium >/dev/null 2>&1 || [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  echo "installing chromium and fonts-dejavu-core (browser test of the HTML report)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

# `npm ci` fails on napi-rs lockfiles here (optional packages of other platforms).
npm install --no-audit --no-fund --loglevel=error
# The test build has `panicForTest` (feature `test-hooks`); its declarations go to target/, so
# that the committed index.js and index.d.ts stay those of the release build.
npx napi build --platform --profile wheel --features test-hooks --no-js \
  --dts ../target/node-test-hooks.d.ts
npx tsc -p tsconfig.json
node --test __test__/
