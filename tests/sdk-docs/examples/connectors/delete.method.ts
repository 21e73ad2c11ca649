import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.delete({
    connectorId: "5c3269fe-6a18-4216-b1fb-b093005874cd",
  });

  console.log(result);
}

run();
