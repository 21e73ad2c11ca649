// Node, Deno and Bun: `<runtime> cli.mjs <emulator URL>` inside the temporary consumer project,
// where "mistral-edge" is the installed tarball. Prints one `RESULT {json}` line, exits 0 or 1.
import * as mod from "mistral-edge";
import { runChecks } from "./check.mjs";

const args = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
try {
  const summary = await runChecks(mod, args[0]);
  summary.entry = import.meta.resolve("mistral-edge").split("/").pop();   // which `exports` condition won
  console.log("RESULT " + JSON.stringify(summary));
} catch (error) {
  console.log("FAILED " + (error && error.stack || error));
  if (globalThis.Deno) globalThis.Deno.exit(1); else process.exit(1);
}
