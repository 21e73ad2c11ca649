import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.documents.update({
    libraryId: "2a41249e-52ca-4436-b755-25ce3a9bfb53",
    documentId: "bc26fa54-e5d9-4269-bedf-86bed5471c7d",
    updateDocumentRequest: {},
  });

  console.log(result);
}

run();
