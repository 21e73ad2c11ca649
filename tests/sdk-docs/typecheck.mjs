// tsc --strict --noEmit (no skipLibCheck) over the examples, in a temporary project with both
// packages installed under their npm names and the imports pointed at one of them.

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listExamples, rewriteImports } from "./cases.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** tsc's exit code and output for the examples importing `specifier`. */
export async function typecheck(specifier) {
  const dir = mkdtempSync(join(tmpdir(), "sdk-docs-tsc-"));
  try {
    mkdirSync(join(dir, "node_modules/@mistralai"), { recursive: true });
    symlinkSync(join(root, "pkg"), join(dir, "node_modules/mistral-edge-client"));
    symlinkSync(join(root, "node_modules/@mistralai/mistralai"), join(dir, "node_modules/@mistralai/mistralai"));
    symlinkSync(join(root, "node_modules/@types"), join(dir, "node_modules/@types"));
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    const compilerOptions = {
      strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022",
      lib: ["es2022", "esnext.disposable", "dom", "dom.iterable"], types: ["node"],
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["examples/**/*.ts"] }));
    for (const example of listExamples()) {
      mkdirSync(join(dir, "examples", example.resource), { recursive: true });
      writeFileSync(join(dir, "examples", `${example.name}.ts`), rewriteImports(example.code, specifier));
    }
    return await new Promise((resolve) => {
      const tsc = spawn(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], { cwd: dir });
      let out = "";
      tsc.stdout.on("data", (d) => (out += d));
      tsc.stderr.on("data", (d) => (out += d));
      tsc.once("exit", (code) => resolve({ code, out }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "examples/betaagents/create.func.ts(3,1): error TS…" lines, grouped by example. */
export function tscErrorsByExample(out) {
  const byExample = new Map();
  for (const line of out.split("\n")) {
    const m = line.match(/^examples\/(\w+\/\w+\.(?:method|func))\.ts\(\d+,\d+\): (error TS\d+: .*)$/);
    if (!m) continue;
    if (!byExample.has(m[1])) byExample.set(m[1], []);
    byExample.get(m[1]).push(m[2]);
  }
  return byExample;
}
