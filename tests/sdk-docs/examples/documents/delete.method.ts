import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  await mistral.beta.libraries.documents.delete({
    libraryId: "005daae9-d42e-407d-82d7-2261c6a1496c",
    documentId: "edc236b0-baff-49a9-884b-4ca36a258da4",
  });


}

run();
