#!/usr/bin/env bash
# Node suite: installs the dev tools, builds the addon, runs tsc (lib/index.cjs against the
# generated native index.d.ts, __test__/contract.ts tying it to the declarations in
# lib/index.d.ts, the typed API), and runs node:test (API, shared vectors, golden pictures, the
# HTML report in headless chromium, doc blocks in CommonJS, ESM and TypeScript, examples/node).
# The generated files are checked by scripts/codegen.sh --check.
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
npx napi build --platform --profile wheel --js index.js --dts index.d.ts
npx tsc -p tsconfig.json
node --test __test__/
