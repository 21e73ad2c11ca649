import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.update({
    libraryId: "74a30b7a-ba52-49f7-a8a3-7157e1adf565",
    updateLibraryRequest: {},
  });

  console.log(result);
}

run();
