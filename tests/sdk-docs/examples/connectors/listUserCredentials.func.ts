import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsListUserCredentials } from "@mistralai/mistralai/funcs/betaConnectorsListUserCredentials.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsListUserCredentials(mistral, {
    connectorIdOrName: "<value>",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsListUserCredentials failed:", res.error);
  }
}

run();
