import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsCreateOrUpdateUserCredentials } from "@mistralai/mistralai/funcs/betaConnectorsCreateOrUpdateUserCredentials.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsCreateOrUpdateUserCredentials(mistral, {
    connectorIdOrName: "<value>",
    credentialsCreateOrUpdate: {
      name: "<value>",
    },
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsCreateOrUpdateUserCredentials failed:", res.error);
  }
}

run();
