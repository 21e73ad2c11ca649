// The whole beta surface through the built package (pkg/), against mistral-emulator on 127.0.0.1:
// call shapes (the official SDK's wrapped form and flat bodies), pagination, files, validation
// before sending, typed errors, retries, timeouts, abort, browser safety, and no secret in errors.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../emulator/harness.mjs";

const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
const {
  Mistral, MistralError, InvalidRequestError, NotFoundError, HTTPValidationError, RateLimitError,
  InternalServerError, StreamError, TimeoutError, AbortError,
} = pkg;

const KEY = "sk-surface-test-key-0123456789";
let emu;
let client;
const sent = []; // every request the client made, in order
const countingFetch = (url, init) => {
  sent.push({ method: init.method, url, at: Date.now() });
  return fetch(url, init);
};
const errors = []; // every error a test saw: none may carry the key
const rejects = async (promise, Class) => {
  try {
    await promise;
  } catch (error) {
    errors.push(error);
    assert.ok(error instanceof Class, `expected ${Class.name}, got ${error?.constructor?.name}: ${error?.message}`);
    return error;
  }
  assert.fail(`expected ${Class.name}, nothing was thrown`);
};

before(async () => {
  emu = await startEmulator();
  client = new Mistral({ apiKey: KEY, serverURL: emu.url, fetch: countingFetch, retryConfig: { strategy: "none" } });
});
after(async () => {
  for (const error of errors) {
    const seen = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    assert.ok(!seen.includes(KEY), `the API key leaked into ${error.constructor.name}: ${seen}`);
  }
  await emu.close();
});

describe("agents", () => {
  test("create → update makes versions → get by version and alias → switch → delete", async () => {
    const agent = await client.beta.agents.create({
      model: "mistral-medium-latest", name: "Support", instructions: "Be brief.",
      tools: [{ type: "web_search" }], completionArgs: { temperature: 0.2 }, metadata: { team_name: "x" },
    });
    assert.equal(agent.object, "agent");
    assert.equal(agent.completionArgs.temperature, 0.2);
    assert.deepEqual(agent.metadata, { team_name: "x" }, "metadata keys are never re-cased");
    const v1 = await client.beta.agents.update({ agentId: agent.id, updateAgentRequest: { instructions: "Be very brief." } });
    assert.equal(v1.version, agent.version + 1);
    const flat = await client.beta.agents.update({ agentId: agent.id, description: "flat body" });
    assert.equal(flat.version, agent.version + 2);
    const versions = await client.beta.agents.listVersions({ agentId: agent.id });
    assert.equal(versions.length, 3);
    const first = await client.beta.agents.get({ agentId: agent.id, agentVersion: agent.version });
    assert.equal(first.instructions, "Be brief.");
    await client.beta.agents.createVersionAlias({ agentId: agent.id, alias: "stable", version: agent.version });
    const aliases = await client.beta.agents.listVersionAliases({ agentId: agent.id });
    assert.ok(aliases.some((a) => a.alias === "stable"));
    const byAlias = await client.beta.agents.get({ agentId: agent.id, agentVersion: "stable" });
    assert.equal(byAlias.version, agent.version);
    const switched = await client.beta.agents.updateVersion({ agentId: agent.id, version: agent.version });
    assert.equal(switched.instructions, "Be brief.");
    assert.equal((await client.beta.agents.getVersion({ agentId: agent.id, version: String(agent.version + 1) })).instructions, "Be very brief.");
    await client.beta.agents.deleteVersionAlias({ agentId: agent.id, alias: "stable" });
    assert.equal(await client.beta.agents.delete({ agentId: agent.id }), undefined);
    await rejects(client.beta.agents.get({ agentId: agent.id }), NotFoundError);
  });

  test("listPages resolves to the official SDK's page iterator: result, next(), for await over every page", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await client.beta.agents.create({ model: "m", name: `Pager ${i}` })).id);
    const pages = client.beta.agents.listPages({ pageSize: 2 });
    assert.ok(pages instanceof Promise);
    const first = await pages;
    assert.equal(first.result.data.length, 2);
    assert.equal(first.result.object, "list");
    assert.deepEqual(first["~next"], { cursor: first.result.nextPageToken });
    const second = await first.next();
    assert.equal(second.result.data.length, 2);
    assert.notDeepEqual(second.result.data.map((a) => a.id), first.result.data.map((a) => a.id));
    const seen = [];
    let count = 0;
    for await (const page of first) {
      assert.deepEqual(Object.keys(page), ["result"], "each page is { result }");
      seen.push(...page.result.data.map((a) => a.id));
      count++;
    }
    for (const id of ids) assert.ok(seen.includes(id), `page iteration missed ${id}`);
    assert.equal(new Set(seen).size, seen.length, "no agent twice");
    assert.equal(count, Math.ceil(seen.length / 2));
    // The last page: no cursor, and next() returns null (not a promise).
    let last = first;
    while (last["~next"]) last = await last.next();
    assert.equal(last.next(), null);
    assert.equal(last.result.nextPageToken, undefined);
    // Without arguments, as the official SDK allows.
    assert.ok((await client.beta.agents.listPages()).result.data.length > 0);
  });

  test("listPages: an error on a later page is thrown by next() and by the loop", async () => {
    const first = await client.beta.agents.listPages({ pageSize: 1 });
    assert.ok(first["~next"]);
    await client.beta.agents.create({ model: "m", name: "Pager error" });
    const failing = new Mistral({
      apiKey: KEY, serverURL: emu.url, retryConfig: { strategy: "none" },
      fetch: (url, init) => (String(url).includes("page_token") ? fetch(url, { ...init, headers: { ...init.headers, "x-emulator-fault": "status=500" } }) : fetch(url, init)),
    });
    const pages = await failing.beta.agents.listPages({ pageSize: 1 });
    await rejects(pages.next(), InternalServerError);
    const seen = [];
    await rejects((async () => { for await (const page of pages) seen.push(page); })(), InternalServerError);
    assert.equal(seen.length, 1, "the first page came before the error");
  });
});

