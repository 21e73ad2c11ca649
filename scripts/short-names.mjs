// Shortens the names the wasm and its JS glue know each other by, in a wasm-bindgen --target web
// output directory:
//
//   node scripts/short-names.mjs <dir> <crate>
//
// wasm-bindgen names every import `__wbg_<name>_<16 hex digits of hash>` and every export after its
// Rust path (`raweventstream_finalResponse`). Each name is spelled twice, in the wasm's import or
// export section and in the glue, and the hashes do not compress: ~50 imports and ~40 exports cost
// about 1 KB gzip. Here each becomes a one- or two-letter name in both files. `memory` keeps its
// name (the glue's users may read it). The glue is rewritten only where it names them: keys of the
// import object and `wasm.<export>` accesses; the script fails if any old name is left in it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, crate] = process.argv.slice(2);
if (!dir || !crate) throw new Error("usage: short-names.mjs <dir> <crate>");
const wasmPath = join(dir, `${crate}_bg.wasm`);
const jsPath = join(dir, `${crate}.js`);
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, "utf8");

// ---- reading and writing the bits of the binary format we touch
let pos = 0;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return result;
    shift += 7;
  }
};
const name = () => {
  const len = u32();
  const text = wasm.toString("utf8", pos, pos + len);
  pos += len;
  return text;
};
const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};
const encodeName = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
};
const limits = () => {
  const flags = wasm[pos++];
  u32();
  if (flags & 1) u32();
};

// a, b, ..., Z, aa, ab, ...: short, distinct, valid JS identifiers.
const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (i) => {
  let s = "";
  for (i += 1; i > 0; i = Math.floor((i - 1) / ALPHABET.length)) s = ALPHABET[(i - 1) % ALPHABET.length] + s;
  return s;
};

const imports = new Map(); // old field name -> new
const exports = new Map();
const sections = [];
if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
pos = 8;
while (pos < wasm.length) {
  const sectionStart = pos;
  const id = wasm[pos++];
  const size = u32();
  const start = pos;
  const end = start + size;
  if (id === 2) {
    const parts = [];
    const count = u32();
    for (let i = 0; i < count; i++) {
      const module = name();
      const field = name();
      const descStart = pos;
      const kind = wasm[pos++];
      if (kind === 0) u32();
      else if (kind === 1) { pos++; limits(); }
      else if (kind === 2) limits();
      else if (kind === 3) pos += 2;
      else if (kind === 4) { pos++; u32(); }
      else throw new Error(`unknown import kind ${kind}`);
      let renamed = field;
      if (/^__wbg_|^__wbindgen_/.test(field)) {
        if (!imports.has(field)) imports.set(field, short(imports.size));
        renamed = imports.get(field);
      }
      parts.push(encodeName(module), encodeName(renamed), wasm.subarray(descStart, pos));
    }
    if (pos !== end) throw new Error(`short-names: the import section ends at ${pos}, not ${end}`);
    const body = Buffer.concat([leb(count), ...parts]);
    sections.push(Buffer.from([id]), leb(body.length), body);
  } else if (id === 7) {
    const parts = [];
    const count = u32();
    for (let i = 0; i < count; i++) {
      const field = name();
      const kind = wasm[pos++];
      const index = u32();
      let renamed = field;
      if (field !== "memory") {
        renamed = short(exports.size);
        exports.set(field, renamed);
      }
      parts.push(encodeName(renamed), Buffer.from([kind]), leb(index));
    }
    if (pos !== end) throw new Error(`short-names: the export section ends at ${pos}, not ${end}`);
    const body = Buffer.concat([leb(count), ...parts]);
    sections.push(Buffer.from([id]), leb(body.length), body);
  } else {
    // Copied as it is, size field and all (whatever its LEB128 padding).
    sections.push(wasm.subarray(sectionStart, end));
  }
  pos = end;
}

// ---- the glue: import-object keys (unique, hashed names) and `wasm.<export>`
const escape = (s) => s.replace(/[$]/g, "\\$&");
for (const [old, renamed] of imports) {
  const pattern = new RegExp(`(^|[^\\w$])${escape(old)}(?=\\s*:)`, "gm");
  const before = js;
  js = js.replace(pattern, `$1${renamed}`);
  if (js === before) throw new Error(`short-names: import ${old} is not a key in ${jsPath}`);
}
for (const [old, renamed] of exports) {
  const pattern = new RegExp(`\\bwasm\\.${escape(old)}(?![\\w$])`, "g");
  js = js.replace(pattern, `wasm.${renamed}`);
}
for (const old of [...imports.keys(), ...exports.keys()]) {
  const left = new RegExp(`(^|[^\\w$])${escape(old)}(?![\\w$])`, "m").exec(js);
  // Exported class methods keep their JS names (`finish`, `feed`); only the wasm's names changed.
  if (left && (imports.has(old) || /[_]/.test(old))) {
    throw new Error(`short-names: ${old} is still named in ${jsPath} after renaming`);
  }
}
const out = Buffer.concat([wasm.subarray(0, 8), ...sections]);
if (!WebAssembly.validate(out)) throw new Error(`short-names: the rewritten ${wasmPath} does not validate`);
writeFileSync(wasmPath, out);
writeFileSync(jsPath, js);
console.log(`short-names: ${imports.size} imports and ${exports.size} exports renamed`);
