import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaLibrariesAccessesUpdateOrCreate } from "@mistralai/mistralai/funcs/betaLibrariesAccessesUpdateOrCreate.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaLibrariesAccessesUpdateOrCreate(mistral, {
    libraryId: "ae92ecb2-1ed7-4c5f-97e0-b2cbe325a206",
    sharingRequest: {
      level: "Editor",
      shareWithUuid: "add9ae1f-2854-4378-84a0-91c77efa6fd2",
      shareWithType: "User",
    },
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaLibrariesAccessesUpdateOrCreate failed:", res.error);
  }
}

run();