describe("conversations", () => {
  test("start → append (wrapped and flat) → history, messages, list, get → restart branches → delete", async () => {
    const started = await client.beta.conversations.start({ model: "mistral-medium-latest", inputs: "Hello there" });
    const id = started.conversationId;
    await client.beta.conversations.append({ conversationId: id, conversationAppendRequest: { inputs: "second" } });
    await client.beta.conversations.append({ conversationId: id, inputs: "third" });
    const history = await client.beta.conversations.getHistory({ conversationId: id });
    assert.equal(history.entries.filter((e) => e.type === "message.input").length, 3);
    const messages = await client.beta.conversations.getMessages({ conversationId: id });
    assert.ok(messages.messages.length >= 6);
    const listed = await client.beta.conversations.list({ pageSize: 100 });
    assert.ok(listed.some((c) => c.id === id));
    assert.equal((await client.beta.conversations.get({ conversationId: id })).id, id);
    const second = history.entries.find((e) => e.type === "message.input" && JSON.stringify(e.content).includes("second"));
    const branch = await client.beta.conversations.restart({
      conversationId: id, conversationRestartRequest: { fromEntryId: second.id, inputs: "a new path" },
    });
    assert.notEqual(branch.conversationId, id);
    const original = await client.beta.conversations.getHistory({ conversationId: id });
    assert.equal(original.entries.length, history.entries.length, "restart leaves the original intact");
    await client.beta.conversations.delete({ conversationId: branch.conversationId });
    await rejects(client.beta.conversations.get({ conversationId: branch.conversationId }), NotFoundError);
  });

  test("a function tool: function.call → function.result on append", async () => {
    const tools = [{
      type: "function",
      function: {
        name: "get_weather", description: "Weather for a city",
        parameters: { type: "object", properties: { city_name: { type: "string" } }, required: ["city_name"] },
      },
    }];
    const first = await client.beta.conversations.start({ model: "m", inputs: "What's the weather in Paris?", tools });
    const call = first.outputs.find((o) => o.type === "function.call");
    assert.ok(call, JSON.stringify(first.outputs));
    assert.equal(call.name, "get_weather");
    assert.match(call.toolCallId, /./);
    const args = typeof call.arguments === "string" ? JSON.parse(call.arguments) : call.arguments;
    assert.ok("city_name" in args, "tool arguments keep their own keys");
    const answered = await client.beta.conversations.append({
      conversationId: first.conversationId,
      inputs: [{ type: "function.result", toolCallId: call.toolCallId, result: JSON.stringify({ celsius: 21 }) }],
    });
    const text = JSON.stringify(answered.outputs);
    assert.match(text, /get_weather returned/);
  });

  test("a 422 from the API is an HTTPValidationError with its detail", async () => {
    const started = await client.beta.conversations.start({ model: "m", inputs: "hi" });
    const error = await rejects(
      client.beta.conversations.append({ conversationId: started.conversationId, inputs: "x", tools: [{ type: "web_search" }] }),
      HTTPValidationError,
    );
    assert.equal(error.status, 422);
    assert.ok(Array.isArray(error.detail) && error.detail.some((d) => d.type === "extra_forbidden"), JSON.stringify(error.detail));
  });
});

