import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.agents.create({
    completionArgs: {
      responseFormat: {
        type: "text",
      },
    },
    model: "LeBaron",
    name: "<value>",
  });

  console.log(result);
}

run();
