import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsListOrganizationCredentials } from "@mistralai/mistralai/funcs/betaConnectorsListOrganizationCredentials.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsListOrganizationCredentials(mistral, {
    connectorIdOrName: "<value>",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsListOrganizationCredentials failed:", res.error);
  }
}

run();
