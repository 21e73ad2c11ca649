import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsUpdate } from "@mistralai/mistralai/funcs/betaConnectorsUpdate.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsUpdate(mistral, {
    connectorId: "81d30634-113f-4dce-a89e-7786be2d8693",
    updateConnectorRequest: {},
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsUpdate failed:", res.error);
  }
}

run();
