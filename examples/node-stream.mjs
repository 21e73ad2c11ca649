// Streams a conversation and prints the tokens as they arrive. Runs offline against the
// local mock API; set MISTRAL_API_KEY to talk to the real API instead.
import { Mistral, StreamError } from "../pkg/node.js";
import { startMockServer } from "../tests/mock/server.mjs";

const live = Boolean(process.env.MISTRAL_API_KEY);
const mock = live ? null : await startMockServer({ port: 0 });
const client = live ? new Mistral() : new Mistral({ apiKey: "demo", serverURL: mock.url });
try {
  const stream = await client.beta.conversations.startStream(
    { model: "mistral-medium-latest", inputs: [{ role: "user", content: "Say hello, token by token." }], tools: [{ type: "web_search" }] },
    { headers: live ? {} : { "x-mock-scenario": "tools", "x-mock-tokens": "varied" } },
  );
  for await (const { event, data } of stream) {
    switch (data.type) {
      case "conversation.response.started":
        console.log(`[started] conversation ${data.conversationId}`);
        break;
      case "tool.execution.started":
        console.log(`[tool] ${data.name} ${data.arguments ?? ""}`);
        break;
      case "message.output.delta":
        process.stdout.write(typeof data.content === "string" ? data.content : `[${data.content.type}: ${data.content.title ?? ""}]`);
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
  await mock?.close();
}
