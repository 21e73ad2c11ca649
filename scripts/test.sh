#!/usr/bin/env bash
# Every test: the lints (scripts/lint.sh: rustfmt, clippy -D warnings on the host and wasm32,
# rustdoc), native cargo tests, the package build, the wasm-bindgen tests in Node and headless
# Chromium against mistral-emulator (scripts/wasm-test.sh), the .d.ts checks, node --test against
# the built package with the emulator on 127.0.0.1, the benchmark streams of the emulator (bench/frames.test.mjs) and
# the demo page in Chromium (tests/e2e: served by scripts/demo.mjs, and staged as a static site
# with the emulator in the page), the official SDK's docs examples against both clients
# (tests/sdk-docs), then the runtime matrix (the packed tarball in Node, Deno,
# Bun, workerd, edge-runtime, Chromium, Firefox).
# Ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
LOG=$(mktemp -d)
trap 'rm -rf "$LOG"' EXIT
status=0
step() {
  local name=$1; shift
  echo "== $name"
  if ! "$@" 2>&1 | tee "$LOG/$name.log"; then status=1; echo "== $name FAILED"; fi
}

step lint bash scripts/lint.sh
step native cargo test --workspace --no-fail-fast
step build bash scripts/build.sh
step wasm bash scripts/wasm-test.sh
step dts node scripts/check-dts.mjs
step js node --test --test-reporter=tap tests/js/ bench/frames.test.mjs tests/e2e/ tests/emulator/ tests/sdk-docs/
# The suites written against the binary, again against the in-process emulator (pkg/emulator: the
# same core in wasm, reached through the global fetch; see tests/emulator/harness.mjs).
step js-inprocess env MISTRAL_EMULATOR=inprocess node --test --test-reporter=tap tests/js/client.test.mjs \
  tests/js/conversations-entry.test.mjs tests/js/readable-stream.test.mjs tests/js/sdk-errors.test.mjs \
  tests/js/sdk-options.test.mjs tests/js/sdk-values.test.mjs tests/js/standalone.test.mjs tests/js/surface.test.mjs \
  tests/emulator/sdk-flows.test.mjs tests/emulator/edge-flows.test.mjs
step runtimes bash scripts/runtimes.sh

passed=0; failed=0
for f in "$LOG"/*.log; do
  p=$(grep -hoE 'test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$f" | awk '{s+=$4} END {print s+0}')
  q=$(grep -hoE 'test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$f" | awk '{s+=$6} END {print s+0}')
  np=$(grep -hoE '^# pass [0-9]+' "$f" | awk '{s+=$3} END {print s+0}')
  nf=$(grep -hoE '^# fail [0-9]+' "$f" | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p + np)); failed=$((failed + q + nf))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
