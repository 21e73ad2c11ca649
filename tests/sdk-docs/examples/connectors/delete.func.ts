import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsDelete } from "@mistralai/mistralai/funcs/betaConnectorsDelete.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsDelete(mistral, {
    connectorId: "5c3269fe-6a18-4216-b1fb-b093005874cd",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsDelete failed:", res.error);
  }
}

run();
