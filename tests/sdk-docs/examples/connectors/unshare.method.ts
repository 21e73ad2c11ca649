import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.unshare({
    connectorId: "d5bd99ac-c46d-43bb-835c-cb4833bf101d",
  });

  console.log(result);
}

run();
