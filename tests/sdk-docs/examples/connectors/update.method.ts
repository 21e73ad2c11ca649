import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.update({
    connectorId: "81d30634-113f-4dce-a89e-7786be2d8693",
    updateConnectorRequest: {},
  });

  console.log(result);
}

run();
