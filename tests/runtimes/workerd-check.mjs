// workerd: the checks behind a fetch handler (bundled like wrangler does: "workerd" condition,
// the .wasm kept as a module import that workerd hands over as a WebAssembly.Module).
import * as mod from "mistral-edge-client";
import { MistralCore } from "mistral-edge-client/core.js";
import { betaConversationsStart } from "mistral-edge-client/funcs/betaConversationsStart.js";
import { betaConversationsAppend } from "mistral-edge-client/funcs/betaConversationsAppend.js";
import * as errors from "mistral-edge-client/models/errors";
import { runChecks } from "./check.mjs";

const standalone = { MistralCore, betaConversationsStart, betaConversationsAppend, errors };

export default {
  async fetch(request, env) {
    try {
      const summary = await runChecks(mod, env.SERVER_URL, { standalone });
      return Response.json({ ok: true, summary });
    } catch (error) {
      return Response.json({ ok: false, error: String((error && error.stack) || error) });
    }
  },
};
