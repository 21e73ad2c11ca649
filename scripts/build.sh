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
# One- and two-letter names for what the wasm and the glue import and export from each other.
node scripts/short-names.mjs "$OUT" "$CRATE"

# wasm-bindgen copies js/errors.js and js/event-stream.js into snippets/<crate-hash>/js/;
# the shared entry re-exports those very copies so instanceof sees one set of classes.
SNIPPET_DIR=$(cd "$OUT" && ls -d snippets/*/js | head -n 1)
[ -n "$SNIPPET_DIR" ] || { echo "build: wasm-bindgen emitted no snippets" >&2; exit 1; }
sed "s|__SNIPPET_DIR__|$SNIPPET_DIR|g" js/api.js > "$OUT/api.js"
cp js/index.js js/node.js js/deno.js js/workerd.js js/pages.js js/client.js js/resources.js js/resources.d.ts \
  js/index.d.ts js/package.json "$OUT/"
[ -f README.md ] && cp README.md "$OUT/"
rm -f "$OUT/.gitignore"

# Each entry (index.js for browsers and bundlers, node.js, deno.js, workerd.js) becomes one
# self-contained ES module: a page that imports the package makes one request for the JS, not
# eleven, and one gzip stream compresses the glue, the transport and the classes together
# (2.3 KB less than the same files gzipped one by one). Only the .wasm (and node:fs) stay imports.
# Minified, with `keep-names` so stack traces and error classes read as in js/, which holds the
# commented source (the .d.ts holds the docs). A runtime loads exactly one entry, so each has its
# one set of classes for `instanceof`.
ENTRIES="index node deno workerd"
for entry in $ENTRIES; do
  node_modules/.bin/esbuild "$OUT/$entry.js" --bundle --format=esm --platform=neutral --minify --keep-names \
    --external:node:fs --external:./${CRATE}_bg.wasm --log-level=warning --outfile="$OUT/$entry.bundle.js" \
    --banner:js="/* mistral-edge $(node -p 'require("./js/package.json").version'): js/$entry.js and the modules it imports, bundled and minified; source and docs: js/, *.d.ts */"
done
for entry in $ENTRIES; do mv "$OUT/$entry.bundle.js" "$OUT/$entry.js"; done
# What the bundles hold is not shipped twice.
rm -rf "$OUT/snippets" "$OUT/${CRATE}.js" "$OUT/api.js" "$OUT/client.js" "$OUT/pages.js" "$OUT/resources.js"

rm -rf "$FINAL.old"
[ -d "$FINAL" ] && mv "$FINAL" "$FINAL.old"
mv "$OUT" "$FINAL"
rm -rf "$FINAL.old"
node scripts/size.mjs "$FINAL"
