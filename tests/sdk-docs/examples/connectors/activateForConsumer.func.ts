import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsActivateForConsumer } from "@mistralai/mistralai/funcs/betaConnectorsActivateForConsumer.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsActivateForConsumer(mistral, {
    connectorId: "1637d954-8ef0-4080-9228-89d4c05c915f",
    consumerScope: "workspace",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsActivateForConsumer failed:", res.error);
  }
}

run();
