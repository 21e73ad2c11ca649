// node --test against the built package (pkg/), with the mock API on 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startMockServer } from "../mock/server.mjs";

const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
const { Mistral, MistralError, StreamError, RateLimitError, InvalidRequestError, HTTPValidationError, AuthenticationError, AbortError, TimeoutError, ConnectionError } = pkg;

let mock;
let client;
before(async () => {
  mock = await startMockServer({ port: 0 });
  client = new Mistral({ apiKey: "test-key-123", serverURL: mock.url });
});
after(() => mock.close());

const lastRequest = () => mock.requests.at(-1);
const stream = (scenario, headers = {}) =>
  client.beta.conversations.startStream({ model: "m", inputs: "hi" }, { headers: { "x-mock-scenario": scenario, ...headers } });

test("default and named imports are the same class", () => {
  assert.equal(pkg.default, Mistral);
});

test("for await yields typed camelCase events, in order, ending with done", async () => {
  const events = [];
  for await (const item of await stream("ok", { "x-mock-n": "4" })) events.push(item);
  assert.deepEqual(events.map((e) => e.event), [
    "conversation.response.started",
    ...Array(4).fill("message.output.delta"),
    "conversation.response.done",
  ]);
  const delta = events[1].data;
  assert.equal(delta.type, "message.output.delta");
  assert.equal(delta.outputIndex, 1);
  assert.equal(delta.contentIndex, 0);
  assert.equal(delta.agentId, "ag_067f2a39ddd67bf68000fa921bc0c25d");
  assert.equal(delta.content, " token");
  assert.ok(!("output_index" in delta) && !("agent_id" in delta));
  assert.equal(events[0].data.conversationId.startsWith("conv_"), true);
  assert.equal(events.at(-1).data.usage.completionTokens, 4);
});

test("non-ASCII and escaped tokens arrive intact", async () => {
  let text = "";
  for await (const { data } of await stream("ok", { "x-mock-n": "16", "x-mock-tokens": "varied" })) {
    if (data.type === "message.output.delta") text += data.content;
  }
  assert.match(text, /é/);
  assert.match(text, /日本語/);
  assert.ok(text.includes('"') && text.includes("\n") && text.includes("\\"));
});

test("tool events: chunk objects renamed, opaque info and tag values untouched", async () => {
  const events = [];
  for await (const item of await stream("tools")) events.push(item.data);
  const done = events.find((e) => e.type === "tool.execution.done");
  assert.deepEqual(done.info, { some_key: 1 });
  const reference = events.find((e) => e.type === "message.output.delta" && typeof e.content === "object");
  assert.equal(reference.content.type, "tool_reference");
  assert.equal(reference.content.tool, "web_search");
  const call = events.filter((e) => e.type === "function.call.delta");
  assert.equal(call[0].toolCallId, "call_1");
  assert.deepEqual(events.at(-1).usage.connectors, { web_search: 1 });
});

test("finalResponse folds the deltas like the non-streaming call", async () => {
  const s = await stream("tools");
  const response = await s.finalResponse();
  assert.equal(response.object, "conversation.response");
  const [tool, message, call] = response.outputs;
  assert.equal(tool.type, "tool.execution");
  assert.equal(tool.arguments, '{"query":"x"}');
  assert.deepEqual(tool.info, { some_key: 1 });
  assert.equal(message.type, "message.output");
  assert.ok(Array.isArray(message.content));
  assert.equal(message.content[0].type, "tool_reference");
  assert.equal(call.type, "function.call");
  assert.equal(call.toolCallId, "call_1");
  assert.deepEqual(JSON.parse(call.arguments), { city: "Paris" });
  assert.equal(response.usage.totalTokens, 15);
});

test("an unknown event type passes through verbatim", async () => {
  const events = [];
  for await (const item of await stream("unknown-event")) events.push(item);
  const novel = events.find((e) => e.event === "conversation.response.novel");
  assert.deepEqual(novel.data, { type: "conversation.response.novel", some_field: { nested_key: 1 } });
});

test("breaking out of the loop aborts the request: the server sees the close", async () => {
  const before = mock.closedEarly;
  const s = await stream("slow", { "x-mock-n": "500", "x-mock-delay-ms": "5" });
  let n = 0;
  for await (const _ of s) if (++n === 3) break;
  for (let i = 0; i < 50 && mock.closedEarly === before; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(mock.closedEarly, before + 1);
});

test("a caller's AbortSignal aborts a running stream with AbortError", async () => {
  const controller = new AbortController();
  const s = await client.beta.conversations.startStream(
    { model: "m", inputs: "hi" },
    { signal: controller.signal, headers: { "x-mock-scenario": "slow", "x-mock-n": "500", "x-mock-delay-ms": "5" } },
  );
  let n = 0;
  await assert.rejects(async () => {
    for await (const _ of s) if (++n === 2) controller.abort();
  }, (e) => e instanceof AbortError && e instanceof MistralError);
});

test("a body that ends before done throws a typed StreamError, after the complete events", async () => {
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of await stream("cut-clean")) seen.push(item);
  }, (e) => e instanceof StreamError && e.kind === "truncated" && /conversation\.response\.done/.test(e.message));
  assert.equal(seen.length, 3);
});

test("a dropped connection throws StreamError kind dropped, never a raw TypeError", async () => {
  await assert.rejects(async () => {
    for await (const _ of await stream("cut-socket")) {}
  }, (e) => e instanceof StreamError && e.kind === "dropped" && typeof e.requestId === "string");
});

