import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.activateForConsumer({
    connectorId: "1637d954-8ef0-4080-9228-89d4c05c915f",
    consumerScope: "workspace",
  });

  console.log(result);
}

run();
