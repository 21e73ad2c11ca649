#!/usr/bin/env bash
# The runtime matrix (tests/runtimes/): `npm pack ./pkg`, installed into a fresh temporary project,
# streams a conversation from the emulator on 127.0.0.1 in Node, Deno, Bun, workerd, Vercel's
# edge-runtime, headless Chromium and Firefox ESR; the examples run; the TypeScript consumer
# type-checks. Needs pkg/ (scripts/build.sh), the emulator binary and `scripts/setup.sh`'s tools.
# Everything is bounded: each runtime by its own timeout, the whole step by RUNTIMES_TIMEOUT.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f pkg/package.json ] || { echo "runtimes: pkg/ is missing; run scripts/build.sh first" >&2; exit 1; }
for tool in deno bun workerd tsc vite; do
  [ -x "node_modules/.bin/$tool" ] || { echo "runtimes: node_modules/.bin/$tool is missing; run scripts/setup.sh" >&2; exit 1; }
done
command -v chromium >/dev/null || { echo "runtimes: chromium is missing; run scripts/setup.sh" >&2; exit 1; }
command -v firefox-esr >/dev/null || { echo "runtimes: firefox-esr is missing; run scripts/setup.sh" >&2; exit 1; }

# No telemetry, update checks or outside lookups from any runtime (see tests/runtimes/README.md).
export DENO_NO_UPDATE_CHECK=1 WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false \
  CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_HIDE_BANNER=true MOZ_REMOTE_SETTINGS_DEVTOOLS=1 DO_NOT_TRACK=1

# The test file runs as the process itself (not under `node --test`), so on overrun the SIGTERM
# reaches its handler, which kills the browsers and workerd (in their own process groups).
exec timeout -k 10 "${RUNTIMES_TIMEOUT:-420}" \
  node --test-reporter=tap tests/runtimes/runtimes.test.mjs
