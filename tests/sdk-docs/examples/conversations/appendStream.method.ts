import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.conversations.appendStream({
    conversationId: "<id>",
    conversationAppendStreamRequest: {
      completionArgs: {
        responseFormat: {
          type: "text",
        },
      },
    },
  });

  for await (const event of result) {
    console.log(event);
  }
}

run();
