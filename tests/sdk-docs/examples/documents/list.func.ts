import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsList } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsList.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsList(mistral, {
    libraryId: "5c3ca4cd-62bc-4c71-ad8a-1531ae80d078",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDocumentsList failed:", res.error);
  }
}

run();
