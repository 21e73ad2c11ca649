#!/usr/bin/env bash
# The wasm-bindgen tests of the JavaScript face (src/bindings/tests.rs), run twice: in Node (the
# runner's default) and in headless Chromium (WASM_BINDGEN_USE_BROWSER=1), against mistral-emulator
# (target/debug/mistral-emulator, built here first; a no-op when it is up to date) on a free
# 127.0.0.1 port. Its URL reaches the tests at compile time through MISTRAL_EDGE_TEST_SERVER; it is
# stopped on exit. Prints cargo's `test result:` line for each run; exits non-zero if either run
# fails or runs no tests. Loopback only: nothing here touches the network.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
# The runner's budget for a whole run (its default, 20 s, is tight on a busy 2-core machine).
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT=${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}
# Never `cargo test -q` here: cargo passes --quiet on to wasm-bindgen-test-runner, which rejects it.
CARGO=(nice -n 10 cargo test --target wasm32-unknown-unknown --lib)

RUN=$(mktemp -d)
EMU_PID=
cleanup() {
  if [ -n "$EMU_PID" ] && kill -0 "$EMU_PID" 2>/dev/null; then
    kill "$EMU_PID" 2>/dev/null
    wait "$EMU_PID" 2>/dev/null
  fi
  rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wasm-bindgen-test-runner node; do
  command -v "$tool" >/dev/null || { echo "wasm-test: $tool not found (run scripts/setup.sh)" >&2; exit 1; }
done

if ! nice -n 10 cargo build -p mistral-emulator; then
  echo "wasm-test: building mistral-emulator FAILED"
  exit 1
fi
# Port 0: the emulator picks a free port and prints `mistral-emulator listening on http://ADDR`.
# `timeout` bounds it even if this script is killed with SIGKILL (and passes our TERM on).
timeout 900 target/debug/mistral-emulator --listen 127.0.0.1:0 >"$RUN/emulator.out" 2>"$RUN/emulator.err" &
EMU_PID=$!
URL=
for _ in $(seq 200); do
  URL=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$RUN/emulator.out" | head -n 1)
  [ -n "$URL" ] && break
  kill -0 "$EMU_PID" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$URL" ]; then
  echo "wasm-test: the emulator did not start" >&2
  cat "$RUN/emulator.err" >&2
  exit 1
fi
export MISTRAL_EDGE_TEST_SERVER="$URL"
echo "wasm-test: mistral-emulator on $MISTRAL_EDGE_TEST_SERVER"

status=0
# One build; both runs reuse it (the URL is part of the build, so a new port relinks the test crate).
if ! "${CARGO[@]}" --no-run; then
  echo "wasm-test: the wasm test build FAILED"
  exit 1
fi

# Runs the suite once; the rest of the arguments are environment assignments for the runner.
run() {
  local name=$1; shift
  echo "== wasm tests in $name"
  env -u WASM_BINDGEN_USE_BROWSER -u WASM_BINDGEN_TEST_ONLY_NODE -u WASM_BINDGEN_TEST_ONLY_WEB \
    "$@" "${CARGO[@]}" 2>&1 | tee "$RUN/$name.log"
  local rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ]; then
    echo "== wasm tests in $name FAILED (exit $rc)"
    status=1
  elif ! grep -qE 'test result: ok\. [1-9][0-9]* passed' "$RUN/$name.log"; then
    echo "== wasm tests in $name ran no tests"
    echo "test result: FAILED. 0 passed; 1 failed"
    status=1
  fi
}

run node
node_status=$status
status=0
# The runner drives Chromium through chromedriver; it always adds --headless, --no-sandbox and
# --disable-dev-shm-usage, and reads the offline flags from ./webdriver.json.
run chromium WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Headless Chromium now and then never starts the suite (chromedriver: "Timed out receiving message
# from renderer"); that is the browser, not a test failing, so it gets one more try.
if [ "$status" -ne 0 ] && grep -q "Failed to detect test as having been run" "$RUN/chromium.log"; then
  echo "== wasm tests in chromium: the browser never started the suite; one more try"
  status=0
  run chromium WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
fi
[ "$node_status" -ne 0 ] && status=1

exit "$status"
