import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsDeleteAllUserCredentials } from "@mistralai/mistralai/funcs/betaConnectorsDeleteAllUserCredentials.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsDeleteAllUserCredentials(mistral, {
    connectorIdOrName: "5d332e4a-b496-4634-bfa5-8233e837b143",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsDeleteAllUserCredentials failed:", res.error);
  }
}

run();
