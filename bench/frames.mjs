// The benchmark's streams as bytes: the SDK baseline's frames (/work/shared/reference/sdk-baseline.md),
// which mistral-emulator serves in its bench mode (`x-emulator-bench`, emulator/src/bench.rs) and
// bench/frames.test.mjs checks it serves byte for byte. bench/stream-client.mjs checks each stream's
// length and text against these; bench/first-event.mjs builds its in-memory chunk from them.
//
//   event: conversation.response.started
//   data: {"type":"conversation.response.started","conversation_id":"conv_<32 hex>"}
//
//   then N times (263 bytes per frame with the default token):
//   event: message.output.delta
//   data: {"type":"message.output.delta","output_index":1,"id":"msg_067f2a9925d674ea8000e63c68ae0474","content_index":0,"model":"mistral-medium-2505","agent_id":"ag_067f2a39ddd67bf68000fa921bc0c25d","role":"assistant","content":" token"}
//
//   then
//   event: conversation.response.done
//   data: {"type":"conversation.response.done","usage":{"prompt_tokens":12,"completion_tokens":N,"total_tokens":12+N,"connector_tokens":null,"connectors":null}}
//
// 26,300,342 bytes for N = 100,000; no `data: [DONE]`. The `live` shape (`tokens=varied`,
// `created-at=tick`): token i is VARIED_TOKENS[i % 8], and every event has a `created_at` right
// after its `type`, 137 µs after the one before (event 0 is `started`).

export const MODEL = "mistral-medium-2505";
export const MSG_ID = "msg_067f2a9925d674ea8000e63c68ae0474";
export const AGENT_ID = "ag_067f2a39ddd67bf68000fa921bc0c25d";
export const PROMPT_TOKENS = 12;
export const DEFAULT_TOKEN = " token";
export const VARIED_TOKENS = Object.freeze([
  " Hello", " café", " 日本語", " 🚀", ' "quoted"', " line\nbreak", " back\\slash", " token",
]);

/** `created-at=tick`: event i's timestamp, 137 µs apart, always 27 characters. */
export function tickAt(i) {
  const us = i * 137;
  const pad = (v, w) => String(v).padStart(w, "0");
  const s = Math.floor(us / 1e6);
  return `2026-01-01T${pad(Math.floor(s / 3600) % 24, 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}.${pad(us % 1e6, 6)}Z`;
}

/** Token i (0-based) of a stream. */
export const tokenAt = (i, tokens = "default") =>
  tokens === "varied" ? VARIED_TOKENS[i % VARIED_TOKENS.length] : DEFAULT_TOKEN;

/** The concatenated text of the N deltas. */
export function expectedText(n, tokens = "default") {
  if (tokens !== "varied") return DEFAULT_TOKEN.repeat(n);
  let s = "";
  for (let i = 0; i < n; i++) s += tokenAt(i, tokens);
  return s;
}

/** One frame: the event's JSON with "created_at" right after "type" when given. */
function frame(obj, createdAt) {
  const { type, ...rest } = obj;
  const json = JSON.stringify(createdAt ? { type, created_at: createdAt, ...rest } : obj);
  return `event: ${type}\ndata: ${json}\n\n`;
}

export const startedFrame = (conversationId, createdAt = null) =>
  frame({ type: "conversation.response.started", conversation_id: conversationId }, createdAt);

export const deltaFrame = (content, createdAt = null) =>
  frame({ type: "message.output.delta", output_index: 1, id: MSG_ID, content_index: 0, model: MODEL,
    agent_id: AGENT_ID, role: "assistant", content }, createdAt);

export const doneFrame = (n, createdAt = null) =>
  frame({ type: "conversation.response.done", usage: { prompt_tokens: PROMPT_TOKENS, completion_tokens: n,
    total_tokens: PROMPT_TOKENS + n, connector_tokens: null, connectors: null } }, createdAt);

/** The whole stream of a shape (`tokens`: "default" or "varied"; `createdAt`: null or "tick"), as text. */
export function streamText({ n = 5, tokens = "default", createdAt = null, conversationId = "conv_" + "0".repeat(32) } = {}) {
  const tick = createdAt === "tick";
  let s = startedFrame(conversationId, tick ? tickAt(0) : null);
  for (let i = 0; i < n; i++) s += deltaFrame(tokenAt(i, tokens), tick ? tickAt(i + 1) : null);
  return s + doneFrame(n, tick ? tickAt(n + 1) : null);
}

/** The byte length of a stream (the conversation id has a fixed length). */
export function streamByteLength({ n = 5, tokens = "default", createdAt = null } = {}) {
  if (tokens !== "varied" && createdAt !== "tick") { // arithmetic, no rendering (used inside bench clients)
    return Buffer.byteLength(startedFrame("conv_" + "0".repeat(32))) + n * Buffer.byteLength(deltaFrame(DEFAULT_TOKEN)) +
      Buffer.byteLength(doneFrame(n));
  }
  return Buffer.byteLength(streamText({ n, tokens, createdAt }));
}
