import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsCreateOrUpdateWorkspaceCredentials } from "@mistralai/mistralai/funcs/betaConnectorsCreateOrUpdateWorkspaceCredentials.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsCreateOrUpdateWorkspaceCredentials(mistral, {
    connectorIdOrName: "<value>",
    credentialsCreateOrUpdate: {
      name: "<value>",
    },
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsCreateOrUpdateWorkspaceCredentials failed:", res.error);
  }
}

run();
