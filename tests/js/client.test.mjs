// node --test against the built package (pkg/), with mistral-emulator on 127.0.0.1 (its scripted
// model, its `x-emulator-fault` faults, and /__emulator/{stats,requests} to see the wire).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { startEmulator } from "../emulator/harness.mjs";

const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
const { Mistral, MistralError, StreamError, RateLimitError, InvalidRequestError, HTTPValidationError, AuthenticationError, AbortError, TimeoutError, ConnectionError, NotFoundError } = pkg;

const KEY = "test-key-123";
const sha256 = (s) => createHash("sha256").update(s).digest("hex");

let emu;
let client;
before(async () => {
  emu = await startEmulator();
  client = new Mistral({ apiKey: KEY, serverURL: emu.url });
});
after(() => emu?.close());

const getJson = async (path) => {
  const res = await fetch(`${emu.url}${path}`);
  assert.equal(res.status, 200, path);
  return res.json();
};
const stats = () => getJson("/__emulator/stats");
const lastRequest = async () => (await getJson("/__emulator/requests")).at(-1);
const faulty = (fault) => ({ headers: { "x-emulator-fault": fault } });
/** A streamed model conversation; `fault` goes in x-emulator-fault. */
const stream = (inputs, fault) =>
  client.beta.conversations.startStream({ model: "m", inputs }, fault ? faulty(fault) : {});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the emulator has seen one more stream closed early by the client than `before`. */
async function expectClosedEarly(before) {
  for (let i = 0; i < 100; i++) {
    if ((await stats()).streams_closed_early > before) return;
    await sleep(20);
  }
  assert.fail(`the server never saw the client close (streams_closed_early stayed ${before})`);
}

// Varied tokens: multi-byte UTF-8 (2, 3 and 4 bytes), quotes, a newline, a backslash.
const VARIED = 'Hello café 日本語 🚀 "quoted" line\nbreak back\\slash token';
const WEATHER = { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } };

test("default and named imports are the same class", () => {
  assert.equal(pkg.default, Mistral);
});

test("for await yields typed camelCase events, in order, ending with done", async () => {
  const agent = await client.beta.agents.create({ model: "mistral-medium-latest", name: "edge-events" });
  const events = [];
  const s = await client.beta.conversations.startStream({ agentId: agent.id, inputs: "count to 4" });
  for await (const item of s) events.push(item);
  assert.deepEqual(events.map((e) => e.event), [
    "conversation.response.started",
    ...Array(4).fill("message.output.delta"),
    "conversation.response.done",
  ]);
  const delta = events[1].data;
  assert.equal(delta.type, "message.output.delta");
  assert.equal(delta.outputIndex, 0);
  assert.equal(delta.contentIndex, 0);
  assert.equal(delta.agentId, agent.id);
  assert.equal(delta.model, "mistral-medium-latest");
  assert.equal(delta.content, "1");
  assert.deepEqual(events.slice(1, 5).map((e) => e.data.content), ["1", " 2", " 3", " 4"]);
  assert.ok(!("output_index" in delta) && !("agent_id" in delta) && !("created_at" in delta));
  assert.ok(delta.createdAt instanceof Date && !Number.isNaN(delta.createdAt.getTime()));
  assert.equal(events[0].data.conversationId.startsWith("conv_"), true);
  assert.equal(events.at(-1).data.usage.completionTokens, 4);
});

test("non-ASCII and escaped tokens arrive intact", async () => {
  let text = "";
  let deltas = 0;
  for await (const { data } of await stream(VARIED)) {
    if (data.type === "message.output.delta") { text += data.content; deltas++; }
  }
  assert.equal(text, `Echo: ${VARIED}`);
  assert.ok(deltas >= 8, `one delta per token: ${deltas}`);
});

