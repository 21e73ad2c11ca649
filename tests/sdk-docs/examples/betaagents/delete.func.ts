import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaAgentsDelete } from "@mistralai/mistralai/funcs/betaAgentsDelete.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaAgentsDelete(mistral, {
    agentId: "<id>",
  });
  if (res.ok) {
    const { value: result } = res;
    
  } else {
    console.log("betaAgentsDelete failed:", res.error);
  }
}

run();
