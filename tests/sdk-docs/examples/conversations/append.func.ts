import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConversationsAppend } from "@mistralai/mistralai/funcs/betaConversationsAppend.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConversationsAppend(mistral, {
    conversationId: "<id>",
    conversationAppendRequest: {
      completionArgs: {
        responseFormat: {
          type: "text",
        },
      },
    },
  });
  if (res.ok) {
    const { value: result } = res;
    console.log(result);
  } else {
    console.log("betaConversationsAppend failed:", res.error);
  }
}

run();
