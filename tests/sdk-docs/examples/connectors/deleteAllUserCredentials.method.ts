import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.deleteAllUserCredentials({
    connectorIdOrName: "5d332e4a-b496-4634-bfa5-8233e837b143",
  });

  console.log(result);
}

run();
