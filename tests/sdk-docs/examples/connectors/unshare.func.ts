import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsUnshare } from "@mistralai/mistralai/funcs/betaConnectorsUnshare.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsUnshare(mistral, {
    connectorId: "d5bd99ac-c46d-43bb-835c-cb4833bf101d",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsUnshare failed:", res.error);
  }
}

run();
