import { MistralCore } from "@mistralai/mistralai/core.js";
import { filesRetrieve } from "@mistralai/mistralai/funcs/filesRetrieve.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await filesRetrieve(mistral, {
    fileId: "f2a27685-ca4e-4dc2-9f2b-88c422c3e0f6",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("filesRetrieve failed:", res.error);
  }
}

run();
