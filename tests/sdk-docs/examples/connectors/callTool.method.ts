import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.callTool({
    toolName: "<value>",
    connectorIdOrName: "<value>",
    connectorCallToolRequest: {},
  });

  console.log(result);
}

run();
