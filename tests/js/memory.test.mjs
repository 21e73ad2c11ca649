// The memory suite (issue 14): huge events against the built package (conversations entry), from a
// small SSE server on 127.0.0.1. Wasm memory never shrinks, so what is checked is that memory used
// once is used again (for any size), that a stream's wasm state goes when the stream ends (not at
// garbage collection: every stream object here stays referenced), that finalResponse()'s folding
// is capped and can be switched off, and that running out of memory is a typed error after which
// the next call works. Its own file, so its own process: the exhaustion test leaves that process's
// wasm memory at its largest.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";

// The wasm instance's memory, caught as the entry instantiates its module.
let memory;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  const instance = new Instance(module, imports);
  memory ??= Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
  return instance;
};
const entry = await import(new URL("../../pkg/conversations/node.js", import.meta.url));
WebAssembly.Instance = Instance;
const { Mistral, StreamError, ResponseValidationError, InvalidRequestError, SseDecoder } = entry;
const MiB = 1 << 20;
const mib = () => (memory.buffer.byteLength / MiB).toFixed(0);

const event = (data) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
const started = event({ type: "conversation.response.started", conversation_id: "c1", created_at: "2025-01-01T00:00:00Z" });
const done = event({ type: "conversation.response.done", usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } });
const delta = (content) =>
  event({ type: "message.output.delta", id: "m1", output_index: 0, content_index: 0, model: "m", role: "assistant", content });

