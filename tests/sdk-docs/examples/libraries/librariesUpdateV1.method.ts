import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.librariesUpdateV1({
    libraryId: "e01880c3-d0b5-4a29-8b1b-abdb8ce917e4",
    updateLibraryRequest: {},
  });

  console.log(result);
}

run();
