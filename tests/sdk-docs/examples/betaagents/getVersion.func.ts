import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaAgentsGetVersion } from "@mistralai/mistralai/funcs/betaAgentsGetVersion.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaAgentsGetVersion(mistral, {
    agentId: "<id>",
    version: "<value>",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaAgentsGetVersion failed:", res.error);
  }
}

run();
