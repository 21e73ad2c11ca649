import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsDeleteUserCredentials } from "@mistralai/mistralai/funcs/betaConnectorsDeleteUserCredentials.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsDeleteUserCredentials(mistral, {
    credentialsName: "<value>",
    connectorIdOrName: "<value>",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsDeleteUserCredentials failed:", res.error);
  }
}

run();
