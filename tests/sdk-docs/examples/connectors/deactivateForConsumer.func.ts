import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsDeactivateForConsumer } from "@mistralai/mistralai/funcs/betaConnectorsDeactivateForConsumer.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsDeactivateForConsumer(mistral, {
    connectorId: "1266a170-0379-4b3f-9305-d10fd2a83d29",
    consumerScope: "workspace",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsDeactivateForConsumer failed:", res.error);
  }
}

run();
