// Streams a conversation and prints the tokens as they arrive. Runs offline against the local
// emulator (mistral-emulator on 127.0.0.1, built on first use); set MISTRAL_API_KEY to talk to
// the real API instead.
import { Mistral, StreamError } from "../pkg/node.js";
import { startEmulator } from "../tests/emulator/harness.mjs";

const live = Boolean(process.env.MISTRAL_API_KEY);
const emulator = live ? null : await startEmulator();
const client = live ? new Mistral() : new Mistral({ apiKey: "demo", serverURL: emulator.url });
try {
  const stream = await client.beta.conversations.startStream({
    model: "mistral-medium-latest",
    inputs: [{ role: "user", content: "Search the latest news about Mistral AI, and say hello: café, 日本語, 🚀." }],
    tools: [{ type: "web_search" }],
  });
  for await (const { event, data } of stream) {
    switch (data.type) {
      case "conversation.response.started":
        console.log(`[started] conversation ${data.conversationId}`);
        break;
      case "tool.execution.started":
        process.stdout.write(`[tool] ${data.name} `);
        break;
      case "tool.execution.delta":
        process.stdout.write(data.arguments);
        break;
      case "tool.execution.done":
        console.log(" [done]");
        break;
      case "message.output.delta":
        process.stdout.write(typeof data.content === "string" ? data.content : ` [${data.content.type}: ${data.content.title ?? ""}]`);
        break;
      case "function.call.delta":
        process.stdout.write(`\n[function ${data.name}] ${data.arguments}`);
        break;
      case "conversation.response.done":
        console.log(`\n[done] ${data.usage.totalTokens} tokens`);
        break;
      default:
        console.log(`[${event}]`);
    }
  }
} catch (error) {
  if (error instanceof StreamError) console.error(`stream failed (${error.kind}): ${error.message}`);
  else throw error;
} finally {
  await emulator?.close();
}
