import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesAccessesDelete } from "@mistralai/mistralai/funcs/betaLibrariesAccessesDelete.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesAccessesDelete(mistral, {
    libraryId: "843cc47c-e8f3-454c-9fc5-fcd7fb2865b0",
    sharingDelete: {
      shareWithUuid: "0814a235-c2d0-4814-875a-4b85f93d3dc7",
      shareWithType: "Org",
    },
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesAccessesDelete failed:", res.error);
  }
}

run();
