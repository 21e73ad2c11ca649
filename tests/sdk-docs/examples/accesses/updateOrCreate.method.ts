import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.beta.libraries.accesses.updateOrCreate({
    libraryId: "ae92ecb2-1ed7-4c5f-97e0-b2cbe325a206",
    sharingRequest: {
      level: "Editor",
      shareWithUuid: "add9ae1f-2854-4378-84a0-91c77efa6fd2",
      shareWithType: "User",
    },
  });

  console.log(result);
}

run();