test("malformed event data throws StreamError kind malformed after the good events", async () => {
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of await stream("malformed-json")) seen.push(item);
  }, (e) => e instanceof StreamError && e.kind === "malformed");
  assert.ok(seen.length >= 3);
});

test("conversation.response.error is delivered, then thrown as StreamError with its code", async () => {
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of await stream("error-event")) seen.push(item.event);
  }, (e) => e instanceof StreamError && e.kind === "error_event" && e.code === 3000);
  assert.equal(seen.at(-1), "conversation.response.error");
});

test("a huge event streams through", async () => {
  let longest = 0;
  for await (const { data } of await stream("huge", { "x-mock-huge-bytes": String(3 * 1024 * 1024) })) {
    if (data.type === "message.output.delta") longest = Math.max(longest, data.content.length);
  }
  assert.equal(longest, 3 * 1024 * 1024);
});

test("HTTP errors reject startStream with typed classes", async () => {
  await assert.rejects(stream("rate-limit", { "x-mock-retry-after": "2" }), (e) =>
    e instanceof RateLimitError && e.status === 429 && e.retryAfterMs === 2000 && e.isRetryable && e.requestId.startsWith("req_"));
  await assert.rejects(stream("validation"), (e) =>
    e instanceof HTTPValidationError && e.status === 422 && e.detail[0].loc[1] === "inputs");
  const anonymous = new Mistral({ serverURL: mock.url, apiKey: "" });
  await assert.rejects(anonymous.beta.conversations.start({ model: "m", inputs: "hi" }), AuthenticationError);
});

test("errors never carry the API key", async () => {
  const secret = "sk-very-secret-value";
  const c = new Mistral({ apiKey: secret, serverURL: mock.url });
  const errors = [];
  for (const scenario of ["rate-limit", "validation", "cut-socket"]) {
    try {
      for await (const _ of await c.beta.conversations.startStream({ model: "m", inputs: "hi" }, { headers: { "x-mock-scenario": scenario } }));
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
});

test("requests: camelCase in, snake_case on the wire, opaque keys and tags untouched", async () => {
  await client.beta.conversations.start({
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
  });
  const body = lastRequest().parsed;
  assert.equal(lastRequest().headers["content-type"], "application/json");
  assert.equal(lastRequest().headers.authorization, "Bearer test-key-123");
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
  await client.beta.conversations.append({ conversationId: "conv/1", conversationAppendRequest: { inputs: [{ type: "function.result", toolCallId: "call_1", result: "{}" }] } });
  assert.equal(lastRequest().path, "/v1/conversations/conv%2F1");
  assert.deepEqual(lastRequest().parsed, { inputs: [{ type: "function.result", tool_call_id: "call_1", result: "{}" }], stream: false });
  const s = await client.beta.conversations.appendStream({ conversationId: "conv_2", inputs: "more", toolConfirmations: [{ toolCallId: "c", confirmation: "allow" }] });
  await s.finalResponse();
  assert.deepEqual(lastRequest().parsed, { inputs: "more", tool_confirmations: [{ tool_call_id: "c", confirmation: "allow" }], stream: true });
  assert.equal(lastRequest().headers.accept, "text/event-stream");
  const r = await client.beta.conversations.restart({ conversationId: "conv_2", conversationRestartRequest: { fromEntryId: "msg_1", inputs: "again" } });
  assert.equal(lastRequest().path, "/v1/conversations/conv_2/restart");
  assert.deepEqual(lastRequest().parsed, { from_entry_id: "msg_1", inputs: "again", stream: false });
  assert.notEqual(r.conversationId, "conv_2");
});

test("validation rejects before sending and names the field", async () => {
  const count = mock.requests.length;
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
  assert.equal(mock.requests.length, count, "nothing was sent");
});

test("a stream that stalls longer than timeoutMs fails with TimeoutError", async () => {
  const c = new Mistral({ apiKey: "k", serverURL: mock.url, timeoutMs: 150 });
  await assert.rejects(async () => {
    for await (const _ of await c.beta.conversations.startStream({ model: "m", inputs: "hi" }, { headers: { "x-mock-scenario": "slow", "x-mock-delay-ms": "1000", "x-mock-n": "3" } }));
  }, (e) => e instanceof TimeoutError && e.waitingFor === "the next chunk");
});

test("a refused connection rejects with ConnectionError", async () => {
  const c = new Mistral({ apiKey: "k", serverURL: "http://127.0.0.1:9" });
  await assert.rejects(c.beta.conversations.start({ model: "m", inputs: "hi" }), ConnectionError);
});

test("toReadableStream re-emits the events as SSE bytes", async () => {
  const body = (await stream("ok", { "x-mock-n": "2" })).toReadableStream();
  const text = await new Response(body).text();
  const decoder = new pkg.SseDecoder();
  const events = decoder.feed(new TextEncoder().encode(text));
  assert.equal(events.length, 4);
  assert.equal(JSON.parse(events[1].data).outputIndex, 1);
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
    const other = new copy.Mistral({ apiKey: "k", serverURL: mock.url });
    const error = await other.beta.conversations.start({ model: "m", inputs: "hi" }, { headers: { "x-mock-scenario": "rate-limit" } }).catch((e) => e);
    assert.ok(error instanceof RateLimitError && error instanceof MistralError && error instanceof pkg.APIError);
    assert.ok(!(error instanceof AuthenticationError) && !(error instanceof StreamError));
    assert.ok(!(new Error("x") instanceof MistralError));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
