#!/usr/bin/env bash
# Node suite: installs the dev tools, builds the addon with the test-only panic hook, runs tsc
# (lib/index.cjs against the native index.d.ts, __test__/contract.ts tying it to the declarations
# in lib/index.d.ts, the typed API), and runs node:test (API, shared vectors, doc blocks in
# CommonJS, ESM and TypeScript, examples/node). The generated files (index.js and index.d.ts of
# the release build, lib/*-types.d.ts) are checked by scripts/codegen.sh --check.
set -euo pipefail
cd "$(dirname "$0")/../bindings-node"

# `npm ci` fails on napi-rs lockfiles here (optional packages of other platforms).
npm install --no-audit --no-fund --loglevel=error
# The test build has `panicForTest` (feature `test-hooks`); its declarations go to target/, so
# that the committed index.js and index.d.ts stay those of the release build.
npx napi build --platform --profile wheel --features test-hooks --no-js \
  --dts ../target/node-test-hooks.d.ts
npx tsc -p tsconfig.json
node --test __test__/
