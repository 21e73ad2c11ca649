import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsDelete } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsDelete.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsDelete(mistral, {
    libraryId: "005daae9-d42e-407d-82d7-2261c6a1496c",
    documentId: "edc236b0-baff-49a9-884b-4ca36a258da4",
  });
  if (res.ok) {
    const { value: result } = res;
    
  } else {
    console.log("betaLibrariesDocumentsDelete failed:", res.error);
  }
}

run();
