import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.documents.textContent({
    libraryId: "1d177215-3b6b-45ba-9fa9-baf773223bec",
    documentId: "60214c91-2aba-4692-a4e6-a53365de8caf",
  });

  console.log(result);
}

run();
