import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsReprocess } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsReprocess.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsReprocess(mistral, {
    libraryId: "51b29371-de8f-4ba4-932b-a0bafb3a7f64",
    documentId: "3052422c-49ca-45ac-a918-cadb35d61fd8",
  });
  if (res.ok) {
    const { value: result } = res;
    
  } else {
    console.log("betaLibrariesDocumentsReprocess failed:", res.error);
  }
}

run();
