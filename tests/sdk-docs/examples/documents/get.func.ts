import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsGet } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsGet.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsGet(mistral, {
    libraryId: "03d908c8-90a1-44fd-bf3a-8490fb7c9a03",
    documentId: "90973aec-0508-4375-8b00-91d732414745",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDocumentsGet failed:", res.error);
  }
}

run();
