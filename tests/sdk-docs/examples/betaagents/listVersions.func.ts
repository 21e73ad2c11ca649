import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaAgentsListVersions } from "@mistralai/mistralai/funcs/betaAgentsListVersions.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaAgentsListVersions(mistral, {
    agentId: "<id>",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaAgentsListVersions failed:", res.error);
  }
}

run();
