// Streams a conversation in Deno and prints the tokens as they arrive.
//
//   MISTRAL_API_KEY=... deno run --allow-net=api.mistral.ai --allow-env --allow-read examples/deno-stream.ts "Who is Albert Einstein?"
//
// MISTRAL_SERVER_URL points it elsewhere, e.g. the local emulator (`make emulator`):
//   MISTRAL_API_KEY=any MISTRAL_SERVER_URL=http://127.0.0.1:8788 deno run --allow-net=127.0.0.1 --allow-env --allow-read examples/deno-stream.ts
// (--allow-read: the package's Deno entry loads its .wasm from the file next to it.)
import Mistral, { MistralError, StreamError } from "npm:mistral-edge-client";

const serverURL = Deno.env.get("MISTRAL_SERVER_URL");
const client = new Mistral({ apiKey: Deno.env.get("MISTRAL_API_KEY"), ...(serverURL ? { serverURL } : {}) });
const prompt = Deno.args[0] ?? "Who is Albert Einstein?";
const encoder = new TextEncoder();

try {
  const stream = await client.beta.conversations.startStream({
    model: Deno.env.get("MISTRAL_MODEL") ?? "mistral-medium-latest",
    inputs: prompt,
  });
  for await (const { data } of stream) {
    if (data.type === "message.output.delta" && typeof data.content === "string") {
      await Deno.stdout.write(encoder.encode(data.content));
    } else if (data.type === "conversation.response.done") {
      console.log(`\n[done] ${data.usage.totalTokens} tokens`);
    }
  }
} catch (error) {
  if (error instanceof StreamError) console.error(`\nthe stream broke (${error.kind}): ${error.message}`);
  else if (error instanceof MistralError) console.error(`${error.name}: ${error.message}`);
  else throw error;
  Deno.exit(1);
}
