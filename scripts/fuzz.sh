#!/usr/bin/env bash
# `make fuzz`: runs every fuzz target of fuzz/ (coverage-guided, libFuzzer through cargo-fuzz on
# the nightly toolchain), one after the other. See fuzz/README.md.
#   FUZZ_TARGETS   the targets (default: all six)
#   FUZZ_TIME      seconds per target (default 60)
#   FUZZ_RUNS      executions per target (default -1: until FUZZ_TIME)
#   FUZZ_SANITIZER none (default: the crate is safe Rust, and this is 2-3x faster) or address
# Each target's growing corpus is fuzz/corpus/<target> (not committed); fuzz/seeds/<target> is
# read too. A finding stops the run and is saved under fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
targets=${FUZZ_TARGETS:-sse json transcode stream validate redact}
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "make fuzz needs a nightly toolchain (rustup toolchain install nightly)" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
for target in $targets; do
  mkdir -p "corpus/$target" "seeds/$target"
  echo "== fuzz $target"
  cargo +nightly fuzz run -O -s "${FUZZ_SANITIZER:-none}" "$target" "corpus/$target" "seeds/$target" -- \
    -runs="${FUZZ_RUNS:--1}" -max_total_time="${FUZZ_TIME:-60}" -print_final_stats=1 2>&1 |
    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec)|panicked|SUMMARY|artifact|^Done' || true
  test "${PIPESTATUS[0]}" -eq 0
done
