import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.accesses.delete({
    libraryId: "843cc47c-e8f3-454c-9fc5-fcd7fb2865b0",
    sharingDelete: {
      shareWithUuid: "0814a235-c2d0-4814-875a-4b85f93d3dc7",
      shareWithType: "Org",
    },
  });

  console.log(result);
}

run();
