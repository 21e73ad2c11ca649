// Checks the generated declarations: no snake_case key anywhere, and no change against the
// committed golden file unless it is updated on purpose (UPDATE_GOLDEN=1).
import { readFileSync, writeFileSync } from "node:fs";

const generated = readFileSync("pkg/mistral_edge.d.ts", "utf8");
const goldenPath = "tests/golden/mistral_edge.d.ts";
let failed = 0;

const snake = generated.split("\n").map((line, i) => [i + 1, line]).filter(([, line]) => /^\s+["']?[a-z0-9]+_[a-z0-9_]+["']?\??:/.test(line));
for (const [n, line] of snake) console.log(`dts: snake_case key at line ${n}: ${line.trim()}`);
failed += snake.length;

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
