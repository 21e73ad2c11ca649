# The two commands the README promises: `make demo` and `make test`. Both set up what is missing.
.PHONY: setup build test demo demo-static bench emulator fuzz regen clean
setup:
	@bash scripts/setup.sh
build: setup
	@bash scripts/build.sh
test: setup
	@bash scripts/test.sh
# The demo page (www/) on http://127.0.0.1:8787 (PORT to change), with the emulator behind /api;
# with MISTRAL_API_KEY set, /api goes to api.mistral.ai and the key stays on the server.
# The former terminal demo: node examples/node-stream.mjs
demo: build
	@node scripts/demo.mjs
# The same page as a static site in demo-static/ (www/ and the package files it loads; the emulator
# runs inside the page): serve that folder with any static file server (CONTRIBUTING.md).
demo-static: build
	@node scripts/static-demo.mjs
bench: build
	@node bench/run.mjs
# The local Mistral API emulator (see emulator/README.md): `make emulator PORT=0` picks a free port.
PORT ?= 8788
emulator:
	@cargo run --release -q -p mistral-emulator -- --listen 127.0.0.1:$(PORT)
# The fuzz targets of fuzz/ (fuzz/README.md), coverage-guided with cargo-fuzz on nightly, one after
# the other: FUZZ_TIME seconds (60) or FUZZ_RUNS executions each; FUZZ_TARGETS to pick some.
fuzz:
	@bash scripts/fuzz.sh
# Every generated file (ARCHITECTURE.md, "Generated files"), in dependency order: the TypeScript
# surface, the seam's names and the replay cases from the Rust tables, the package, the golden .d.ts from it, then the
# surface again (js/models/components reads its enum values from the golden).
regen: setup
	UPDATE_OPERATIONS=1 cargo test -q --test operations_dts
	UPDATE_OPERATIONS=1 cargo test -q --test seam_js
	UPDATE_OPERATIONS=1 cargo test -q --test operations_replay
	@bash scripts/build.sh
	UPDATE_GOLDEN=1 node scripts/check-dts.mjs
	UPDATE_OPERATIONS=1 cargo test -q --test operations_dts
clean:
	rm -rf pkg demo-static target/wasm32-unknown-unknown
