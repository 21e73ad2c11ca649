#!/usr/bin/env bash
# Builds the npm package into pkg/: cargo (wasm32) → wasm-bindgen --target web → wasm-opt -Oz
# → the hand-written entries from js/, bundled. Twice: the whole client (pkg/) and the
# conversations-only entry (pkg/conversations/, cargo feature `conversations-only`). Prints the
# sizes, raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
CRATE=mistral_edge
FINAL=pkg
# Built next to pkg/ and swapped in at the end, so a test or demo reading pkg/ during a build
# never sees it half-made or missing.
OUT=pkg.building
VERSION=$(node -p 'require("./js/package.json").version')

# build_entry DIR FEATURES API RESOURCES PROFILE [RUSTFLAGS]: the wasm (with these cargo features,
# built with this cargo profile and these extra rustc flags) and the four entries of one surface
# (API: its api.js; RESOURCES: its generated resource classes) into DIR.
build_entry() {
  local dir=$1 features=$2 api=$3 resources=$4 profile=$5 flags=${6:-}
  local stage="$dir/.stage"
  local build=(cargo build --profile "$profile" --target wasm32-unknown-unknown --lib ${features:+--features "$features"})
  if [ -n "$flags" ]; then RUSTFLAGS="${RUSTFLAGS:-} $flags" "${build[@]}"; else "${build[@]}"; fi
  mkdir -p "$stage"
  wasm-bindgen "target/wasm32-unknown-unknown/$profile/$CRATE.wasm" --out-dir "$stage" --target web \
    --remove-name-section --remove-producers-section
  local wasm_features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-mutable-globals --enable-multivalue"
  # One- and two-letter names for what the wasm and the glue import and export from each other:
  # binaryen renames them in the wasm (the import module too) and prints the map, from which
  # scripts/short-names.mjs renames them in the glue below. Before -Oz, whose output a later
  # rewrite would make larger again.
  node_modules/.bin/wasm-opt $wasm_features --minify-imports-and-exports-and-modules \
    "$stage/${CRATE}_bg.wasm" -o "$stage/${CRATE}_bg.wasm" > "$stage/names.json"
  # --flatten --rereloop (control flow rebuilt before -Oz), --converge, --low-memory-unused (Rust
  # puts the stack first, growing down from 1 MiB: the first KiB is touched only by a stack about to
  # overflow) and --zero-filled-memory (a fresh instance's memory is zeroes) make the wasm smaller
  # (by how much: ARCHITECTURE.md, "Size decisions").
  node_modules/.bin/wasm-opt ${WASM_OPT_LEVEL:---flatten --rereloop -Oz --converge --low-memory-unused --zero-filled-memory} $wasm_features \
    "$stage/${CRATE}_bg.wasm" -o "$stage/${CRATE}_bg.wasm"
  node scripts/short-names.mjs "$stage" "$CRATE" "$stage/names.json"

  # wasm-bindgen copies js/errors.js and js/event-stream.js into snippets/<crate-hash>/js/;
  # the api re-exports those very copies so instanceof sees one set of classes.
  local snippets
  snippets=$(cd "$stage" && ls -d snippets/*/js 2>/dev/null | head -n 1 || true)
  [ -n "$snippets" ] || { echo "build: wasm-bindgen emitted no snippets" >&2; exit 1; }
  sed "s|__SNIPPET_DIR__|$snippets|g" "$api" > "$stage/api.js"
  cp "$resources" "$stage/resources.js"
  cp js/index.js js/node.js js/deno.js js/workerd.js js/pages.js js/client.js js/http.js js/log.js js/redact.js js/files.js js/options.js js/run.js js/mcp.js "$stage/"

  # Each entry (index.js for browsers and bundlers, node.js, deno.js, workerd.js) becomes one
  # self-contained ES module: a page that imports the package makes one request for the JS, not
  # eleven, and one gzip stream compresses the glue, the transport and the classes together
  # (smaller than the same files gzipped one by one). Only the .wasm (and node:fs) stay imports.
  # Minified, names included (esbuild's `keep-names` costs bytes on every entry; ARCHITECTURE.md,
  # "Size decisions", has the numbers): the error classes, the only code that reads a function's
  # name, name themselves (js/errors.js); js/ holds the commented source and the .d.ts the docs. A
  # runtime loads exactly one entry, so each has its one set of classes for `instanceof`.
  for entry in index node deno workerd; do
    node_modules/.bin/esbuild "$stage/$entry.js" --bundle --format=esm --platform=neutral --minify \
      --external:node:fs --external:./${CRATE}_bg.wasm --log-level=warning --outfile="$dir/$entry.js" \
      --banner:js="/* mistral-edge $VERSION: js/$entry.js and the modules it imports, bundled and minified; source and docs: js/, *.d.ts */"
  done
  mv "$stage/${CRATE}_bg.wasm" "$dir/"
  # The declarations (the bundles hold the code), without wasm-bindgen's loader section
  # (`initSync`, `InitOutput`, ...): the entries load the wasm themselves and export no loader, and
  # the export names it lists were shortened above.
  node -e '
    const fs = require("fs");
    const [from, to] = process.argv.slice(1);
    const text = fs.readFileSync(from, "utf8");
    const at = text.indexOf("export type InitInput");
    if (at < 0) throw new Error(`build: no loader section in ${from}`);
    fs.writeFileSync(to, text.slice(0, at).trimEnd() + "\n");
  ' "$stage/${CRATE}.d.ts" "$dir/${CRATE}.d.ts"
  rm -rf "$stage"
}

# build_emulator DIR: the `mistral-edge-client/emulator` entry: the emulator's core and its wasm
# shell (emulator/wasm), its own wasm (the client's entries do not change by a byte), and its
# entries from js/emulator/ bundled with the glue, plus the `npx mistral-edge-client emulator` CLI.
build_emulator() {
  local dir=$1 name=mistral_emulator_wasm
  local stage="$dir/.stage"
  cargo build --release --target wasm32-unknown-unknown -p mistral-emulator-wasm
  mkdir -p "$stage"
  wasm-bindgen "target/wasm32-unknown-unknown/release/$name.wasm" --out-dir "$stage" --target web \
    --remove-name-section --remove-producers-section
  cp js/emulator/emulator.js js/emulator/index.js js/emulator/node.js js/emulator/workerd.js "$stage/"
  for entry in index node workerd; do
    node_modules/.bin/esbuild "$stage/$entry.js" --bundle --format=esm --platform=neutral --minify \
      --external:node:fs --external:./${name}_bg.wasm --log-level=warning --outfile="$dir/$entry.js" \
      --banner:js="/* mistral-edge $VERSION emulator: js/emulator/$entry.js and the modules it imports, bundled and minified */"
  done
  mv "$stage/${name}_bg.wasm" "$dir/"
  cp js/emulator/index.d.ts js/emulator/cli.js "$dir/"
  chmod +x "$dir/cli.js"
  rm -rf "$stage"
}

rm -rf "$OUT"
mkdir -p "$OUT/conversations"
build_entry "$OUT" "" js/api.js js/resources.js release
# The conversations entry's wasm inlines less (LLVM's inline threshold 40 instead of opt-level 3's
# 250): 3.3 KB gzip smaller, for its 60 KB budget, at a stream speed measured the same
# (ARCHITECTURE.md, "Size decisions"). Its own cargo profile keeps its artifacts apart.
build_entry "$OUT/conversations" conversations-only js/conversations/api.js js/conversations/resources.js \
  conversations "-C llvm-args=-inline-threshold=40"
build_emulator "$OUT/emulator"
# The conversations entry's types are the whole client's, narrowed (js/conversations/index.d.ts).
rm "$OUT/conversations/${CRATE}.d.ts"
cp js/index.d.ts js/resources.d.ts js/run.d.ts js/package.json "$OUT/"
cp js/conversations/index.d.ts js/conversations/resources.d.ts "$OUT/conversations/"
# The standalone functions (`core.js`, `funcs/*.js`, generated from src/request/surface.rs) and
# `models/errors` / `models/components`: small modules as written, importing the entry through
# package.json `imports` ("#entry"), so they share its wasm and classes and add nothing to it.
cp js/core.js js/core.d.ts js/result.js "$OUT/"
cp -R js/funcs js/models "$OUT/"
# `mistral-edge-client/lib/http.js`, where the official SDK has its HTTPClient (the entries bundle
# their own copy; the client takes any object with its `request` method).
mkdir -p "$OUT/lib"
cp js/http.js "$OUT/lib/http.js"
cp js/http.d.ts "$OUT/lib/http.d.ts"
# The package's README is the user guide: README.md up to the line that ends it (what follows, and
# CONTRIBUTING.md and ARCHITECTURE.md, is for working on the client and stays in the repository).
node -e '
  const fs = require("fs");
  const [from, to] = process.argv.slice(1);
  const text = fs.readFileSync(from, "utf8");
  const at = text.search(/^<!-- end of the user guide\b/m);
  if (at < 0) throw new Error(`build: ${from} has no "<!-- end of the user guide" line`);
  fs.writeFileSync(to, text.slice(0, at).trimEnd() + "\n");
' README.md "$OUT/README.md"

rm -rf "$FINAL.old"
[ -d "$FINAL" ] && mv "$FINAL" "$FINAL.old"
mv "$OUT" "$FINAL"
rm -rf "$FINAL.old"
node scripts/size.mjs "$FINAL"
