import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.documents.extractedTextSignedUrl({
    libraryId: "a6f15de3-1e82-4f95-af82-851499042ef8",
    documentId: "9749d4f9-24e5-4ca2-99a3-a406863f805d",
  });

  console.log(result);
}

run();
