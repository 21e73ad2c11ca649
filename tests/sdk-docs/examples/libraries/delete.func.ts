import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesDelete } from "@mistralai/mistralai/funcs/betaLibrariesDelete.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesDelete(mistral, {
    libraryId: "6cad0b6e-fd2e-4d11-a48b-21d30fb7c17a",
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesDelete failed:", res.error);
  }
}

run();
