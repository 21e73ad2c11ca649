// node --test against the built package's `mistral-edge-client/conversations` entry (pkg/conversations/:
// its own wasm, built with only the conversation calls), with mistral-emulator on 127.0.0.1. The
// entry must do everything a conversation needs exactly as the whole client does, and stay
// within its size budget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../emulator/harness.mjs";

const entry = await import(new URL("../../pkg/conversations/node.js", import.meta.url));
const whole = await import(new URL("../../pkg/node.js", import.meta.url));
const { Mistral, StreamError, HTTPValidationError, AuthenticationError, RateLimitError } = entry;

const METHODS = ["append", "appendStream", "restart", "restartStream", "start", "startStream"];
/** The budget of issue 2: the browser entry, wasm + JS, gzip -9. */
const BUDGET_BYTES = 60_000;

let emu;
let client;
before(async () => {
  emu = await startEmulator();
  client = new Mistral({ apiKey: "test-key", serverURL: emu.url });
});
after(() => emu?.close());

const getJson = async (path) => (await fetch(`${emu.url}${path}`)).json();
const lastRequest = async () => (await getJson("/__emulator/requests")).at(-1);
const faulty = (fault) => ({ headers: { "x-emulator-fault": fault } });
const stream = (inputs, fault) => client.beta.conversations.startStream({ model: "m", inputs }, fault ? faulty(fault) : {});
const text = (response) => response.outputs.filter((o) => o.type === "message.output").map((o) => o.content).join("");

test("the entry is the conversation calls, and only them", () => {
  assert.equal(entry.default, Mistral);
  assert.notEqual(Mistral, whole.Mistral, "its own client, over its own wasm");
  assert.deepEqual(Object.keys(client.beta), ["conversations"]);
  assert.equal(client.files, undefined);
  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(client.beta.conversations)).filter((m) => m !== "constructor");
  assert.deepEqual(methods.sort(), METHODS);
  // The standalone SseDecoder is the whole client's (its glue and checks would cost this entry 1.4 KB).
  assert.equal(entry.SseDecoder, undefined);
  for (const name of ["EventStream", "MistralError", "InvalidRequestError", "TimeoutError", "AbortError", "ConnectionError"]) {
    assert.equal(typeof entry[name], "function", name);
  }
  assert.equal(entry.Agents, undefined);
});

test("a stream: typed camelCase events in order, folded like the non-streaming call", async () => {
  const events = [];
  for await (const item of await stream("count to 4")) events.push(item);
  assert.deepEqual(events.map((e) => e.event), ["conversation.response.started", ...Array(4).fill("message.output.delta"), "conversation.response.done"]);
  assert.equal(typeof events[0].data.conversationId, "string");
  assert.equal(events[1].data.type, "message.output.delta");
  assert.equal(typeof events[5].data.usage.totalTokens, "number");

  const request = { model: "m", inputs: "search the news", tools: [{ type: "web_search" }] };
  const folded = await (await client.beta.conversations.startStream(request)).finalResponse();
  const direct = await client.beta.conversations.start(request);
  assert.equal(text(folded), text(direct));
  assert.deepEqual(folded.outputs.map((o) => o.type), direct.outputs.map((o) => o.type));
  assert.equal(folded.usage.totalTokens, folded.usage.promptTokens + folded.usage.completionTokens);
});

