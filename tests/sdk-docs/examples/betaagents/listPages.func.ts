import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaAgentsListPages } from "@mistralai/mistralai/funcs/betaAgentsListPages.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaAgentsListPages(mistral, {});
  if (res.ok) {
    const { value: result } = res;
    for await (const page of result) {
    console.log(page);
  }
  } else {
    console.log("betaAgentsListPages failed:", res.error);
  }
}

run();
