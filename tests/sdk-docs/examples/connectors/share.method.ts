import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.share({
    connectorId: "cf748b50-632b-46d6-98c3-b015086cb194",
  });

  console.log(result);
}

run();
