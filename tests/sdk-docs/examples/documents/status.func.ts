import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsStatus } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsStatus.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsStatus(mistral, {
    libraryId: "e6906f70-368f-4155-80da-c1718f01bc43",
    documentId: "2c904915-d831-4e9d-a345-8ce405bcef66",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDocumentsStatus failed:", res.error);
  }
}

run();
