// Prints the package's size: what a browser downloads (the wasm and the JS it imports), raw and gzip -9.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "pkg";
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|wasm)$/.test(name) && !/^(node|deno|workerd)\.js$/.test(name)) files.push(path);
  }
};
walk(dir);
let raw = 0;
let gz = 0;
for (const file of files) {
  const bytes = readFileSync(file);
  const zipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`size: ${file.padEnd(60)} ${String(bytes.length).padStart(8)} B  gzip -9 ${String(zipped).padStart(7)} B`);
}
console.log(`size: package (browser entry: wasm + js) ${raw} B raw, ${gz} B gzip -9 (${(gz / 1024).toFixed(1)} KiB)`);
