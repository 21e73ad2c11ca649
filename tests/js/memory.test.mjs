// The memory suite (issue 14), against the built package's conversations entry and a small SSE
// server on 127.0.0.1 (tests/js/memory-server.mjs). WebAssembly memory never shrinks, so what is
// checked is that memory used once is used again, for any size; that a stream's wasm state goes
// when the stream ends, not at garbage collection (every stream here stays referenced until its
// test ends); and each limit the README states ("Streaming", the limits): the largest event, the
// largest one-shot body, what finalResponse() keeps, skipFinalResponse(). Running out of memory is
// tests/js/memory-exhaustion.test.mjs (its own process: it leaves the wasm memory at 4 GiB).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { load, startServer, MiB } from "./memory-server.mjs";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const { entry, memory } = await load(new URL("../../pkg/conversations/node.js", import.meta.url));
const { Mistral, StreamError, ResponseValidationError, TimeoutError } = entry;
const mib = () => `${(memory.buffer.byteLength / MiB).toFixed(0)} MiB`;

let server;
let client;
before(async () => {
  server = await startServer();
  client = new Mistral({ apiKey: "k", serverURL: server.url, retryConfig: { strategy: "none" } });
});
after(() => server.close());

const open = (test, options) =>
  client.beta.conversations.startStream({ model: "m", inputs: "hi" }, { headers: { "x-test": test }, ...options });
/** Streams one response to its end; the stream objects stay in `kept` (nothing is left to GC). */
const kept = [];
async function drain(test, { final = true } = {}) {
  const stream = await open(test);
  kept.push(stream);
  if (!final) stream.skipFinalResponse();
  let events = 0;
  for await (const _ of stream) events++;
  return { events, response: final ? await stream.finalResponse() : undefined };
}

test("a stream that fails, is aborted or outlives its deadline mid-event frees what it held at once (no GC needed)", async () => {
  // First in this process, while the memory is small: whatever a stream kept would grow it.
  const { AbortError } = entry;
  let grown;
  for (let i = 0; i < 4; i++) {
    // All of a 32 MiB delta but its end, then the caller aborts while the loop waits.
    server.held.clear();
    const stream = await open("held:32");
    kept.push(stream);
    const loop = (async () => {
      for await (const _ of stream);
    })();
    while (server.held.size === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    stream.abort();
    await assert.rejects(loop, AbortError);
    // What was folded before the abort (the event never completed).
    assert.deepEqual((await stream.finalResponse()).outputs, []);
    // The first one grows the memory to what such a stream needs; the next ones reuse it.
    grown ??= memory.buffer.byteLength;
  }
  for (let i = 0; i < 4; i++) {
    // The same held delta, ended by the stream's total deadline (`streamTimeoutMs`) instead.
    const stream = await open("held:32", { streamTimeoutMs: 3000 });
    kept.push(stream);
    await assert.rejects(
      (async () => {
        for await (const _ of stream);
      })(),
      (error) => error instanceof TimeoutError && error.timeoutMs === 3000,
    );
  }
  server.release();
  for (let i = 0; i < 4; i++) {
    // Half of a 32 MiB delta, then the body ends: a StreamError after the first event.
    const stream = await open("cut:32");
    kept.push(stream);
    const events = [];
    await assert.rejects(
      (async () => {
        for await (const { event } of stream) events.push(event);
      })(),
      (error) => error instanceof StreamError && ["truncated", "dropped"].includes(error.kind),
    );
    assert.deepEqual(events, ["conversation.response.started"]);
  }
  console.log(`# wasm memory after 12 streams stopped mid-event: ${mib()}`);
  assert.equal(memory.buffer.byteLength, grown, "a stream stopped mid-event kept its memory");
  kept.length = 0;
});

test("the memory one huge event took is used again, for any size, once its stream has ended (no GC needed)", async () => {
  assert.ok(memory instanceof WebAssembly.Memory, "the entry's wasm memory was not caught");
  const { response } = await drain("event:16");
  assert.equal(response.outputs[0].content.length, 16 * MiB);
  const after16 = memory.buffer.byteLength;
  console.log(`# wasm memory after one 16 MiB event: ${mib()}`);
  for (const size of [16, 1, 8, 0.1, 12, 0.01, 15.9]) await drain(`event:${size}`);
  assert.equal(memory.buffer.byteLength, after16, "streams after the first 16 MiB event grew the memory");

  await drain("event:63");
  const after63 = memory.buffer.byteLength;
  console.log(`# wasm memory after one 63 MiB event: ${mib()}`);
  for (const size of [40, 20, 63, 0.5]) await drain(`event:${size}`);
  console.log(`# wasm memory after 40/20/63/0.5 MiB events: ${mib()}`);
  assert.equal(memory.buffer.byteLength, after63, "events after a 63 MiB one grew the memory");
  kept.length = 0;
  gc();
  // Garbage collection changes nothing: the streams had freed their wasm state already.
  await drain("event:16");
  assert.equal(memory.buffer.byteLength, after63);
});

test("largest event: 64 MiB; a larger one is a StreamError too_large after the events before it", async () => {
  const stream = await open("event:64.01");
  const events = [];
  await assert.rejects(
    (async () => {
      for await (const { event } of stream) events.push(event);
    })(),
    (error) => {
      assert.ok(error instanceof StreamError, `${error}`);
      assert.equal(error.kind, "too_large");
      assert.match(error.message, /67108864-byte buffer limit/);
      return true;
    },
  );
  assert.deepEqual(events, ["conversation.response.started"]);
  // And one just under it is delivered whole.
  const { response } = await drain("event:63.99", { final: true });
  assert.equal(response.outputs[0].content.length, Math.round(63.99 * MiB));
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
    assert.ok(error instanceof StreamError, `${error}`);
    assert.equal(error.kind, "too_large");
    assert.match(error.message, /64 MiB/);
    return true;
  });
  // Under the cap it is the whole response.
  const { response } = await drain("deltas:60");
  assert.equal(response.outputs[0].content.length, 60 * MiB);
  kept.length = 0;
});

