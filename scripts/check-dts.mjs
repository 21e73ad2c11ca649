// Checks the generated declarations: no snake_case key anywhere, every value they declare is
// exported by each entry whose declarations re-export them as values (`export *`, not
// `export type *`; a class only the glue uses, such as the stream parser, is `skip_typescript`),
// and no change against the committed golden file unless it is updated on purpose (UPDATE_GOLDEN=1).
import { readFileSync, writeFileSync } from "node:fs";

const generated = readFileSync("pkg/mistral_edge.d.ts", "utf8");
const goldenPath = "tests/golden/mistral_edge.d.ts";
let failed = 0;

const snake = generated.split("\n").map((line, i) => [i + 1, line]).filter(([, line]) => /^\s+["']?[a-z0-9]+_[a-z0-9_]+["']?\??:/.test(line));
for (const [n, line] of snake) console.log(`dts: snake_case key at line ${n}: ${line.trim()}`);
failed += snake.length;

// `export class X`, `export function X`, ...: values, which an entry that re-exports them with
// `export * from "./mistral_edge.js"` must export at run time.
const values = [...generated.matchAll(/^export (?:declare )?(?:abstract )?(?:class|function|const|let|var|enum) (\w+)/gm)].map((m) => m[1]);
let checked = 0;
for (const [types, entry] of [["pkg/index.d.ts", "pkg/node.js"], ["pkg/conversations/index.d.ts", "pkg/conversations/node.js"]]) {
  if (!/^export \* from ["'](?:\.\.?\/)+mistral_edge\.js["']/m.test(readFileSync(types, "utf8"))) continue;
  checked++;
  const exported = await import(new URL(`../${entry}`, import.meta.url));
  for (const name of values.filter((name) => !(name in exported))) {
    console.log(`dts: pkg/mistral_edge.d.ts declares \`${name}\`, which ${entry} does not export`);
    failed++;
  }
}
if (checked === 0) {
  console.log("dts: no entry's declarations re-export pkg/mistral_edge.d.ts with `export *`: nothing was checked");
  failed++;
}

if (process.env.UPDATE_GOLDEN === "1") {
  writeFileSync(goldenPath, generated);
  console.log(`dts: wrote ${goldenPath}`);
} else {
  const golden = readFileSync(goldenPath, "utf8");
  if (golden !== generated) {
    const a = golden.split("\n"), b = generated.split("\n");
    const at = a.findIndex((line, i) => line !== b[i]);
    console.log(`dts: pkg/mistral_edge.d.ts differs from ${goldenPath} from line ${at + 1}:\n- ${a[at]}\n+ ${b[at]}`);
    console.log("dts: if the change is intended, run `UPDATE_GOLDEN=1 node scripts/check-dts.mjs` and commit the file");
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
