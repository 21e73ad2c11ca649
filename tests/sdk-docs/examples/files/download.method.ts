import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.files.download({
    fileId: "f8919994-a4a1-46b2-8b5b-06335a4300ce",
  });

  console.log(result);
}

run();
