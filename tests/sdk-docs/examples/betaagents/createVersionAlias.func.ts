import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaAgentsCreateVersionAlias } from "@mistralai/mistralai/funcs/betaAgentsCreateVersionAlias.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaAgentsCreateVersionAlias(mistral, {
    agentId: "<id>",
    alias: "<value>",
    version: 595141,
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaAgentsCreateVersionAlias failed:", res.error);
  }
}

run();
