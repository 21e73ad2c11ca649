import { MistralCore } from "@mistralai/mistralai/core.js";
import { filesDelete } from "@mistralai/mistralai/funcs/filesDelete.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await filesDelete(mistral, {
    fileId: "3b6d45eb-e30b-416f-8019-f47e2e93d930",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("filesDelete failed:", res.error);
  }
}

run();
