import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsCallTool } from "@mistralai/mistralai/funcs/betaConnectorsCallTool.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsCallTool(mistral, {
    toolName: "<value>",
    connectorIdOrName: "<value>",
    connectorCallToolRequest: {},
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsCallTool failed:", res.error);
  }
}

run();