// What each request gets, by its `x-test` header: `event:<MiB>` one delta of that size;
// `deltas:<n>` n deltas of 1 MiB; `held:<MiB>` all but the end of one delta, then (once `release()`
// is called) the rest; `half:<MiB>` half of one delta, then nothing; `body:<bytes>` a one-shot JSON
// body of that size.
let gate;
let release = () => {};
const resetGate = () => (gate = new Promise((resolve) => (release = resolve)));
resetGate();
/** How many `held` responses have handed all but their end to the socket (or were closed). */
const held = new Set();
const texts = new Map();
const deltaOf = (size, letter) => {
  const key = `${size}${letter}`;
  if (!texts.has(key)) texts.set(key, delta(letter.repeat(size)));
  return texts.get(key);
};
const server = createServer(async (req, res) => {
  for await (const _ of req);
  const [kind, arg] = String(req.headers["x-test"] ?? "event:0").split(":");
  const n = Number(arg);
  if (kind === "body") {
    res.writeHead(200, { "content-type": "application/json" });
    const rest = `{"object":"conversation.response","conversation_id":"","outputs":[],"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}`;
    return res.end(rest.replace('""', `"${"c".repeat(n - rest.length)}"`));
  }
  res.writeHead(200, { "content-type": "text/event-stream" });
  res.write(started);
  if (kind === "event") res.write(deltaOf(n * MiB, "x"));
  if (kind === "deltas") for (let i = 0; i < n; i++) res.write(deltaOf(MiB, "y"));
  if (kind === "half") return res.write(`data: {"type":"message.output.delta","content":"${"z".repeat((n * MiB) / 2)}`);
  if (kind === "held") {
    const text = deltaOf(n * MiB, "h");
    res.on("close", () => held.add(res));
    res.write(text.slice(0, -10), () => held.add(res));
    await gate;
    if (res.destroyed) return;
    res.write(text.slice(-10));
  }
  if (!res.destroyed) res.end(done);
});
let client;
before(async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = new Mistral({ apiKey: "k", serverURL: `http://127.0.0.1:${server.address().port}`, retryConfig: { strategy: "none" } });
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const open = (test) => client.beta.conversations.startStream({ model: "m", inputs: "hi" }, { headers: { "x-test": test } });
const kept = [];
/** Streams one response to its end (keeping the stream object, so nothing is left to GC). */
async function drain(test, { final = true } = {}) {
  const stream = await open(test);
  kept.push(stream);
  let events = 0;
  for await (const _ of stream) events++;
  const response = final ? await stream.finalResponse() : undefined;
  return { events, response };
}

test("memory one huge event took is used again, for any size, once the stream has ended", async () => {
  const { response } = await drain("event:16");
  assert.equal(response.outputs[0].content.length, 16 * MiB);
  const after16 = memory.buffer.byteLength;
  console.log(`# wasm memory after one 16 MiB event: ${mib()} MiB`);
  for (let i = 0; i < 4; i++) await drain("event:16");
  for (const size of [1, 8, 4, 12, 16, 2]) await drain(`event:${size}`);
  assert.equal(memory.buffer.byteLength, after16, "streams after the first 16 MiB event grew the memory");

  await drain("event:63");
  const after63 = memory.buffer.byteLength;
  console.log(`# wasm memory after one 63 MiB event: ${mib()} MiB`);
  for (const size of [40, 20, 63, 16, 40]) await drain(`event:${size}`);
  console.log(`# wasm memory after 63/40/20/63/16/40 MiB events: ${mib()} MiB`);
  assert.equal(memory.buffer.byteLength, after63, "smaller events after a 63 MiB one grew the memory");
});

test("a stream left mid-event frees what it held at once", async () => {
  const before = memory.buffer.byteLength;
  for (let i = 0; i < 6; i++) {
    const stream = await open("half:32");
    kept.push(stream);
    for await (const { event } of stream) {
      assert.equal(event, "conversation.response.started");
      // Let the half event arrive before leaving.
      await new Promise((resolve) => setTimeout(resolve, 100));
      break;
    }
    // What was folded before leaving (the half event never completed).
    assert.deepEqual((await stream.finalResponse()).outputs, []);
  }
  assert.equal(memory.buffer.byteLength, before);
  // The streams were kept to the end of these two tests (their state was freed without any
  // garbage collection); their last events and responses are JavaScript strings of up to 63 MiB.
  kept.length = 0;
});

test("finalResponse() folds at most 64 MiB of events: past it the events go on, and it is a typed too_large", async () => {
  const stream = await open("deltas:70");
  let deltas = 0;
  for await (const { event, data } of stream) {
    if (event === "message.output.delta") {
      assert.equal(data.content.length, MiB);
      deltas++;
    }
  }
  assert.equal(deltas, 70, "every event was delivered");
  await assert.rejects(stream.finalResponse(), (error) => {
    assert.ok(error instanceof StreamError);
    assert.equal(error.kind, "too_large");
    assert.match(error.message, /64 MiB/);
    return true;
  });
  // Under the cap it is the whole response.
  const { response } = await drain("deltas:60");
  assert.equal(response.outputs[0].content.length, 60 * MiB);
});

test("skipFinalResponse(): a caller who only iterates keeps no deltas; finalResponse() then says so", async () => {
  const stream = (await open("deltas:3")).skipFinalResponse();
  let deltas = 0;
  for await (const { event } of stream) if (event === "message.output.delta") deltas++;
  assert.equal(deltas, 3);
  await assert.rejects(stream.finalResponse(), (error) => error instanceof StreamError && error.kind === "too_large" && /skipFinalResponse/.test(error.message));
});

test("a one-shot body over 64 MiB is a typed error, not a trap or an untyped one", async () => {
  const call = (bytes) => client.beta.conversations.start({ model: "m", inputs: "hi" }, { headers: { "x-test": `body:${bytes}` } });
  await assert.rejects(call(100e6), (error) => {
    assert.ok(error instanceof ResponseValidationError, `${error}`);
    assert.match(error.message, /100000000 bytes, over the 67108864 bytes/);
    return true;
  });
  const response = await call(60 * MiB);
  assert.equal(response.conversationId.length > 59 * MiB, true);
});

test("running out of wasm memory is a StreamError too_large for the streams it hits; the next calls work", async () => {
  // Streams that each hold one 32 MiB event (its buffer doubles to a 64 MiB block) at the same
  // time, until the 4 GiB of wasm32 memory run out.
  const count = 62;
  held.clear();
  // Only iterated: none keeps its response (a 32 MiB JavaScript string each) for finalResponse().
  const streams = (await Promise.all(Array.from({ length: count }, () => open("held:32")))).map((s) => s.skipFinalResponse());
  let message;
  const results = streams.map(async (stream) => {
    let events = 0;
    try {
      for await (const _ of stream) events++;
      return "ok";
    } catch (error) {
      assert.ok(error instanceof StreamError, `an untyped error: ${error}`);
      assert.equal(error.kind, "too_large");
      assert.match(error.message, /out of memory/);
      assert.ok(events >= 1, "the events before the failure were delivered");
      message ??= `${error.message} (after ${events} events)`;
      return "too_large";
    }
  });
  // Every stream is holding most of its event (or failed): now the ends arrive.
  while (held.size < count) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 500));
  release();
  resetGate();
  const outcomes = await Promise.all(results);
  console.log(`# ${outcomes.filter((o) => o === "too_large").length} of ${count} streams ran out of memory (${message}); wasm memory ${mib()} MiB`);
  assert.ok(outcomes.includes("too_large"), "memory never ran out: the test proves nothing");
  // The failed streams gave their memory back: the next ones work, huge or not.
  assert.equal((await drain("event:0")).events, 3);
  assert.equal((await drain("event:16")).response.outputs[0].content.length, 16 * MiB);
  kept.length = 0;
});

test("SseDecoder: a string chunk and a freed decoder are typed errors that say so", () => {
  const decoder = new SseDecoder();
  assert.throws(() => decoder.feed("data: x\n\n"), (error) => error instanceof InvalidRequestError && /takes a Uint8Array/.test(error.message));
  const bytes = new TextEncoder().encode("data: x\n\n");
  assert.deepEqual(decoder.feed(bytes), [{ event: "message", data: "x", id: "" }]);
  assert.throws(() => decoder.feed([...bytes]), InvalidRequestError, "an array of numbers is not a Uint8Array");
  decoder.free();
  assert.throws(() => decoder.feed(bytes), (error) => error instanceof InvalidRequestError && /freed/.test(error.message));
  assert.throws(() => decoder.finish(), (error) => error instanceof InvalidRequestError && /freed/.test(error.message));
  decoder.free();
  // An event over maxBufferBytes is a StreamError too_large, and the decoder is then still usable.
  const small = new SseDecoder({ maxBufferBytes: 16 });
  assert.throws(() => small.feed(new TextEncoder().encode(`data: ${"x".repeat(40)}\n\n`)), (error) => error instanceof StreamError && error.kind === "too_large");
  small.finish();
  assert.deepEqual(small.feed(bytes), [{ event: "message", data: "x", id: "" }]);
});
