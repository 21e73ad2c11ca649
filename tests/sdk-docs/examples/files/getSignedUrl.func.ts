import { MistralCore } from "@mistralai/mistralai/core.js";
import { filesGetSignedUrl } from "@mistralai/mistralai/funcs/filesGetSignedUrl.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await filesGetSignedUrl(mistral, {
    fileId: "06a020ab-355c-49a6-b19d-304b7c01699f",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("filesGetSignedUrl failed:", res.error);
  }
}

run();
