// workerd and edge-runtime: the emulator checks behind a fetch handler (workerd) or a global
// function (edge-runtime), bundled with the runtime's export condition.
import { createEmulator } from "mistral-edge-client/emulator";
import { runEmulatorChecks } from "./emulator-check.mjs";

globalThis.__runEmulatorChecks = (mcpUrl) => runEmulatorChecks(createEmulator, { mcpUrl });

export default {
  async fetch(request, env) {
    try {
      return Response.json({ ok: true, summary: await runEmulatorChecks(createEmulator, { mcpUrl: env.MCP_URL }) });
    } catch (error) {
      return Response.json({ ok: false, error: String((error && error.stack) || error) });
    }
  },
};
