// Running out of wasm memory (issue 14): a typed error for the call it hits, never a trap
// (`RuntimeError: unreachable`), and the next calls work. wasm32 memory ends at 4 GiB; rather than
// stream gigabytes to get there, this test first grows the instance's memory from JavaScript
// (`memory.grow`, pages the allocator never hands out) until only 256 MiB are left for the
// allocator's large growths (src/heap.rs keeps the last 64 MiB below 4 GiB for small ones), then
// streams huge events at the same time. Its own file, so its own process (the conversations entry,
// against tests/js/memory-server.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { load, startServer, MiB } from "./memory-server.mjs";

const { entry, memory } = await load(new URL("../../pkg/conversations/node.js", import.meta.url));
const { Mistral, StreamError, ResponseValidationError } = entry;
const PAGE = 65536;
/** Pages src/heap.rs never grows into for an allocation of 1 MiB or more (its HEADROOM_PAGES). */
const HEADROOM_PAGES = 1024;
const SPARE = 256 * MiB;

let server;
let client;
before(async () => {
  server = await startServer();
  client = new Mistral({ apiKey: "k", serverURL: server.url, retryConfig: { strategy: "none" } });
});
after(() => server.close());

const open = (test) => client.beta.conversations.startStream({ model: "m", inputs: "hi" }, { headers: { "x-test": test } });
const call = (bytes) => client.beta.conversations.start({ model: "m", inputs: "hi" }, { headers: { "x-test": `body:${bytes}` } });
async function drain(test) {
  const stream = await open(test);
  let events = 0;
  for await (const _ of stream) events++;
  return { events, response: await stream.finalResponse() };
}
const tooLarge = (error) => error instanceof StreamError && error.kind === "too_large" && /out of memory/.test(error.message);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` streams, each holding all of a 32 MiB event but its end; resolves once they hold it
 * (or failed), with the promise of each one's outcome: "ok" or the error it threw. */
async function holding(count) {
  server.held.clear();
  const streams = await Promise.all(Array.from({ length: count }, () => open("held:32")));
  const outcomes = streams.map(async (stream) => {
    stream.skipFinalResponse();
    try {
      for await (const _ of stream);
      return "ok";
    } catch (error) {
      return error;
    }
  });
  while (server.held.size < count) await pause(20);
  // The server has handed the bytes to its sockets; let the streams read them.
  let size;
  do {
    size = memory.buffer.byteLength;
    await pause(300);
  } while (memory.buffer.byteLength !== size);
  return outcomes;
}

test("the wasm memory is nearly exhausted (the setup of this file)", async () => {
  assert.equal((await drain("event:0")).events, 3);
  const pages = memory.buffer.byteLength / PAGE;
  // Leaves SPARE bytes below the heap's limit, starting at a multiple of 64 MiB.
  const target = 65536 - HEADROOM_PAGES - SPARE / PAGE;
  assert.ok(pages < target, `the heap already has ${pages} pages`);
  memory.grow(target - pages);
  assert.equal(memory.buffer.byteLength, target * PAGE);
});

test("many concurrent huge streams: a StreamError too_large for those that find no memory, never a trap; the next calls work", async () => {
  const outcomes = await Promise.all(await holding(8).then((outcomes) => (server.release(), outcomes)));
  const failed = outcomes.filter((outcome) => outcome !== "ok");
  for (const error of failed) assert.ok(tooLarge(error), `not a typed too_large: ${error?.stack ?? error}`);
  console.log(`# ${failed.length} of 8 streams ran out of memory (${failed[0]?.message}); wasm memory ${memory.buffer.byteLength / MiB} MiB`);
  assert.ok(failed.length > 0, "memory never ran out: the test proves nothing");
  // The failed streams gave their memory back at once: the next ones work, huge or not.
  assert.equal((await drain("event:0")).events, 3);
  assert.equal((await drain("event:16")).response.outputs[0].content.length, 16 * MiB);
});

test("a one-shot body that finds no memory left is a ResponseValidationError; the next calls work", async () => {
  // Three streams hold 64 MiB each of the 256: a 60 MiB body (64 MiB, and 64 more for its
  // camelCase text) cannot fit.
  const outcomes = await holding(3);
  await assert.rejects(call(60 * MiB), (error) => {
    assert.ok(error instanceof ResponseValidationError, `${error?.stack ?? error}`);
    assert.match(error.message, /out of memory for a 62914560-byte response body/);
    return true;
  });
  server.release();
  for (const outcome of await Promise.all(outcomes)) assert.ok(outcome === "ok" || tooLarge(outcome), `${outcome?.stack ?? outcome}`);
  assert.equal((await call(1000)).object, "conversation.response");
  assert.equal((await call(60 * MiB)).conversationId.length > 59 * MiB, true);
});
