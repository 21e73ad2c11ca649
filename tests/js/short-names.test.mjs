// Short names, as scripts/build.sh makes them: binaryen's `wasm-opt
// --minify-imports-and-exports-and-modules` renames the wasm's imports, their module and its
// exports and prints the map; scripts/short-names.mjs renames them in the glue and checks that no
// old name is left. On a hand-made module shaped like wasm-bindgen's output: 60 hashed imports (so
// names run past one letter), exports reached as `wasm.<name>`, one of them without a `_`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const script = fileURLToPath(new URL("../../scripts/short-names.mjs", import.meta.url));
const wasmOpt = fileURLToPath(new URL("../../node_modules/.bin/wasm-opt", import.meta.url));
const IMPORTS = 60;
const MODULE = "./demo_bg.js";

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
const vec = (items) => [...leb(items.length), ...items.flat()];
const SNIPPET = "./snippets/demo-0123/js/transport.js";
const snippetName = (i) => (i === IMPORTS - 1 ? "send" : `send${IMPORTS - i}`);
const importName = (i) => `__wbg_value${i}_${(0x1234abcd + i).toString(16).padStart(16, "0")}`;

/** A module importing IMPORTS functions () -> i32 from MODULE (the last `extra` of them from
 * SNIPPET, named `send`, `send2`, ...), exporting their sum as `sum_all` and as `total`, and a memory. */
function module(extra = 0) {
  const types = section(1, vec([[0x60, 0, 1, 0x7f]]));
  const from = (i) => (i < IMPORTS - extra ? [...str(MODULE), ...str(importName(i))] : [...str(SNIPPET), ...str(snippetName(i))]);
  const imports = section(2, vec(Array.from({ length: IMPORTS }, (_, i) => [...from(i), 0, 0])));
  const funcs = section(3, vec([[0]]));
  const memory = section(5, vec([[0, 1]]));
  const exports = section(7, vec([[...str("memory"), 2, 0], [...str("sum_all"), 0, ...leb(IMPORTS)], [...str("total"), 0, ...leb(IMPORTS)]]));
  const calls = [];
  for (let i = 0; i < IMPORTS; i++) calls.push(0x10, ...leb(i), ...(i ? [0x6a] : []));
  const body = [0, ...calls, 0x0b];
  const code = section(10, vec([[...leb(body.length), ...body]]));
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...memory, ...exports, ...code]);
}

const glue = () => `
function imports() {
  const import0 = {
    __proto__: null,
${Array.from({ length: IMPORTS }, (_, i) => `    ${importName(i)}: function() { return ${i}; },`).join("\n")}
  };
  return { __proto__: null, "${MODULE}": import0 };
}
export function total(wasm) { return wasm.total(); }
export function run(bytes) {
  const wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports()).exports;
  return { sum: wasm.sum_all(), total: total(wasm), memory: wasm.memory instanceof WebAssembly.Memory };
}
`;

/** The module and `js` as the glue in a fresh directory, minified by wasm-opt; then the script. */
function shorten(js, extra = 0) {
  const dir = mkdtempSync(join(tmpdir(), "short-names-"));
  const wasm = join(dir, "demo_bg.wasm");
  writeFileSync(wasm, module(extra));
  writeFileSync(join(dir, "demo.js"), js);
  const minify = spawnSync(wasmOpt, ["--minify-imports-and-exports-and-modules", wasm, "-o", wasm], { encoding: "utf8" });
  assert.equal(minify.status, 0, minify.stderr);
  writeFileSync(join(dir, "names.json"), minify.stdout);
  const run = spawnSync(process.execPath, [script, dir, "demo", join(dir, "names.json")], { encoding: "utf8" });
  return { dir, run };
}

test("short names: the minified module and the renamed glue still link, and no old name is left in either", async () => {
  const { dir, run } = shorten(glue());
  try {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /60 imports, 1 module and 3 exports renamed/);
    const js = readFileSync(join(dir, "demo.js"), "utf8");
    assert.doesNotMatch(js, /__wbg_value|demo_bg\.js|wasm\.(sum_all|total|memory)\b/);
    assert.match(js, /export function total\(wasm\)/, "the glue's own exported names stay");
    const { run: instantiate } = await import(pathToFileURL(join(dir, "demo.js")).href);
    const result = instantiate(readFileSync(join(dir, "demo_bg.wasm")));
    assert.equal(result.sum, (IMPORTS * (IMPORTS - 1)) / 2);
    assert.equal(result.total, result.sum);
    assert.equal(result.memory, true);
    const wasm = new WebAssembly.Module(readFileSync(join(dir, "demo_bg.wasm")));
    const names = [...WebAssembly.Module.imports(wasm).flatMap((i) => [i.module, i.name]), ...WebAssembly.Module.exports(wasm).map((e) => e.name)];
    assert.deepEqual(names.filter((name) => name.length > 2), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs the script on a glue edited by `edit` and expects it to fail with `message`. */
function refuses(edit, message) {
  const { dir, run } = shorten(edit(glue()));
  try {
    assert.notEqual(run.status, 0, "the script accepted it");
    assert.match(run.stderr, message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("short names: an import the glue does not spell as a key is an error, not a silent mismatch", () => {
  refuses((js) => js.replace(`${importName(7)}: function`, `[${JSON.stringify(importName(7))}]: function`),
    new RegExp(`import ${importName(7)} is not a key`));
});

test("short names: an old import name left anywhere in the glue is an error", () => {
  refuses((js) => js.replace("return { __proto__", `void ${JSON.stringify(importName(3))};\n  return { __proto__`),
    new RegExp(`${importName(3)} is still named`));
});

test("short names: an old export name still reached, `_` or not, is an error", () => {
  refuses((js) => js.replace("return wasm.total()", 'return wasm["total"]()'), /export total is still reached/);
  refuses((js) => js.replace("wasm.sum_all()", "wasm [ 'sum_all' ]()"), /export sum_all is still reached/);
});

test("short names: an export the new wasm does not have, or one reached by a computed name, is an error", () => {
  refuses((js) => js.replace("return wasm.total()", "return wasm.totals()"), /reaches wasm\.totals, which .* does not export/);
  refuses((js) => js.replace("return wasm.total()", 'return wasm["to" + "tal"]()'), /reaches an export by a computed name/);
});

test("short names: a snippet's function the wasm imports straight from its module joins the one import object", async () => {
  // wasm-bindgen imports a function whose arguments and result are JS values as it is, from its
  // snippet's namespace; binaryen moves it into the one module with the rest.
  const extra = 2;
  const js = `import * as import1 from "${SNIPPET}";\n` +
    glue().replace(`"${MODULE}": import0 }`, `"${MODULE}": import0, "${SNIPPET}": import1 }`);
  const { dir, run } = shorten(js, extra);
  try {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\(2 straight from a snippet\)/);
    mkdirSync(join(dir, "snippets/demo-0123/js"), { recursive: true });
    writeFileSync(join(dir, SNIPPET), Array.from({ length: extra }, (_, k) => {
      const i = IMPORTS - extra + k;
      return `export function ${snippetName(i)}() { return ${i}; }\n`;
    }).join(""));
    const glued = readFileSync(join(dir, "demo.js"), "utf8");
    assert.doesNotMatch(glued, new RegExp(`"${SNIPPET.replace(/[./]/g, "\\$&")}":`), "the snippet is no import object key");
    const { run: instantiate } = await import(pathToFileURL(join(dir, "demo.js")).href);
    const result = instantiate(readFileSync(join(dir, "demo_bg.wasm")));
    assert.equal(result.sum, (IMPORTS * (IMPORTS - 1)) / 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
