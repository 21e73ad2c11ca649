import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaAgentsDeleteVersionAlias } from "@mistralai/mistralai/funcs/betaAgentsDeleteVersionAlias.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaAgentsDeleteVersionAlias(mistral, {
    agentId: "<id>",
    alias: "<value>",
  });
  if (res.ok) {
    const { value: result } = res;
    
  } else {
    console.log("betaAgentsDeleteVersionAlias failed:", res.error);
  }
}

run();