test("skipFinalResponse(): a caller who only iterates keeps no deltas; finalResponse() then says so", async () => {
  const stream = await open("deltas:3");
  assert.equal(stream.skipFinalResponse(), stream);
  let deltas = 0;
  for await (const { event } of stream) if (event === "message.output.delta") deltas++;
  assert.equal(deltas, 3);
  await assert.rejects(stream.finalResponse(), (error) => error instanceof StreamError && error.kind === "too_large" && /skipFinalResponse/.test(error.message));
  // Past the 64 MiB fold cap, a stream that skips it is not affected at all.
  assert.equal((await drain("deltas:66", { final: false })).events, 68);
  kept.length = 0;
});

test("largest one-shot body: 64 MiB; a larger one is a ResponseValidationError, not an untyped error or a trap", async () => {
  const call = (bytes) => client.beta.conversations.start({ model: "m", inputs: "hi" }, { headers: { "x-test": `body:${bytes}` } });
  await assert.rejects(call(64 * MiB + 1), (error) => {
    assert.ok(error instanceof ResponseValidationError, `${error}`);
    assert.match(error.message, /67108865 bytes, over the 67108864 bytes/);
    return true;
  });
  const response = await call(64 * MiB);
  assert.ok(response.conversationId.length > 63 * MiB);
});

test("SseDecoder (the whole client's): a string chunk and a freed decoder are InvalidRequestErrors that say so", async () => {
  const { SseDecoder, InvalidRequestError, StreamError: WholeStreamError } = await import(new URL("../../pkg/node.js", import.meta.url));
  const decoder = new SseDecoder();
  assert.throws(() => decoder.feed("data: x\n\n"), (error) => error instanceof InvalidRequestError && /takes a Uint8Array/.test(error.message));
  const bytes = new TextEncoder().encode("data: x\n\n");
  // Nothing was lost by the refused string: the next bytes decode.
  assert.deepEqual(decoder.feed(bytes), [{ event: "message", data: "x", id: "" }]);
  assert.throws(() => decoder.feed([...bytes]), InvalidRequestError, "an array of numbers is not a Uint8Array");
  decoder.free();
  assert.throws(() => decoder.feed(bytes), (error) => error instanceof InvalidRequestError && /freed/.test(error.message));
  assert.throws(() => decoder.finish(), (error) => error instanceof InvalidRequestError && /freed/.test(error.message));
  assert.equal(decoder.lastEventId, "");
  decoder.free();
  // An event over maxBufferBytes is a StreamError too_large; after finish() the decoder works again.
  const small = new SseDecoder({ maxBufferBytes: 16 });
  assert.throws(() => small.feed(new TextEncoder().encode(`data: ${"x".repeat(40)}\n\n`)), (error) => error instanceof WholeStreamError && error.kind === "too_large");
  small.finish();
  assert.deepEqual(small.feed(bytes), [{ event: "message", data: "x", id: "" }]);
});
