import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsDeleteOrganizationCredentials } from "@mistralai/mistralai/funcs/betaConnectorsDeleteOrganizationCredentials.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsDeleteOrganizationCredentials(mistral, {
    credentialsName: "<value>",
    connectorIdOrName: "<value>",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsDeleteOrganizationCredentials failed:", res.error);
  }
}

run();
