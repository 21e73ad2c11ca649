import { MistralCore } from "@mistralai/mistralai/core.js";
import { betaConversationsAppendStream } from "@mistralai/mistralai/funcs/betaConversationsAppendStream.js";

// Use `MistralCore` for best tree-shaking performance.
// You can create one instance of it to use across an application.
const mistral = new MistralCore({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const res = await betaConversationsAppendStream(mistral, {
    conversationId: "<id>",
    conversationAppendStreamRequest: {
      completionArgs: {
        responseFormat: {
          type: "text",
        },
      },
    },
  });
  if (res.ok) {
    const { value: result } = res;
    for await (const event of result) {
    console.log(event);
  }
  } else {
    console.log("betaConversationsAppendStream failed:", res.error);
  }
}

run();
