import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConnectorsCreate } from "@mistralai/mistralai/funcs/betaConnectorsCreate.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConnectorsCreate(mistral, {
    name: "<value>",
    description: "unibody usually despite slushy wherever reward stingy from",
    server: "https://royal-majority.net/",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConnectorsCreate failed:", res.error);
  }
}

run();
