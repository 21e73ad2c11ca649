import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env["MISTRAL_API_KEY"] ?? "",
});

async function run() {
  const result = await mistral.files.delete({
    fileId: "3b6d45eb-e30b-416f-8019-f47e2e93d930",
  });

  console.log(result);
}

run();
