import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesLibrariesUpdateV1 } from "@mistralai/mistralai/funcs/betaLibrariesLibrariesUpdateV1.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesLibrariesUpdateV1(mistral, {
    libraryId: "e01880c3-d0b5-4a29-8b1b-abdb8ce917e4",
    updateLibraryRequest: {},
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesLibrariesUpdateV1 failed:", res.error);
  }
}

run();
