#!/usr/bin/env bash
# Node suite: installs the dev tools, builds the addon (regenerating index.js and index.d.ts),
# regenerates the TypeScript types from the schemas, fails if any generated file differs from
# the committed one, runs tsc (lib/index.cjs against the generated native index.d.ts,
# __test__/contract.ts tying it to the declarations in lib/index.d.ts, the typed API), and runs
# node:test (API, shared vectors, doc blocks in CommonJS, ESM and TypeScript, examples/node).
set -euo pipefail
cd "$(dirname "$0")/../bindings-node"

# `npm ci` fails on napi-rs lockfiles here (optional packages of other platforms).
npm install --no-audit --no-fund --loglevel=error
npx napi build --platform --profile wheel --js index.js --dts index.d.ts
node generate-types.mjs
if ! git diff --exit-code -- index.js index.d.ts lib/map-types.d.ts lib/scores-types.d.ts; then
  echo "generated Node files are out of date; regenerate them with:" >&2
  echo "  cd bindings-node && npx napi build --platform --profile wheel --js index.js --dts index.d.ts && node generate-types.mjs" >&2
  exit 1
fi
npx tsc -p tsconfig.json
node --test __test__/