test("an OAuth token echoed back by the API never reaches the error", async () => {
  const TOKEN = "oauth-token-must-not-leak-42";
  const started = await client.beta.conversations.start({ model: "m", inputs: "hi" });
  const error = await rejects(client.beta.conversations.append({
    conversationId: started.conversationId, inputs: "x",
    tools: [{ type: "connector", connectorId: "c1", authorization: { type: "oauth2-token", value: TOKEN } }],
  }), HTTPValidationError);
  const seen = JSON.stringify({ ...error, message: error.message, detail: error.detail });
  assert.ok(!seen.includes(TOKEN), seen);
  assert.match(error.body, /\[redacted\]/, "the API echoed the input, and the token was replaced");
});

describe("files", () => {
  test("a generated image arrives as a tool_file chunk and downloads as PNG bytes", async () => {
    const response = await client.beta.conversations.start({ model: "m", inputs: "draw a cat", tools: [{ type: "image_generation" }] });
    const chunk = response.outputs.flatMap((o) => (Array.isArray(o.content) ? o.content : [])).find((c) => c.type === "tool_file");
    assert.ok(chunk, JSON.stringify(response.outputs));
    const meta = await client.files.retrieve({ fileId: chunk.fileId });
    assert.equal(meta.id, chunk.fileId);
    const body = await client.files.download({ fileId: chunk.fileId });
    assert.ok(body instanceof ReadableStream, "a ReadableStream, as the official SDK's");
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const signed = await client.files.getSignedUrl({ fileId: chunk.fileId });
    const viaUrl = new Uint8Array(await (await fetch(signed.url)).arrayBuffer());
    assert.deepEqual(viaUrl, bytes);
  });
});

describe("validation before sending: nothing is sent", () => {
  const cases = [
    ["include and exclude together", () => client.beta.conversations.start({ model: "m", inputs: "x",
      tools: [{ type: "connector", connectorId: "c1", toolConfiguration: { include: ["a"], exclude: ["b"] } }] }), /include.*exclude|exclude.*include/],
    ["model and agentId together", () => client.beta.conversations.start({ model: "m", agentId: "a", inputs: "x" }), /model.*agentId/],
    ["neither model nor agentId", () => client.beta.conversations.start({ inputs: "x" }), /model.*agentId/],
    ["empty inputs", () => client.beta.conversations.start({ model: "m", inputs: [] }), /inputs/],
    ["the same connector twice", () => client.beta.conversations.start({ model: "m", inputs: "x",
      tools: [{ type: "connector", connectorId: "c1" }, { type: "connector", connectorId: "c1" }] }), /c1|twice|duplicate/i],
    ["a connector name with a space", () => client.beta.connectors.create({ name: "my connector", description: "d", server: "https://mcp.example.com/mcp" }), /name/],
    ["a connector name over 64 characters", () => client.beta.connectors.create({ name: "a".repeat(65), description: "d", server: "https://mcp.example.com/mcp" }), /64/],
    ["a connector server that is not http(s)", () => client.beta.connectors.create({ name: "ok", description: "d", server: "ftp://x" }), /server/],
    ["a non-positive page size", () => client.beta.conversations.list({ pageSize: 0 }), /pageSize/],
  ];
  for (const [name, call, pattern] of cases) {
    test(name, async () => {
      const before = sent.length;
      const error = await rejects(call(), InvalidRequestError);
      assert.match(error.message, pattern);
      assert.equal(sent.length, before, "nothing may be sent");
    });
  }
});

