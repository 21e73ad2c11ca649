# The two commands the README promises: `make demo` and `make test`. Both set up what is missing.
.PHONY: setup build test demo bench emulator clean
setup:
	@bash scripts/setup.sh
build: setup
	@bash scripts/build.sh
test: setup
	@bash scripts/test.sh
demo: build
	@node examples/node-stream.mjs
bench: build
	@node bench/run.mjs
clean:
	rm -rf pkg target/wasm32-unknown-unknown
