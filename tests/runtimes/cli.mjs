// Node, Deno and Bun: `<runtime> cli.mjs <emulator URL> [specifier]` inside the temporary consumer
// project, where "mistral-edge-client" is the installed tarball; `specifier` is the entry to check
// ("mistral-edge-client", or "mistral-edge-client/conversations"). Prints one `RESULT {json}` line, exits 0 or 1.
import { runChecks } from "./check.mjs";

const args = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
const specifier = args[1] ?? "mistral-edge-client";
try {
  const mod = await import(specifier);
  // The whole client's entry also has the standalone functions (one specifier with `.js`, one without).
  const standalone = specifier === "mistral-edge-client" ? {
    ...(await import("mistral-edge-client/core.js")),
    ...(await import("mistral-edge-client/funcs/betaConversationsStart.js")),
    ...(await import("mistral-edge-client/funcs/betaConversationsAppend")),
    errors: await import("mistral-edge-client/models/errors"),
  } : undefined;
  const summary = await runChecks(mod, args[0], { standalone });
  // Which `exports` condition won: `node.js`, or `conversations/node.js`, ...
  summary.entry = import.meta.resolve(specifier).split("/mistral-edge-client/").pop();
  console.log("RESULT " + JSON.stringify(summary));
} catch (error) {
  console.log("FAILED " + (error && error.stack || error));
  if (globalThis.Deno) globalThis.Deno.exit(1); else process.exit(1);
}
