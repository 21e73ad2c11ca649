import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConversationsRestart } from "@mistralai/mistralai/funcs/betaConversationsRestart.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConversationsRestart(mistral, {
    conversationId: "<id>",
    conversationRestartRequest: {
      completionArgs: {
        responseFormat: {
          type: "text",
        },
      },
      fromEntryId: "<id>",
    },
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConversationsRestart failed:", res.error);
  }
}

run();
