#!/usr/bin/env bash
# What CI relies on beyond the tests: formatting, clippy with warnings as errors on the host and on
# wasm32 (the bindings compile only there; both wasm feature sets), and rustdoc without warnings.
# Prints a cargo-style result line per check, so the summary counts them.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "lint: $name ok"
  else failed=$((failed + 1)); echo "lint: $name FAILED"; fi
}
check "cargo fmt --check" cargo fmt --all --check
check "clippy (host)" cargo clippy -q --workspace --all-targets -- -D warnings
check "clippy (wasm32)" cargo clippy -q --target wasm32-unknown-unknown --lib -- -D warnings
check "clippy (wasm32, conversations-only)" cargo clippy -q --target wasm32-unknown-unknown --lib --features conversations-only -- -D warnings
check "clippy (wasm32, emulator)" cargo clippy -q --target wasm32-unknown-unknown -p mistral-emulator-wasm -- -D warnings
check "rustdoc" env RUSTDOCFLAGS="-D warnings" cargo doc -q --workspace --no-deps
echo "test result: lint. $passed passed; $failed failed"
[ "$failed" -eq 0 ]
