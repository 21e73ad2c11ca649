import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.files.retrieve({
    fileId: "f2a27685-ca4e-4dc2-9f2b-88c422c3e0f6",
  });

  console.log(result);
}

run();
