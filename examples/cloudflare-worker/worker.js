// A Cloudflare Worker that streams a Mistral conversation to the browser. The API key stays in
// the Worker (`wrangler secret put MISTRAL_API_KEY`); the page only talks to this Worker.
//
//   GET  /           a small chat page
//   POST /api/chat   {"message": "...", "conversationId"?: "conv_..."}  ->  text/event-stream of the
//                    conversation's events (a new conversation, or the next turn of an existing one)
//
// `wrangler dev` / `wrangler deploy` pick the package's "workerd" entry, which imports the wasm as
// a precompiled module (Workers forbid compiling wasm from bytes at run time).
import Mistral, { InvalidRequestError, MistralError } from "mistral-edge-client";

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method === "GET" && url.pathname === "/") {
      return new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8" } });
    }
    if (request.method !== "POST" || url.pathname !== "/api/chat") {
      return new Response("Not found", { status: 404 });
    }

    const { message, conversationId } = await request.json();
    const client = new Mistral({
      apiKey: env.MISTRAL_API_KEY,
      // Optional: another server, such as the local emulator during development.
      ...(env.MISTRAL_SERVER_URL ? { serverURL: env.MISTRAL_SERVER_URL } : {}),
    });
    try {
      const inputs = String(message ?? "");
      const options = { signal: request.signal }; // the browser going away aborts the upstream request
      const stream = conversationId
        ? await client.beta.conversations.appendStream({ conversationId, inputs }, options)
        : await client.beta.conversations.startStream({ model: env.MISTRAL_MODEL || "mistral-medium-latest", inputs }, options);
      // Re-emits the events as SSE (`event:` + camelCase JSON `data:`), chunk by chunk as they arrive.
      return new Response(stream.toReadableStream(), {
        headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store" },
      });
    } catch (error) {
      // Rejected before the stream started: invalid request, 4xx/5xx from Mistral, no connection.
      if (!(error instanceof MistralError)) throw error;
      const status = error instanceof InvalidRequestError ? 400 : (error.status ?? 502);
      return Response.json({ error: error.name, message: error.message }, { status });
    }
  },
};

const PAGE = `<!doctype html>
<meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>mistral-edge on Workers</title>
<form id="f"><input id="q" value="Who is Albert Einstein?" size="40"> <button>Send</button></form>
<pre id="out" style="white-space: pre-wrap"></pre>
<script type="module">
const out = document.getElementById("out");
let conversationId; // the next message continues the conversation
document.getElementById("f").onsubmit = async (e) => {
  e.preventDefault();
  out.textContent = "";
  const message = document.getElementById("q").value;
  const res = await fetch("/api/chat", { method: "POST", body: JSON.stringify({ message, conversationId }) });
  if (!res.ok) { out.textContent = (await res.json()).message; return; }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\\n\\n")) >= 0) {
      const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
      const data = JSON.parse(block.split("\\n").find((l) => l.startsWith("data: ")).slice(6));
      if (data.type === "conversation.response.started") conversationId = data.conversationId;
      if (data.type === "message.output.delta" && typeof data.content === "string") out.textContent += data.content;
      if (data.type === "conversation.response.done") out.textContent += "\\n\\n[" + data.usage.totalTokens + " tokens]";
    }
  }
};
</script>`;
