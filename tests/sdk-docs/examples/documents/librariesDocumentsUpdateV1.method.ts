import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.documents.librariesDocumentsUpdateV1({
    libraryId: "3ddd8d93-dca5-4a6d-980d-173226c35742",
    documentId: "2a25e44c-b160-40ca-b5c2-b65fb2fcae34",
    updateDocumentRequest: {},
  });

  console.log(result);
}

run();