test("tool events: chunk objects renamed, opaque info and tag values untouched", async () => {
  const events = [];
  const s = await client.beta.conversations.startStream({ model: "m", inputs: "search the news", tools: [{ type: "web_search" }] });
  for await (const item of s) events.push(item.data);
  const started = events.find((e) => e.type === "tool.execution.started");
  assert.equal(started.name, "web_search");
  const args = events.filter((e) => e.type === "tool.execution.delta").map((e) => e.arguments).join("");
  assert.deepEqual(JSON.parse(args), { query: "search the news" });
  const done = events.find((e) => e.type === "tool.execution.done");
  assert.deepEqual(done.info, { query: "search the news", results: 2 });
  const reference = events.find((e) => e.type === "message.output.delta" && typeof e.content === "object");
  assert.equal(reference.content.type, "tool_reference");
  assert.equal(reference.content.tool, "web_search");
  assert.equal(reference.outputIndex, 1);
  assert.deepEqual(events.at(-1).usage.connectors, { web_search: 1 });

  const calls = [];
  const f = await client.beta.conversations.startStream({ model: "m", inputs: "What's the weather in Paris?", tools: [WEATHER] });
  for await (const { data } of f) if (data.type === "function.call.delta") calls.push(data);
  assert.ok(calls.length >= 1);
  assert.match(calls[0].toolCallId, /^[A-Za-z0-9]{9}$/);
  assert.ok(!("tool_call_id" in calls[0]));
  assert.deepEqual(JSON.parse(calls.map((c) => c.arguments).join("")), { city: "Paris" });
});

test("finalResponse folds the deltas like the non-streaming call", async () => {
  const request = { model: "m", inputs: "search the news", tools: [{ type: "web_search" }] };
  const folded = await (await client.beta.conversations.startStream(request)).finalResponse();
  const direct = await client.beta.conversations.start(request);
  const strip = (v) => JSON.parse(JSON.stringify(v, (k, x) => (["id", "createdAt", "completedAt", "conversationId"].includes(k) ? undefined : x)));
  assert.deepEqual(strip(folded), strip(direct));
  assert.equal(folded.object, "conversation.response");
  const [tool, message] = folded.outputs;
  assert.equal(tool.type, "tool.execution");
  assert.equal(tool.arguments, '{"query":"search the news"}');
  assert.deepEqual(tool.info, { query: "search the news", results: 2 });
  assert.equal(message.type, "message.output");
  assert.ok(Array.isArray(message.content));
  assert.equal(message.content[1].type, "tool_reference");
  assert.equal(folded.usage.totalTokens, folded.usage.promptTokens + folded.usage.completionTokens);

  const calls = await (await client.beta.conversations.startStream({ model: "m", inputs: "weather in Paris", tools: [WEATHER] })).finalResponse();
  const [call] = calls.outputs;
  assert.equal(call.type, "function.call");
  assert.match(call.toolCallId, /^[A-Za-z0-9]{9}$/);
  assert.deepEqual(JSON.parse(call.arguments), { city: "Paris" });
});

test("an unknown event type passes through verbatim", async () => {
  const events = [];
  for await (const item of await stream("hi there", "unknown-event")) events.push(item);
  const novel = events.find((e) => e.event === "conversation.response.novel");
  assert.deepEqual(novel.data, { type: "conversation.response.novel", some_field: { nested_key: 1 } });
  assert.equal(events.at(-1).event, "conversation.response.done");
});

test("breaking out of the loop aborts the request: the server sees the close", async () => {
  const before = (await stats()).streams_closed_early;
  const s = await stream("count to 500", "delay-ms=5");
  let n = 0;
  for await (const _ of s) if (++n === 3) break;
  await expectClosedEarly(before);
});

test("a caller's AbortSignal aborts a running stream with AbortError", async () => {
  const before = (await stats()).streams_closed_early;
  const controller = new AbortController();
  const s = await client.beta.conversations.startStream(
    { model: "m", inputs: "count to 500" },
    { signal: controller.signal, ...faulty("delay-ms=5") },
  );
  let n = 0;
  await assert.rejects(async () => {
    for await (const _ of s) if (++n === 2) controller.abort();
  }, (e) => e instanceof AbortError && e instanceof MistralError);
  await expectClosedEarly(before);
});

test("a body that ends before done throws a typed StreamError, after the complete events", async () => {
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of await stream("count to 5", "end-early=3")) seen.push(item);
  }, (e) => e instanceof StreamError && e.kind === "truncated" && /conversation\.response\.done/.test(e.message));
  assert.equal(seen.length, 3);
});

test("a dropped connection throws StreamError kind dropped, never a raw TypeError", async () => {
  const before = (await stats()).streams_dropped;
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of await stream("count to 5", "drop-after=3,cut-delay-ms=100")) seen.push(item);
  }, (e) => e instanceof StreamError && e.kind === "dropped" && e.requestId.startsWith("req_"));
  assert.equal(seen.length, 3);
  assert.equal((await stats()).streams_dropped, before + 1);
});

test("malformed event data throws StreamError kind malformed after the good events", async () => {
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of await stream("count to 5", "malformed")) seen.push(item);
  }, (e) => e instanceof StreamError && e.kind === "malformed");
  assert.equal(seen.length, 3);
});

