// node --test against the built package (pkg/), with a fetch that serves crafted bytes: how events
// that repeat the one before them (sent by Rust as patches) reach JavaScript. No server: the
// fetch is a function.
import { test } from "node:test";
import assert from "node:assert/strict";

const { Mistral } = await import(new URL("../../pkg/node.js", import.meta.url));

const encoder = new TextEncoder();

/** A client whose fetch answers every request with `body` (bytes, in `chunk`-byte pieces). */
function clientFor(body, { chunk = 1 << 16, contentType = "text/event-stream" } = {}) {
  const bytes = encoder.encode(body);
  const fetch = async () => {
    let at = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
      },
    });
    return new Response(stream, { headers: { "content-type": contentType } });
  };
  return new Mistral({ apiKey: "k", serverURL: "http://api.test", fetch, retryConfig: { strategy: "none" } });
}

const frame = (data, event) => `event: ${event ?? JSON.parse(data).type}\ndata: ${data}\n\n`;
const delta = (content, at, extra = "") =>
  `{"type":"message.output.delta","created_at":"2026-01-01T00:00:00.${at}Z","output_index":0,"id":"m1",` +
  `"content_index":0,"model":"mm","agent_id":"ag"${extra},"role":"assistant","content":${JSON.stringify(content)}}`;
const DONE = frame(`{"type":"conversation.response.done","usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}`);
const STARTED = frame(`{"type":"conversation.response.started","conversation_id":"c1"}`);

async function collect(client) {
  const stream = await client.beta.conversations.startStream({ model: "m", inputs: "hi" });
  const items = [];
  for await (const item of stream) items.push(item);
  return items;
}

for (const chunk of [1, 7, 1 << 16]) {
  test(`repeated deltas arrive as whole, distinct objects in wire order (${chunk}-byte chunks)`, async () => {
    const tokens = ["Hel", "lo", "lo", " wörld 🚀", "\"q\"\n"];
    const body = STARTED + tokens.map((t, i) => frame(delta(t, 100 + i))).join("") + DONE;
    const items = await collect(clientFor(body, { chunk }));
    assert.equal(items.length, tokens.length + 2);
    const deltas = items.slice(1, -1);
    for (const [i, { event, data }] of deltas.entries()) {
      assert.equal(event, "message.output.delta");
      assert.deepEqual(Object.keys(data),
        ["type", "createdAt", "outputIndex", "id", "contentIndex", "model", "agentId", "role", "content"]);
      assert.equal(data.content, tokens[i]);
      // A date, as the official SDK gives it, whether the event came whole or as a patch.
      assert.ok(data.createdAt instanceof Date);
      assert.equal(data.createdAt.toISOString(), `2026-01-01T00:00:00.${100 + i}Z`);
      assert.equal(data.agentId, "ag");
    }
    assert.notEqual(deltas[1].data, deltas[2].data, "each event is its own object");
    assert.notEqual(deltas[1].data.createdAt, deltas[2].data.createdAt, "and its own date");
    assert.equal(items.at(-1).data.usage.totalTokens, 3);
  });
}

test("repeated object members are never shared between events", async () => {
  const chunkDelta = (extra) =>
    `{"type":"message.output.delta","output_index":0,"id":"m1","content_index":1,` +
    `"content":{"type":"tool_reference","tool":"web_search","title":"T","url":"https://e"}${extra}}`;
  const body = STARTED + frame(chunkDelta("")) + frame(chunkDelta("")) + frame(chunkDelta(',"extra":{"a_b":1}')) +
    frame(chunkDelta(',"extra":{"a_b":1}')) + DONE;
  const items = await collect(clientFor(body, { chunk: 5 }));
  const [a, b, c, d] = items.slice(1, -1).map((i) => i.data);
  assert.deepEqual(a.content, { type: "tool_reference", tool: "web_search", title: "T", url: "https://e" });
  assert.deepEqual(b.content, a.content);
  assert.notEqual(b.content, a.content);
  assert.deepEqual(d.extra, { a_b: 1 }, "opaque unknown members keep their keys");
  assert.notEqual(d.extra, c.extra);
});

test("data that is a JSON array, a scalar or null arrives as sent", async () => {
  const body = STARTED + frame(delta("a", 100)) + frame("[1,2]", "custom.array") + frame(delta("b", 101)) +
    frame("[]", "custom.empty") + frame("null", "custom.null") + frame("5", "custom.number") +
    frame(delta("c", 102)) + frame(delta("c", 102)) + DONE;
  const items = await collect(clientFor(body, { chunk: 3 }));
  assert.deepEqual(items.map((i) => i.event), ["conversation.response.started", "message.output.delta",
    "custom.array", "message.output.delta", "custom.empty", "custom.null", "custom.number",
    "message.output.delta", "message.output.delta", "conversation.response.done"]);
  assert.deepEqual(items[2].data, [1, 2]);
  assert.deepEqual(items[4].data, []);
  assert.equal(items[5].data, null);
  assert.equal(items[6].data, 5);
  assert.equal(items[3].data.content, "b");
  assert.deepEqual(items[8].data, items[7].data);
  assert.notEqual(items[8].data, items[7].data);
});

test("finalResponse folds patched deltas like full ones", async () => {
  const tokens = ["The ", "answer ", "is ", "42."];
  const body = STARTED + tokens.map((t, i) => frame(delta(t, 100 + i))).join("") + DONE;
  const stream = await clientFor(body, { chunk: 11 }).beta.conversations.startStream({ model: "m", inputs: "hi" });
  const response = await stream.finalResponse();
  assert.equal(response.outputs[0].content, tokens.join(""));
  assert.equal(response.outputs[0].agentId, "ag");
});

test("changing, adding or deleting members of an event changes no later event", async () => {
  const tokens = ["a", "b", "c", "d"];
  const body = STARTED + tokens.map((t, i) => frame(delta(t, 100 + i))).join("") + DONE;
  // 1-byte chunks: every event arrives in a batch of its own, after the caller saw the last one.
  const stream = await clientFor(body, { chunk: 1 }).beta.conversations.startStream({ model: "m", inputs: "hi" });
  const seen = [];
  for await (const { event, data } of stream) {
    if (event !== "message.output.delta") continue;
    seen.push({ ...data });
    data.model = "changed";
    data.extra = true;
    delete data.id;
    delete data.role;
  }
  assert.equal(seen.length, tokens.length);
  for (const [i, data] of seen.entries()) {
    assert.deepEqual(Object.keys(data),
      ["type", "createdAt", "outputIndex", "id", "contentIndex", "model", "agentId", "role", "content"]);
    assert.equal(data.model, "mm");
    assert.equal(data.id, "m1");
    assert.equal(data.content, tokens[i]);
    assert.equal("extra" in data, false);
  }
});
