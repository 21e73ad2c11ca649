import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.connectors.create({
    name: "<value>",
    description: "unibody usually despite slushy wherever reward stingy from",
    server: "https://royal-majority.net/",
  });

  console.log(result);
}

run();
