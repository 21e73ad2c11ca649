import { MistralCore } from "@mistralai/mistralai/core.js";
import { filesDownload } from "@mistralai/mistralai/funcs/filesDownload.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await filesDownload(mistral, {
    fileId: "f8919994-a4a1-46b2-8b5b-06335a4300ce",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("filesDownload failed:", res.error);
  }
}

run();
