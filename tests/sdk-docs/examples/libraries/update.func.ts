import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesUpdate } from "@mistralai/mistralai/funcs/betaLibrariesUpdate.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesUpdate(mistral, {
    libraryId: "74a30b7a-ba52-49f7-a8a3-7157e1adf565",
    updateLibraryRequest: {},
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesUpdate failed:", res.error);
  }
}

run();
