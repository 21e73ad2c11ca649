import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsTextContent } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsTextContent.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsTextContent(mistral, {
    libraryId: "1d177215-3b6b-45ba-9fa9-baf773223bec",
    documentId: "60214c91-2aba-4692-a4e6-a53365de8caf",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDocumentsTextContent failed:", res.error);
  }
}

run();
