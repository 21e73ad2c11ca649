import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsUpdate } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsUpdate.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsUpdate(mistral, {
    libraryId: "2a41249e-52ca-4436-b755-25ce3a9bfb53",
    documentId: "bc26fa54-e5d9-4269-bedf-86bed5471c7d",
    updateDocumentRequest: {},
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDocumentsUpdate failed:", res.error);
  }
}

run();
