// Node, Deno and Bun: `<runtime> emulator-cli.mjs [MCP server URL]` in the consumer project.
// Prints one `RESULT {json}` line (with the file the `./emulator` export resolved to), exits 0 or 1.
import { createEmulator } from "mistral-edge-client/emulator";
import { runEmulatorChecks } from "./emulator-check.mjs";

const args = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
try {
  const summary = await runEmulatorChecks(createEmulator, { mcpUrl: args[0] });
  summary.entry = import.meta.resolve("mistral-edge-client/emulator").split("/mistral-edge-client/").pop();
  console.log("RESULT " + JSON.stringify(summary));
  if (globalThis.Deno) globalThis.Deno.exit(0); else process.exit(0);
} catch (error) {
  console.log("FAILED " + ((error && error.stack) || error));
  if (globalThis.Deno) globalThis.Deno.exit(1); else process.exit(1);
}
