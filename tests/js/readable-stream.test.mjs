// A conversation stream is a ReadableStream of { event, data }, as the official SDK's EventStream:
// every ReadableStream method works on it (getReader, cancel, pipeTo, pipeThrough, tee, locked,
// values(), async iteration), against mistral-emulator on 127.0.0.1, and cancelling through the
// ReadableStream API aborts the request as leaving a `for await` loop does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../emulator/harness.mjs";

const { Mistral, EventStream, StreamError, AbortError } = await import(new URL("../../pkg/node.js", import.meta.url));

let emu;
let client;
before(async () => {
  emu = await startEmulator();
  client = new Mistral({ apiKey: "k", serverURL: emu.url, retryConfig: { strategy: "none" } });
});
after(() => emu?.close());

const stats = async () => (await fetch(`${emu.url}/__emulator/stats`)).json();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stream = (inputs, fault) =>
  client.beta.conversations.startStream({ model: "m", inputs }, fault ? { headers: { "x-emulator-fault": fault } } : {});

/** Waits until the emulator has seen one more stream closed early by the client than `before`. */
async function expectClosedEarly(before) {
  for (let i = 0; i < 100; i++) {
    if ((await stats()).streams_closed_early > before) return;
    await sleep(20);
  }
  assert.fail(`the server never saw the client close (streams_closed_early stayed ${before})`);
}

/** What matters of an item: its event name and its type and content (timestamps vary). */
const summary = (item) => [item.event, item.data.type, item.data.content ?? null];
const EXPECTED = [
  ["conversation.response.started", "conversation.response.started", null],
  ["message.output.delta", "message.output.delta", "1"],
  ["message.output.delta", "message.output.delta", " 2"],
  ["message.output.delta", "message.output.delta", " 3"],
  ["conversation.response.done", "conversation.response.done", null],
];

async function readAll(reader) {
  const items = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return items;
    items.push(value);
  }
}

test("it is a ReadableStream, unlocked until read", async () => {
  const s = await stream("count to 3");
  assert.ok(s instanceof ReadableStream);
  assert.ok(s instanceof EventStream);
  assert.equal(s.locked, false);
  for (const method of ["getReader", "cancel", "pipeTo", "pipeThrough", "tee", "values"]) {
    assert.equal(typeof s[method], "function", method);
  }
  await s.cancel();
});

test("getReader() reads the same { event, data } items as for await, then done", async () => {
  const looped = [];
  for await (const item of await stream("count to 3")) looped.push(item);
  const s = await stream("count to 3");
  const reader = s.getReader();
  assert.equal(s.locked, true);
  const read = await readAll(reader);
  assert.deepEqual(read.map(summary), EXPECTED);
  assert.deepEqual(looped.map(summary), EXPECTED);
  assert.deepEqual(Object.keys(read[1]), ["event", "data"]);
  assert.equal(read[4].data.usage.totalTokens, looped[4].data.usage.totalTokens, "typed camelCase data");
  reader.releaseLock();
  assert.equal(s.locked, false);
});

test("values(), pipeTo, pipeThrough and tee carry the same items", async () => {
  const viaValues = [];
  for await (const item of (await stream("count to 3")).values()) viaValues.push(item);
  assert.deepEqual(viaValues.map(summary), EXPECTED);

  const piped = [];
  await (await stream("count to 3")).pipeTo(new WritableStream({ write: (item) => void piped.push(item) }));
  assert.deepEqual(piped.map(summary), EXPECTED);

  const contents = (await stream("count to 3")).pipeThrough(new TransformStream({
    transform(item, controller) {
      if (typeof item.data.content === "string") controller.enqueue(item.data.content);
    },
  }));
  assert.deepEqual(await readAll(contents.getReader()), ["1", " 2", " 3"]);

  const [a, b] = (await stream("count to 3")).tee();
  const [left, right] = await Promise.all([readAll(a.getReader()), readAll(b.getReader())]);
  assert.deepEqual(left.map(summary), EXPECTED);
  assert.deepEqual(right.map(summary), EXPECTED);
});

test("a reader's cancel() aborts the request: the server sees the close", async () => {
  const before = (await stats()).streams_closed_early;
  const s = await stream("count to 500", "delay-ms=5");
  const reader = s.getReader();
  for (let i = 0; i < 3; i++) assert.equal((await reader.read()).done, false);
  await reader.cancel();
  assert.deepEqual(await reader.read(), { value: undefined, done: true });
  await expectClosedEarly(before);
});

test("the stream's cancel() aborts the request: the server sees the close", async () => {
  const before = (await stats()).streams_closed_early;
  const s = await stream("count to 500", "delay-ms=5");
  await s.cancel("not needed");
  await expectClosedEarly(before);
});

test("leaving values() early and an aborted pipe abort the request too", async () => {
  let before = (await stats()).streams_closed_early;
  let n = 0;
  for await (const _ of (await stream("count to 500", "delay-ms=5")).values()) if (++n === 2) break;
  await expectClosedEarly(before);

  before = (await stats()).streams_closed_early;
  const controller = new AbortController();
  n = 0;
  const sink = new WritableStream({ write: () => void (++n === 2 && controller.abort()) });
  await assert.rejects((await stream("count to 500", "delay-ms=5")).pipeTo(sink, { signal: controller.signal }));
  await expectClosedEarly(before);
});

test("for await holds the lock while it runs, and leaves the stream closed and unlocked", async () => {
  const s = await stream("count to 3");
  let n = 0;
  for await (const _ of s) {
    assert.equal(s.locked, true);
    assert.throws(() => s.getReader(), TypeError);
    n++;
  }
  assert.equal(n, 5);
  assert.equal(s.locked, false);
  assert.deepEqual(await s.getReader().read(), { value: undefined, done: true });
});

test("breaking out of for await leaves the stream closed; a reader's lock keeps for await out", async () => {
  const s = await stream("count to 50");
  for await (const _ of s) break;
  assert.equal(s.locked, false);
  assert.deepEqual(await s.getReader().read(), { value: undefined, done: true });

  const t = await stream("count to 3");
  const reader = t.getReader();
  assert.throws(() => t[Symbol.asyncIterator](), TypeError);
  assert.equal((await reader.read()).value.event, "conversation.response.started");
  reader.releaseLock();
  // A loop after a reader goes on where the reader stopped.
  const rest = [];
  for await (const item of t) rest.push(item);
  assert.deepEqual(rest.map(summary), EXPECTED.slice(1));
});

test("a broken stream errors the reader with the same typed StreamError, after the complete events", async () => {
  const reader = (await stream("count to 5", "drop-after=3,cut-delay-ms=100")).getReader();
  const seen = [];
  await assert.rejects(async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen.push(value);
    }
  }, (e) => e instanceof StreamError && e.kind === "dropped");
  assert.equal(seen.length, 3);
  await assert.rejects(reader.closed, (e) => e instanceof StreamError);
});

test("abort() while a reader waits rejects its read with AbortError", async () => {
  const s = await stream("count to 500", "delay-ms=20");
  const reader = s.getReader();
  await reader.read();
  const pending = reader.read().then(() => reader.read());
  s.abort();
  await assert.rejects(pending, (e) => e instanceof AbortError);
});

test("finalResponse after a reader took some events folds the whole response", async () => {
  const s = await stream("count to 3");
  const reader = s.getReader();
  await reader.read();
  await reader.read();
  const response = await s.finalResponse();
  assert.equal(response.outputs[0].content, "1 2 3");
});