test("conversation.response.error is delivered, then thrown as StreamError with its code", async () => {
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of await stream("count to 5", "error-event")) seen.push(item.event);
  }, (e) => e instanceof StreamError && e.kind === "error_event" && e.code === 3000 && /internal model error/.test(e.message));
  assert.equal(seen.at(-1), "conversation.response.error");
  assert.equal(seen.length, 4);
});

test("a huge event streams through", async () => {
  let longest = 0;
  for await (const { data } of await stream("count to 5", `huge=${3 * 1024 * 1024}`)) {
    if (data.type === "message.output.delta") longest = Math.max(longest, data.content.length);
  }
  assert.equal(longest, 3 * 1024 * 1024);
});

test("HTTP errors reject startStream with typed classes", async () => {
  await assert.rejects(stream("hi", "rate-limit=2"), (e) =>
    e instanceof RateLimitError && e.status === 429 && e.retryAfterMs === 2000 && e.isRetryable && e.requestId.startsWith("req_"));
  // A value the client passes through but the API refuses: the API's 422, detail and all.
  await assert.rejects(client.beta.conversations.startStream({ model: "m", inputs: "hi", handoffExecution: "bogus" }), (e) =>
    e instanceof HTTPValidationError && e.status === 422 && e.detail[0].loc[1] === "handoff_execution" && e.detail[0].type === "literal_error");
  await assert.rejects(client.beta.conversations.get({ conversationId: "conv_missing" }), (e) => e instanceof NotFoundError && e.status === 404);
  const anonymous = new Mistral({ serverURL: emu.url, apiKey: "" });
  await assert.rejects(anonymous.beta.conversations.start({ model: "m", inputs: "hi" }), AuthenticationError);
});

test("a rate-limited request is retried after Retry-After, then streams", async () => {
  const key = `retry-${Math.random()}`;
  const fault = `rate-limit=0,fail=1,key=${key}`;
  const retrying = new Mistral({ apiKey: KEY, serverURL: emu.url, retryConfig: { strategy: "backoff", backoff: { initialInterval: 10, maxInterval: 50 } } });
  const s = await retrying.beta.conversations.startStream({ model: "m", inputs: "count to 2" }, faulty(fault));
  const events = [];
  for await (const e of s) events.push(e.event);
  assert.equal(events.length, 4);
  const attempts = (await getJson("/__emulator/requests")).filter((r) => r.headers["x-emulator-fault"] === fault);
  assert.equal(attempts.length, 2, "one 429, then one success");
});

test("errors never carry the API key", async () => {
  const secret = "sk-very-secret-value";
  const c = new Mistral({ apiKey: secret, serverURL: emu.url });
  const errors = [];
  const tag = Math.random();
  const cases = [
    [{ model: "m", inputs: "hi" }, `rate-limit,key=${tag}`],
    [{ model: "m", inputs: "hi", handoffExecution: "bogus" }, `key=${tag}`], // a 422
    [{ model: "m", inputs: "count to 5" }, `drop-after=1,key=${tag}`],
  ];
  for (const [request, fault] of cases) {
    try {
      for await (const _ of await c.beta.conversations.startStream(request, faulty(fault)));
    } catch (e) {
      errors.push(e);
    }
  }
  try {
    await c.beta.conversations.start({ model: "m", inputs: "hi", tools: [{ type: "connector", connectorId: "x", authorization: { type: "oauth2-token", value: "tok-secret" } }, { type: "connector", connectorId: "x" }] });
  } catch (e) {
    errors.push(e);
  }
  assert.equal(errors.length, 4);
  for (const e of errors) {
    const dump = JSON.stringify({ ...e, message: e.message, stack: e.stack });
    assert.ok(!dump.includes(secret) && !dump.includes("tok-secret"), dump);
  }
  // The key was sent (the emulator keeps only its hash).
  const recorded = await getJson("/__emulator/requests");
  for (const [, fault] of cases) {
    const sent = recorded.filter((r) => r.headers["x-emulator-fault"] === fault);
    assert.ok(sent.length >= 1 && sent.every((r) => r.authorization.sha256 === sha256(secret)), fault);
  }
});

