#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there. Idempotent; a no-op
# run takes well under a second. Everything comes from the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock, exactly.
WB_VERSION=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have() { "$1" --version 2>/dev/null | awk '{print $2}'; }
if [ "$(have wasm-bindgen)" != "$WB_VERSION" ] || [ "$(have wasm-bindgen-test-runner)" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (builds from source: about 5 minutes)"
  # Not --locked: its lockfile pins a webpki-roots release this registry does not serve.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# Chromium and its driver, and Firefox ESR, for the browser tests. apt on this image can lose a
# .deb between dpkg calls; a --fix-broken pass and a second try recover.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null \
    || { apt-get -y -qq --fix-broken install >/dev/null && apt-get install -y -qq "$@" >/dev/null; }
}
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing chromium and chromium-driver"
  apt_install chromium chromium-driver
fi
# Firefox ESR for the runtime matrix (driven by puppeteer-core over WebDriver BiDi).
if ! command -v firefox-esr >/dev/null 2>&1; then
  say "installing firefox-esr"
  apt_install firefox-esr
fi

# npm dev dependencies, from the committed lockfile. wasm-opt comes from npm's binaryen:
# Debian's binaryen 108 emits modules that crash on load.
# `npm ci` refuses a lockfile that lacks optional platform packages, and this registry serves
# some of deno's and workerd's (darwin, windows) as 404, so npm never records them: then
# `npm install --no-save` installs the same locked versions without rewriting the lockfile.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/workerd ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error 2>/dev/null \
    || { say "npm ci refused the lockfile; npm install --no-save"; npm install --no-save --no-audit --no-fund --loglevel=error; }
fi
