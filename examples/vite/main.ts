// A page that streams a conversation into the DOM. Never put an API key in a page: point
// `serverURL` at your backend, which adds the key (or at the local mistral-emulator while developing,
// e.g. http://localhost:5173/?server=http://127.0.0.1:8788).
import Mistral, { AbortError, MistralError, StreamError } from "mistral-edge-client";

const server = new URLSearchParams(location.search).get("server");
const client = server
  ? new Mistral({ serverURL: server, apiKey: "local-emulator" }) // the emulator wants some bearer token
  : new Mistral({ serverURL: "/api/mistral" }); // your proxy, which adds the key server-side

const form = document.querySelector<HTMLFormElement>("#chat")!;
const send = document.querySelector<HTMLButtonElement>("#send")!;
const prompt = document.querySelector<HTMLInputElement>("#prompt")!;
const stop = document.querySelector<HTMLButtonElement>("#stop")!;
const output = document.querySelector<HTMLPreElement>("#output")!;
const status = document.querySelector<HTMLParagraphElement>("#status")!;

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  output.textContent = "";
  status.textContent = "…";
  const controller = new AbortController();
  stop.disabled = false;
  stop.onclick = () => controller.abort();
  try {
    const stream = await client.beta.conversations.startStream(
      { model: "mistral-medium-latest", inputs: prompt.value },
      { signal: controller.signal },
    );
    for await (const { data } of stream) {
      if (data.type === "message.output.delta" && typeof data.content === "string") output.textContent += data.content;
      if (data.type === "conversation.response.done") status.textContent = `done: ${data.usage.totalTokens} tokens`;
    }
  } catch (error) {
    if (error instanceof AbortError) status.textContent = "stopped";
    else if (error instanceof StreamError) status.textContent = `the stream broke (${error.kind}): ${error.message}`;
    else if (error instanceof MistralError) status.textContent = `${error.name}: ${error.message}`;
    else throw error;
  } finally {
    stop.disabled = true;
  }
});
send.disabled = false; // the package (and its wasm) is ready: importing it awaited the instantiation
