import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsShare } from "@mistralai/mistralai/funcs/betaConnectorsShare.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsShare(mistral, {
    connectorId: "cf748b50-632b-46d6-98c3-b015086cb194",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsShare failed:", res.error);
  }
}

run();
