// workerd: the checks behind a fetch handler (bundled like wrangler does: "workerd" condition,
// the .wasm kept as a module import that workerd hands over as a WebAssembly.Module).
import * as mod from "mistral-edge-client";
import { runChecks } from "./check.mjs";

export default {
  async fetch(request, env) {
    try {
      const summary = await runChecks(mod, env.SERVER_URL);
      return Response.json({ ok: true, summary });
    } catch (error) {
      return Response.json({ ok: false, error: String((error && error.stack) || error) });
    }
  },
};
