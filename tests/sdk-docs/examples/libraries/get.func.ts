import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesGet } from "@mistralai/mistralai/funcs/betaLibrariesGet.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesGet(mistral, {
    libraryId: "d0d23a1e-bfe5-45e7-b7bb-22a4ea78d47f",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesGet failed:", res.error);
  }
}

run();