test("requests: camelCase in, snake_case on the wire, opaque keys and tags untouched", async () => {
  const error = await client.beta.conversations.start({
    model: "mistral-medium-latest",
    inputs: [{ role: "user", content: [{ type: "image_url", imageUrl: { url: "data:x", detail: "low" } }] }],
    completionArgs: { maxTokens: 5, responseFormat: { type: "json_schema", jsonSchema: { name: "s", schema: { additional_properties: false, properties: { city_name: {} } } } } },
    tools: [
      { type: "web_search" },
      { type: "function", function: { name: "f", parameters: { type: "object", properties: { user_id: { type: "string" } }, additionalProperties: false } } },
      { type: "connector", connectorId: "my_deepwiki", toolConfiguration: { exclude: ["read_wiki_structure"], requiresConfirmation: ["x"] } },
    ],
    metadata: { user_key: "v", camelKey: 1 },
    stream: true,
  }).catch((e) => e);
  // The emulator accepts the body and looks the connector up: there is none.
  assert.ok(error instanceof NotFoundError && /my_deepwiki/.test(error.message), String(error));
  const sent = await lastRequest();
  const body = sent.json;
  assert.equal(sent.method, "POST");
  assert.equal(sent.path, "/v1/conversations");
  assert.equal(sent.headers["content-type"], "application/json");
  assert.deepEqual(sent.authorization, { scheme: "Bearer", sha256: sha256(KEY) });
  assert.ok(!JSON.stringify(sent).includes(KEY));
  assert.equal(body.stream, false, "the method owns the stream flag");
  assert.deepEqual(body.inputs[0].content[0], { type: "image_url", image_url: { url: "data:x", detail: "low" } });
  assert.equal(body.completion_args.max_tokens, 5);
  assert.deepEqual(body.completion_args.response_format.json_schema.schema, { additional_properties: false, properties: { city_name: {} } });
  assert.deepEqual(body.tools[0], { type: "web_search" });
  assert.deepEqual(body.tools[1].function.parameters.properties, { user_id: { type: "string" } });
  assert.equal(body.tools[1].function.parameters.additionalProperties, false);
  assert.deepEqual(body.tools[2], { type: "connector", connector_id: "my_deepwiki", tool_configuration: { exclude: ["read_wiki_structure"], requires_confirmation: ["x"] } });
  assert.deepEqual(body.metadata, { user_key: "v", camelKey: 1 });
});

test("append and restart accept the official wrapped form and the flat form; ids are percent-encoded", async () => {
  const missing = await client.beta.conversations.append({ conversationId: "conv/1", conversationAppendRequest: { inputs: [{ type: "function.result", toolCallId: "call_1", result: "{}" }] } }).catch((e) => e);
  assert.ok(missing instanceof NotFoundError, String(missing));
  let sent = await lastRequest();
  assert.equal(sent.path, "/v1/conversations/conv%2F1");
  assert.deepEqual(sent.json, { inputs: [{ type: "function.result", tool_call_id: "call_1", result: "{}" }], stream: false });

  // A built-in tool that waits for confirmation; the flat form of appendStream allows it.
  const started = await client.beta.conversations.start({ model: "m", inputs: "search the news", tools: [{ type: "web_search", toolConfiguration: { requiresConfirmation: ["web_search"] } }] });
  const [pending] = started.outputs;
  assert.equal(pending.confirmationStatus, "pending");
  const s = await client.beta.conversations.appendStream({ conversationId: started.conversationId, inputs: "more", toolConfirmations: [{ toolCallId: pending.toolCallId, confirmation: "allow" }] });
  const appended = await s.finalResponse();
  assert.equal(appended.outputs[0].type, "tool.execution");
  sent = await lastRequest();
  assert.deepEqual(sent.json, { inputs: "more", tool_confirmations: [{ tool_call_id: pending.toolCallId, confirmation: "allow" }], stream: true });
  assert.equal(sent.headers.accept, "text/event-stream");

  const history = await client.beta.conversations.getHistory({ conversationId: started.conversationId });
  const firstInput = history.entries[0];
  const r = await client.beta.conversations.restart({ conversationId: started.conversationId, conversationRestartRequest: { fromEntryId: firstInput.id, inputs: "again" } });
  sent = await lastRequest();
  assert.equal(sent.path, `/v1/conversations/${started.conversationId}/restart`);
  assert.deepEqual(sent.json, { from_entry_id: firstInput.id, inputs: "again", stream: false });
  assert.notEqual(r.conversationId, started.conversationId);
  assert.equal(r.outputs[0].content, "Echo: again");
});