test("append and restart, streamed and not, in both call shapes", async () => {
  const started = await client.beta.conversations.start({ model: "m", inputs: "hello" });
  const appended = await client.beta.conversations.append({ conversationId: started.conversationId, conversationAppendRequest: { inputs: "more" } });
  assert.equal(appended.conversationId, started.conversationId);
  assert.deepEqual((await lastRequest()).json, { inputs: "more", stream: false });
  const streamed = await (await client.beta.conversations.appendStream({ conversationId: started.conversationId, inputs: "again" })).finalResponse();
  assert.equal(streamed.outputs[0].content, "Echo: again");
  assert.equal((await lastRequest()).headers.accept, "text/event-stream");

  const entryId = started.outputs[0].id;
  const restarted = await client.beta.conversations.restart({ conversationId: started.conversationId, fromEntryId: entryId, inputs: "over" });
  assert.notEqual(restarted.conversationId, started.conversationId);
  assert.deepEqual((await lastRequest()).json, { from_entry_id: entryId, inputs: "over", stream: false });
  const items = [];
  for await (const item of await client.beta.conversations.restartStream({ conversationId: started.conversationId, conversationRestartStreamRequest: { fromEntryId: entryId, inputs: "once more" } })) items.push(item.event);
  assert.equal(items.at(-1), "conversation.response.done");
});

test("breaking out of the loop closes the connection; broken streams are typed errors", async () => {
  const before = (await getJson("/__emulator/stats")).streams_closed_early;
  for await (const _ of await stream("count to 500", "delay-ms=5")) break;
  let closed = false;
  for (let i = 0; i < 100 && !closed; i++) {
    closed = (await getJson("/__emulator/stats")).streams_closed_early > before;
    if (!closed) await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(closed, "the server saw the close");

  const seen = [];
  await assert.rejects(async () => {
    for await (const item of await stream("count to 5", "end-early=3")) seen.push(item);
  }, (e) => e instanceof StreamError && e.kind === "truncated");
  assert.equal(seen.length, 3);
  await assert.rejects(async () => {
    for await (const _ of await stream("count to 5", "drop-after=3,cut-delay-ms=100"));
  }, (e) => e instanceof StreamError && e.kind === "dropped");
});

test("HTTP errors are the typed classes, which the whole client's classes recognise", async () => {
  await assert.rejects(stream("hi", "rate-limit=2"), (e) => e instanceof RateLimitError && e.status === 429 && e.retryAfterMs === 2000 && e instanceof whole.RateLimitError);
  await assert.rejects(client.beta.conversations.start({ model: "m", inputs: "hi", handoffExecution: "bogus" }), (e) =>
    e instanceof HTTPValidationError && e.detail[0].loc[1] === "handoff_execution");
  await assert.rejects(new Mistral({ serverURL: emu.url, apiKey: "" }).beta.conversations.start({ model: "m", inputs: "hi" }), AuthenticationError);
  await assert.rejects(client.beta.conversations.start({ model: "m", agentId: "a", inputs: "hi" }), entry.InvalidRequestError);
});

test("camelCase in, snake_case on the wire, opaque keys untouched", async () => {
  await client.beta.conversations.start({
    model: "m",
    inputs: "weather in Paris",
    completionArgs: { maxTokens: 5 },
    tools: [{ type: "function", function: { name: "f", parameters: { type: "object", properties: { user_id: { type: "string" } }, additionalProperties: false } } }],
    metadata: { camelKey: 1 },
  });
  const body = (await lastRequest()).json;
  assert.equal(body.completion_args.max_tokens, 5);
  assert.deepEqual(body.tools[0].function.parameters, { type: "object", properties: { user_id: { type: "string" } }, additionalProperties: false });
  assert.deepEqual(body.metadata, { camelKey: 1 });
});

test(`the browser entry fits issue 2's budget of ${BUDGET_BYTES} bytes gzip -9`, () => {
  const size = spawnSync(process.execPath, [fileURLToPath(new URL("../../scripts/size.mjs", import.meta.url)), fileURLToPath(new URL("../../pkg", import.meta.url))], { encoding: "utf8" });
  assert.equal(size.status, 0, size.stderr);
  const line = size.stdout.split("\n").find((l) => l.startsWith("size: conversations entry"));
  const gzip = Number(/(\d+) B gzip -9/.exec(line)?.[1]);
  assert.ok(gzip > 0, size.stdout);
  assert.ok(gzip <= BUDGET_BYTES, `${gzip} B`);
});
