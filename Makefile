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
# The local Mistral API emulator (see emulator/README.md): `make emulator PORT=0` picks a free port.
PORT ?= 8788
emulator:
	@cargo run --release -q -p mistral-emulator -- --listen 127.0.0.1:$(PORT)
clean:
	rm -rf pkg target/wasm32-unknown-unknown
