#!/usr/bin/env bash
# Builds the npm package into pkg/: cargo (wasm32) → wasm-bindgen --target web → wasm-opt -Oz
# → the hand-written entries from js/. Prints the package's size, raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
CRATE=mistral_edge
FINAL=pkg
# Built next to pkg/ and swapped in at the end, so a test or demo reading pkg/ during a build
# never sees it half-made or missing.
OUT=pkg.building

cargo build --release --target wasm32-unknown-unknown --lib
rm -rf "$OUT"
wasm-bindgen "target/wasm32-unknown-unknown/release/$CRATE.wasm" --out-dir "$OUT" --target web \
  --remove-name-section --remove-producers-section
node_modules/.bin/wasm-opt ${WASM_OPT_LEVEL:--Oz} --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-mutable-globals --enable-multivalue \
  "$OUT/${CRATE}_bg.wasm" -o "$OUT/${CRATE}_bg.wasm"

# wasm-bindgen copies js/errors.js and js/event-stream.js into snippets/<crate-hash>/js/;
# the shared entry re-exports those very copies so instanceof sees one set of classes.
SNIPPET_DIR=$(cd "$OUT" && ls -d snippets/*/js | head -n 1)
[ -n "$SNIPPET_DIR" ] || { echo "build: wasm-bindgen emitted no snippets" >&2; exit 1; }
sed "s|__SNIPPET_DIR__|$SNIPPET_DIR|g" js/api.js > "$OUT/api.js"
cp js/index.js js/node.js js/deno.js js/workerd.js js/pages.js js/index.d.ts js/package.json "$OUT/"
[ -f README.md ] && cp README.md "$OUT/"
rm -f "$OUT/.gitignore"

rm -rf "$FINAL.old"
[ -d "$FINAL" ] && mv "$FINAL" "$FINAL.old"
mv "$OUT" "$FINAL"
rm -rf "$FINAL.old"
node scripts/size.mjs "$FINAL"
