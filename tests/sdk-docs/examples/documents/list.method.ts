import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.documents.list({
    libraryId: "5c3ca4cd-62bc-4c71-ad8a-1531ae80d078",
  });

  console.log(result);
}

run();