describe("retries, timeouts, abort", () => {
  const retrying = () => new Mistral({
    apiKey: KEY, serverURL: emu.url, fetch: countingFetch,
    retryConfig: { strategy: "backoff", backoff: { initialInterval: 20, maxInterval: 50 }, maxRetries: 3 },
  });

  test("500 twice then success is retried and succeeds", async () => {
    const before = sent.length;
    const response = await retrying().beta.conversations.start(
      { model: "m", inputs: "hi" }, { headers: { "x-emulator-fault": "fail=2,key=retry-ok" } });
    assert.equal(response.object, "conversation.response");
    assert.equal(sent.length - before, 3);
  });

  test("retries give up after maxRetries with the last error", async () => {
    const before = sent.length;
    await rejects(retrying().beta.conversations.start(
      { model: "m", inputs: "hi" }, { headers: { "x-emulator-fault": "fail=10,key=retry-give-up" } }), InternalServerError);
    assert.equal(sent.length - before, 4);
  });

  test("429 honours Retry-After, and retries: none turns retries off per call", async () => {
    const c = retrying();
    const before = sent.length;
    const error = await rejects(c.beta.conversations.start({ model: "m", inputs: "hi" },
      { headers: { "x-emulator-fault": "rate-limit=1" }, retries: { strategy: "none" } }), RateLimitError);
    assert.equal(error.retryAfterMs, 1000);
    assert.equal(sent.length - before, 1);
    const again = sent.length;
    await rejects(c.beta.conversations.start({ model: "m", inputs: "hi" },
      { headers: { "x-emulator-fault": "rate-limit=1" }, retries: { strategy: "backoff", maxRetries: 1 } }), RateLimitError);
    const attempts = sent.slice(again);
    assert.equal(attempts.length, 2);
    assert.ok(attempts[1].at - attempts[0].at >= 900, `waited ${attempts[1].at - attempts[0].at} ms, Retry-After asked 1000`);
  });

  test("a stream that delivered events is never retried", async () => {
    const before = sent.length;
    const stream = await retrying().beta.conversations.startStream(
      { model: "m", inputs: "count to 20" }, { headers: { "x-emulator-fault": "drop-after=3" } });
    let events = 0;
    const error = await rejects((async () => { for await (const _ of stream) events++; })(), StreamError);
    assert.equal(error.kind, "dropped");
    assert.ok(events >= 3);
    assert.equal(sent.length - before, 1);
  });

  test("an idle gap longer than timeoutMs is a TimeoutError naming the wait", async () => {
    const stream = await client.beta.conversations.startStream(
      { model: "m", inputs: "count to 5" }, { headers: { "x-emulator-fault": "delay-ms=600" }, timeoutMs: 150 });
    const error = await rejects((async () => { for await (const _ of stream); })(), TimeoutError);
    assert.equal(error.waitingFor, "the next chunk");
  });

  test("a caller's signal aborts a stream mid-way", async () => {
    const controller = new AbortController();
    const stream = await client.beta.conversations.startStream(
      { model: "m", inputs: "count to 50" }, { signal: controller.signal, headers: { "x-emulator-fault": "delay-ms=20" } });
    let events = 0;
    await rejects((async () => {
      for await (const _ of stream) if (++events === 3) controller.abort();
    })(), AbortError);
    assert.equal(events, 3);
  });

  test("abort() from outside the loop makes the loop throw an AbortError, once", async () => {
    const stream = await client.beta.conversations.startStream({ model: "m", inputs: "count to 200" });
    let events = 0;
    await rejects((async () => {
      for await (const _ of stream) if (++events === 5) stream.abort();
    })(), AbortError);
    assert.equal(events, 5, "no event after abort()");
  });

  test("the stream folds into the response start would have returned", async () => {
    const stream = await client.beta.conversations.startStream({ model: "m", inputs: "count to 30" });
    const folded = await stream.finalResponse();
    const plain = await client.beta.conversations.start({ model: "m", inputs: "count to 30" });
    const text = (r) => r.outputs.filter((o) => o.type === "message.output").map((o) => o.content).join("");
    assert.equal(text(folded), text(plain));
    assert.deepEqual(folded.usage, plain.usage);
  });
});

describe("browser safety", () => {
  test("an apiKey aimed at Mistral's servers is refused in a browser unless allowed", () => {
    globalThis.window = {};
    globalThis.document = {};
    try {
      assert.throws(() => new Mistral({ apiKey: KEY }), (e) => e instanceof InvalidRequestError && /dangerouslyAllowBrowser/.test(e.message) && !e.message.includes(KEY));
      assert.ok(new Mistral({ apiKey: KEY, dangerouslyAllowBrowser: true }));
      assert.ok(new Mistral({ serverURL: "http://127.0.0.1:1/proxy" }), "a proxy without a key is fine");
    } finally {
      delete globalThis.window;
      delete globalThis.document;
    }
  });
});

test("every error is a MistralError", () => {
  assert.ok(errors.length > 10);
  for (const error of errors) assert.ok(error instanceof MistralError);
});
