import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsGetSignedUrl } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsGetSignedUrl.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsGetSignedUrl(mistral, {
    libraryId: "23cf6904-a602-4ee8-9f5b-8efc557c336d",
    documentId: "48598486-df71-4994-acbb-1133c72efa8c",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDocumentsGetSignedUrl failed:", res.error);
  }
}

run();
