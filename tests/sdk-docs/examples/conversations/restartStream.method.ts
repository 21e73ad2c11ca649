import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.conversations.restartStream({
    conversationId: "<id>",
    conversationRestartStreamRequest: {
      completionArgs: {
        responseFormat: {
          type: "text",
        },
      },
      fromEntryId: "<id>",
    },
  });

  for await (const event of result) {
    console.log(event);
  }
}

run();
