import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.files.getSignedUrl({
    fileId: "06a020ab-355c-49a6-b19d-304b7c01699f",
  });

  console.log(result);
}

run();
