// Prints the package's sizes: what a browser downloads, raw and gzip -9, for the whole client
// (package.json's `.` export) and the conversations entry (`./conversations`): the `browser`
// file, every module it imports (followed statically), and the wasm it fetches.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { gzipSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "pkg";
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

/** The files a browser loads for `entry`: it, every module it imports, and the wasm it fetches. */
function graph(entry) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    if (!existsSync(file)) throw new Error(`size: ${file} is imported but missing`);
    files.add(file);
    if (!file.endsWith(".js")) return;
    const text = readFileSync(file, "utf8");
    // `import ... from "./x"`, `export ... from "./x"`, `import "./x"`, `new URL("./x", import.meta.url)`
    for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(join(dirname(file), spec));
    }
  };
  visit(entry);
  return files;
}

for (const [name, what] of [[".", "package (browser entry: wasm + js)"], ["./conversations", "conversations entry (browser: wasm + js)"], ["./emulator", "emulator entry (browser: wasm + js)"]]) {
  const entry = manifest.exports[name]?.browser;
  if (entry === undefined) continue;
  let raw = 0;
  let gz = 0;
  for (const file of graph(join(dir, entry))) {
    const bytes = readFileSync(file);
    const zipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
    raw += bytes.length;
    gz += zipped;
    console.log(`size: ${relative(".", file).padEnd(40)} ${String(bytes.length).padStart(8)} B  gzip -9 ${String(zipped).padStart(7)} B`);
  }
  console.log(`size: ${what} ${raw} B raw, ${gz} B gzip -9 (${(gz / 1000).toFixed(1)} KB)`);
}
