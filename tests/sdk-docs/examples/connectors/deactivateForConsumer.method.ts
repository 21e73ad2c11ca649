import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.deactivateForConsumer({
    connectorId: "1266a170-0379-4b3f-9305-d10fd2a83d29",
    consumerScope: "workspace",
  });

  console.log(result);
}

run();
