import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsLibrariesDocumentsUpdateV1 } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsLibrariesDocumentsUpdateV1.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsLibrariesDocumentsUpdateV1(mistral, {
    libraryId: "3ddd8d93-dca5-4a6d-980d-173226c35742",
    documentId: "2a25e44c-b160-40ca-b5c2-b65fb2fcae34",
    updateDocumentRequest: {},
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDocumentsLibrariesDocumentsUpdateV1 failed:", res.error);
  }
}

run();
