import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDocumentsUpload } from "@mistralai/mistralai/funcs/betaLibrariesDocumentsUpload.js";
import { openAsBlob } from "node:fs";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDocumentsUpload(mistral, {
    libraryId: "a02150d9-5ee0-4877-b62c-28b1fcdf3b76",
    requestBody: {
      file: await openAsBlob("example.file"),
    },
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDocumentsUpload failed:", res.error);
  }
}

run();
