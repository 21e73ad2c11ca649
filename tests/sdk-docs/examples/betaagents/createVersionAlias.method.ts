import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.agents.createVersionAlias({
    agentId: "<id>",
    alias: "<value>",
    version: 595141,
  });

  console.log(result);
}

run();
