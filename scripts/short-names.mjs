// The glue's half of shortening the names the wasm and its JS glue know each other by, in a
// wasm-bindgen --target web output directory:
//
//   node scripts/short-names.mjs <dir> <crate> <map.json>
//
// wasm-bindgen names every import `__wbg_<name>_<16 hex digits of hash>` (all from the module
// `./<crate>_bg.js`) and every export after its Rust path (`ssedecoder_feed`); each name is spelled
// in the wasm and in the glue, and the hashes do not compress. binaryen renames them in the wasm
// (`wasm-opt --minify-imports-and-exports-and-modules`, scripts/build.sh) and prints the map
// (`{ imports: [[module, name, new name]], exports: [[name, new name]] }`), which this reads to
// rename them in the glue: the import object's keys (its module's and each function's) and the
// `wasm.<export>` accesses. It then checks that no old name is left: no import or module name
// anywhere in the glue, no old export name reached through `wasm`, and every export the glue
// reaches one the new wasm has. (Exported functions and class methods keep their JavaScript names:
// `call`, `feed`; only what they call changed.)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, crate, mapPath] = process.argv.slice(2);
if (!dir || !crate || !mapPath) throw new Error("usage: short-names.mjs <dir> <crate> <map.json>");
const wasmPath = join(dir, `${crate}_bg.wasm`);
const jsPath = join(dir, `${crate}.js`);
const map = JSON.parse(readFileSync(mapPath, "utf8"));
const wasm = new WebAssembly.Module(readFileSync(wasmPath));
let js = readFileSync(jsPath, "utf8");
const fail = (message) => {
  throw new Error(`short-names: ${message}`);
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `name` where it stands alone (not part of a longer identifier). */
const alone = (name, flags = "g") => new RegExp(`(^|[^\\w$])${escape(name)}(?![\\w$])`, flags);
/** `name` as an object key: `name:`, `"name":` or `'name':`. */
const key = (name) => new RegExp(`(^|[^\\w$])(["']?)${escape(name)}\\2(?=\\s*:)`, "gm");

// The new wasm's names: every import from one module, every export.
const wasmImports = WebAssembly.Module.imports(wasm);
const modules = new Set(wasmImports.map((i) => i.module));
if (modules.size > 1) fail(`the wasm imports from ${modules.size} modules, not one: ${[...modules].join(", ")}`);
const newModule = [...modules][0];
const newExports = new Set(WebAssembly.Module.exports(wasm).map((e) => e.name));
const renamedExports = new Map(map.exports.map(([old, renamed]) => [old, renamed]));
for (const renamed of renamedExports.values()) if (!newExports.has(renamed)) fail(`the map's export ${renamed} is not in ${wasmPath}`);

// A snippet's function whose arguments and result need no conversion (JS values only) is imported
// by the wasm straight from its module, which the import object lists as a namespace
// (`"./snippets/.../transport.js": import1`) rather than as an object of glue functions. binaryen
// moved such imports into the one module too: each becomes a key of the glue's first import object
// (`h: import1.send`), and the namespace's entry goes.
const namespaces = new Map();
for (const [line, , module, namespace] of js.matchAll(/(["'])(\.\/snippets\/[^"']+)\1\s*:\s*(import\d+)\s*,?/g)) {
  namespaces.set(module, { line, namespace });
}
const direct = map.imports.filter(([module]) => namespaces.has(module));
if (direct.length > 0) {
  const first = /const import0 = \{\n(\s*)__proto__: null,\n/.exec(js);
  if (!first) fail(`no import object \`import0\` in ${jsPath} to move ${direct.map(([, name]) => name).join(", ")} into`);
  const keys = direct.map(([module, old, renamed]) => `${first[1]}${renamed}: ${namespaces.get(module).namespace}.${old},\n`);
  js = js.replace(first[0], first[0] + keys.join(""));
  for (const { line } of namespaces.values()) js = js.replace(line, "");
}

// The import object: each function's key, then the module's.
const oldModules = new Set();
for (const [module, old, renamed] of map.imports) {
  if (namespaces.has(module)) continue;
  oldModules.add(module);
  const before = js;
  js = js.replace(key(old), `$1${renamed}`);
  if (js === before) fail(`import ${old} is not a key in ${jsPath}`);
}
for (const old of oldModules) {
  const before = js;
  js = js.replace(key(old), `$1${JSON.stringify(newModule)}`);
  if (js === before) fail(`module ${old} is not a key in ${jsPath}`);
}
// `wasm.<export>`: the glue reaches the exports through its `wasm` variable (in one pass, so that
// a new name is never renamed again).
js = js.replace(/\bwasm\.([\w$]+)/g, (access, name) => (renamedExports.has(name) ? `wasm.${renamedExports.get(name)}` : access));

// Nothing old is left, whatever its spelling (a direct import's name only as its namespace's
// member, `import1.send`, and its module only in the glue's `import` statement).
for (const old of [...oldModules, ...map.imports.filter(([m]) => !namespaces.has(m)).map(([, name]) => name)]) {
  if (alone(old, "m").test(js)) fail(`${old} is still named in ${jsPath} after renaming`);
}
for (const [module, old] of direct) {
  const { namespace } = namespaces.get(module);
  const uses = js.split(new RegExp(`(?<![\\w$.])${escape(old)}(?![\\w$])`)).length - 1;
  const members = js.split(`${namespace}.${old},`).length - 1;
  if (members !== 1 || uses !== 0) fail(`direct import ${old} of ${module} is not exactly one key \`${namespace}.${old}\` in ${jsPath}`);
  if (key(module).test(js)) fail(`${module} is still an import object key in ${jsPath}`);
}
for (const old of renamedExports.keys()) {
  const reached = new RegExp(`\\bwasm\\s*(?:\\.\\s*${escape(old)}(?![\\w$])|\\[\\s*(["'\`])${escape(old)}\\1\\s*\\])`).exec(js);
  if (reached) fail(`export ${old} is still reached in ${jsPath} after renaming (\`${reached[0]}\`)`);
}
for (const [access, name] of js.matchAll(/\bwasm\s*(?:\.\s*([\w$]+)|\[)/g)) {
  if (name === undefined) fail(`${jsPath} reaches an export by a computed name (\`${access}\`), which cannot be checked`);
  if (!newExports.has(name)) fail(`${jsPath} reaches wasm.${name}, which ${wasmPath} does not export`);
}

writeFileSync(jsPath, js);
const straight = direct.length > 0 ? ` (${direct.length} straight from a snippet)` : "";
console.log(`short-names: ${map.imports.length} imports, ${oldModules.size} module and ${renamedExports.size} exports renamed in the glue${straight}`);