test("validation rejects before sending and names the field", async () => {
  const count = (await stats()).requests;
  const cases = [
    [{ model: "m", agentId: "a", inputs: "hi" }, /`model` or `agentId`, not both/],
    [{ inputs: "hi" }, /give `model` or `agentId`/],
    [{ model: "m", inputs: [] }, /`inputs` must not be empty/],
    [{ model: "m" }, /missing required field `inputs`/],
    [{ model: "m", inputs: "hi", tools: [{ type: "connector", connectorId: "a", toolConfiguration: { include: ["x"], exclude: ["y"] } }] }, /tools\[0\]\.toolConfiguration.*both `include` and `exclude`/],
    [{ model: "m", inputs: "hi", tools: [{ type: "connector", connectorId: "a" }, { type: "connector", connectorId: "a" }] }, /connector `a` is in `tools` twice/],
    [{ model: "m", inputs: "hi", tools: [{ type: "document_retrieval", config: { library_id: "l" } }] }, /did you mean .*document_library.*libraryIds/],
    [{ model: "m", inputs: "hi", completionArgs: { maxTokens: "lots" } }, /completionArgs\.maxTokens` must be an integer/],
  ];
  for (const [request, pattern] of cases) {
    await assert.rejects(client.beta.conversations.start(request), (e) => e instanceof InvalidRequestError && pattern.test(e.message), String(pattern));
  }
  assert.equal((await stats()).requests, count, "nothing was sent");
});

test("a stream that stalls longer than timeoutMs fails with TimeoutError", async () => {
  const c = new Mistral({ apiKey: "k", serverURL: emu.url, timeoutMs: 150 });
  await assert.rejects(async () => {
    for await (const _ of await c.beta.conversations.startStream({ model: "m", inputs: "count to 3" }, faulty("delay-ms=1000")));
  }, (e) => e instanceof TimeoutError && e.waitingFor === "the next chunk");
});

test("a refused connection rejects with ConnectionError", async () => {
  const c = new Mistral({ apiKey: "k", serverURL: "http://127.0.0.1:9" });
  await assert.rejects(c.beta.conversations.start({ model: "m", inputs: "hi" }), ConnectionError);
});

test("toReadableStream re-emits the events as SSE bytes", async () => {
  const body = (await stream("count to 2")).toReadableStream();
  const text = await new Response(body).text();
  const decoder = new pkg.SseDecoder();
  const events = decoder.feed(new TextEncoder().encode(text));
  assert.equal(events.length, 4);
  assert.equal(events[1].event, "message.output.delta");
  assert.equal(JSON.parse(events[1].data).outputIndex, 0);
  assert.equal(JSON.parse(events[2].data).content, " 2");
});

test("the standalone SseDecoder", () => {
  const decoder = new pkg.SseDecoder();
  const bytes = new TextEncoder().encode("\uFEFFid: 7\nretry: 1500\nevent: a\ndata: x\ndata: y\n\n: c\r\ndata: z\r");
  const events = [...decoder.feed(bytes.slice(0, 9)), ...decoder.feed(bytes.slice(9)), ...decoder.feed(new TextEncoder().encode("\n\n"))];
  assert.deepEqual(events, [
    { event: "a", data: "x\ny", id: "7" },
    { event: "message", data: "z", id: "7" },
  ]);
  assert.equal(decoder.retry, 1500);
  assert.deepEqual(decoder.feed(new TextEncoder().encode("data: pending")), []);
  assert.deepEqual(decoder.finish(), []);
  const small = new pkg.SseDecoder({ maxBufferBytes: 8 });
  assert.throws(() => small.feed(new TextEncoder().encode("data: 0123456789")), (e) => e instanceof StreamError && e.kind === "too_large");
});

test("instanceof works across two loaded copies of the package", async () => {
  const { cpSync, mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(`${tmpdir()}/mistral-edge-copy-`);
  try {
    cpSync(new URL("../../pkg", import.meta.url), dir, { recursive: true });
    const copy = await import(`${dir}/node.js`);
    assert.notEqual(copy.RateLimitError, RateLimitError, "a separate copy");
    const other = new copy.Mistral({ apiKey: "k", serverURL: emu.url });
    const error = await other.beta.conversations.start({ model: "m", inputs: "hi" }, faulty("rate-limit")).catch((e) => e);
    assert.ok(error instanceof RateLimitError && error instanceof MistralError && error instanceof pkg.APIError);
    assert.ok(!(error instanceof AuthenticationError) && !(error instanceof StreamError));
    assert.ok(!(new Error("x") instanceof MistralError));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
