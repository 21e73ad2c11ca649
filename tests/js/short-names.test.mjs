// scripts/short-names.mjs on a hand-made module shaped like wasm-bindgen's output: 60 hashed imports
// (so names run past one letter), exports reached as `wasm.<name>`, and a `memory` that keeps its name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const script = fileURLToPath(new URL("../../scripts/short-names.mjs", import.meta.url));
const IMPORTS = 60;

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const str = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, body) => [id, ...leb(body.length), ...body];
/** A section whose size is written in 5 bytes, as walrus (wasm-bindgen) writes them. */
const padded = (id, body) => {
  const n = body.length;
  return [id, (n & 0x7f) | 0x80, ((n >> 7) & 0x7f) | 0x80, ((n >> 14) & 0x7f) | 0x80, ((n >> 21) & 0x7f) | 0x80, (n >> 28) & 0x0f, ...body];
};
const vec = (items) => [...leb(items.length), ...items.flat()];
const importName = (i) => `__wbg_value${i}_${(0x1234abcd + i).toString(16).padStart(16, "0")}`;

/** A module importing IMPORTS functions () -> i32, exporting `sum_all` (their sum) and a memory;
 * `wrap` writes each section (minimal or padded sizes). */
function module(wrap = section) {
  const types = wrap(1, vec([[0x60, 0, 1, 0x7f]]));
  const imports = wrap(2, vec(Array.from({ length: IMPORTS }, (_, i) => [...str("./demo_bg.js"), ...str(importName(i)), 0, 0])));
  const funcs = wrap(3, vec([[0]]));
  const memory = wrap(5, vec([[0, 1]]));
  const exports = wrap(7, vec([[...str("memory"), 2, 0], [...str("sum_all"), 0, ...leb(IMPORTS)]]));
  const calls = [];
  for (let i = 0; i < IMPORTS; i++) calls.push(0x10, ...leb(i), ...(i ? [0x6a] : []));
  const body = [0, ...calls, 0x0b];
  const code = wrap(10, vec([[...leb(body.length), ...body]]));
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...memory, ...exports, ...code]);
}

const glue = () => `
const import0 = {
  __proto__: null,
${Array.from({ length: IMPORTS }, (_, i) => `  ${importName(i)}: function() { return ${i}; },`).join("\n")}
};
export function run(bytes) {
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./demo_bg.js": import0 }).exports;
  return { sum: wasm.sum_all(), memory: wasm.memory instanceof WebAssembly.Memory, names: Object.keys(wasm) };
}
`;

for (const [sizes, wrap] of [["minimal", section], ["padded", padded]]) test(`short names (${sizes} section sizes): the renamed module and glue still link, every name is short, memory is kept`, async () => {
  const dir = mkdtempSync(join(tmpdir(), "short-names-"));
  try {
    const original = module(wrap);
    assert.ok(WebAssembly.validate(original));
    writeFileSync(join(dir, "demo_bg.wasm"), original);
    writeFileSync(join(dir, "demo.js"), glue());
    const run = spawnSync(process.execPath, [script, dir, "demo"], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /60 imports and 1 exports renamed/);
    const js = readFileSync(join(dir, "demo.js"), "utf8");
    assert.doesNotMatch(js, /__wbg_value/);
    assert.doesNotMatch(js, /sum_all/);
    const { run: instantiate } = await import(pathToFileURL(join(dir, "demo.js")).href);
    const result = instantiate(readFileSync(join(dir, "demo_bg.wasm")));
    assert.equal(result.sum, (IMPORTS * (IMPORTS - 1)) / 2);
    assert.equal(result.memory, true);
    assert.deepEqual(result.names.sort(), ["a", "memory"]);
    const wasm = readFileSync(join(dir, "demo_bg.wasm"));
    assert.ok(WebAssembly.validate(wasm));
    assert.equal(WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => i.name.length > 2).length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("short names: a name the glue does not spell as a key is an error, not a silent mismatch", () => {
  const dir = mkdtempSync(join(tmpdir(), "short-names-"));
  try {
    writeFileSync(join(dir, "demo_bg.wasm"), module());
    writeFileSync(join(dir, "demo.js"), glue().replace(`${importName(7)}: function`, `["${importName(7)}"]: function`));
    const run = spawnSync(process.execPath, [script, dir, "demo"], { encoding: "utf8" });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, new RegExp(`import ${importName(7)} is not a key`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
