// The cookbook flows against mistral-emulator, with the reference MCP server (server-everything)
// behind the connectors, written as official-SDK users write them. They run twice, unchanged but
// for the import: with the official @mistralai/mistralai 2.7.0 SDK (sdk-flows.test.mjs: every
// response and stream event must parse in the SDK — no `UNKNOWN` fallback of a tagged union, no
// unknown event name, no validation error) and with mistral-edge (edge-flows.test.mjs).
//
// Everything runs on 127.0.0.1: the emulator binary, server-everything (loopback only, see
// ./loopback-only.mjs) and a small recording proxy in front of it for the OAuth flow.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";

import { startEmulator, startEverything } from "./harness.mjs";

const MODEL = "mistral-medium-latest";
const SSE_TYPES = new Set([
  "conversation.response.started",
  "conversation.response.done",
  "conversation.response.error",
  "message.output.delta",
  "tool.execution.started",
  "tool.execution.delta",
  "tool.execution.done",
  "function.call.delta",
  "agent.handoff.started",
  "agent.handoff.done",
]);
const PROCESS_STATUSES = new Set([
  "self_managed", "missing_content", "noop", "done", "todo", "in_progress", "error", "waiting_for_capacity",
]);

/** Fails on any SDK fallback object (`{ raw, <tag>: "UNKNOWN", isUnknown: true }`) inside `value`. */
function assertParsed(value, where = "response", seen = new Set()) {
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Date) return;
  assert.notEqual(value.isUnknown, true, `${where}: the SDK fell back to UNKNOWN: ${JSON.stringify(value.raw ?? value)}`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string") {
      assert.notEqual(v, "UNKNOWN", `${where}.${k} is UNKNOWN`);
    } else {
      assertParsed(v, `${where}.${k}`, seen);
    }
  }
}

/** Reads a whole SDK event stream, checking every event; returns the events. */
async function drain(stream, where) {
  const events = [];
  for await (const ev of stream) {
    assert.ok(SSE_TYPES.has(ev.event), `${where}: unknown event name ${ev.event}`);
    assert.equal(ev.data.type, ev.event, `${where}: data.type repeats the event name`);
    assertParsed(ev, `${where} event ${events.length}`);
    events.push(ev);
  }
  assert.ok(events.length >= 2, `${where}: a stream has at least started and done`);
  assert.equal(events[0].event, "conversation.response.started");
  assert.equal(events.at(-1).event, "conversation.response.done");
  return events;
}

/** The docs' helper: the text of the message outputs. */
function outputText(response) {
  return response.outputs
    .filter((o) => o.type === "message.output")
    .map((o) => (typeof o.content === "string" ? o.content : o.content.filter((c) => c.type === "text").map((c) => c.text).join("")))
    .join("\n");
}

const types = (response) => response.outputs.map((o) => o.type);

/** A proxy on 127.0.0.1 that records the Authorization header of each request, then forwards it. */
async function startRecordingProxy(targetPort) {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers.authorization ?? null);
    const upstream = http.request(
      { host: "127.0.0.1", port: targetPort, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/mcp`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Defines the flows for one client library: `Mistral`, and its `HTTPValidationError` and
 * `MistralError` classes. `datesAreObjects`: the official SDK turns timestamps into `Date`s,
 * mistral-edge keeps the wire's RFC 3339 strings. `InvalidRequestError`: a client that checks the
 * API's rules before sending (mistral-edge) rejects with it instead of the API's 422.
 */
export function cookbookFlows({ label, Mistral, HTTPValidationError, MistralError, datesAreObjects, InvalidRequestError, start = startEmulator }) {
let emu;
let everything;
let proxy;
let client;

before(async () => {
  [emu, everything] = await Promise.all([start(), startEverything()]);
  proxy = await startRecordingProxy(everything.port);
  client = new Mistral({ apiKey: "emulator-key", serverURL: emu.url });
});

after(async () => {
  await Promise.all([emu?.close(), everything?.close(), proxy?.close()]);
});

describe(`cookbook flows with ${label}`, () => {
  test("hello world (JSON and stream)", async () => {
    const r = await client.beta.conversations.start({
      model: MODEL,
      inputs: [{ role: "user", content: "Hello, who are you?" }],
    });
    assertParsed(r);
    assert.equal(r.object, "conversation.response");
    assert.deepEqual(types(r), ["message.output"]);
    assert.equal(outputText(r), "Echo: Hello, who are you?");
    assert.ok(r.usage.totalTokens > 0);

    const stream = await client.beta.conversations.startStream({ model: MODEL, inputs: "Hello" });
    const events = await drain(stream, "hello stream");
    const text = events.filter((e) => e.event === "message.output.delta").map((e) => e.data.content).join("");
    assert.equal(text, "Echo: Hello");
    assert.ok(events.at(-1).data.usage.completionTokens > 0);
  });

  test("web search", async () => {
    const r = await client.beta.conversations.start({
      model: MODEL,
      inputs: "Search the latest news about Mistral AI",
      tools: [{ type: "web_search" }],
    });
    assertParsed(r);
    assert.deepEqual(types(r), ["tool.execution", "message.output"]);
    assert.equal(r.outputs[0].name, "web_search");
    const refs = r.outputs[1].content.filter((c) => c.type === "tool_reference");
    assert.equal(refs.length, 2);
    assert.equal(r.usage.connectors.web_search, 1);

    const events = await drain(
      await client.beta.conversations.startStream({
        model: MODEL,
        inputs: "Search the latest news about Mistral AI",
        tools: [{ type: "web_search" }],
      }),
      "web search stream",
    );
    const kinds = new Set(events.map((e) => e.event));
    for (const k of ["tool.execution.started", "tool.execution.delta", "tool.execution.done", "message.output.delta"]) {
      assert.ok(kinds.has(k), `web search stream has ${k}`);
    }
    assert.ok(events.some((e) => e.event === "message.output.delta" && typeof e.data.content === "object" && e.data.content.type === "tool_reference"));
  });

  test("a custom connector: create, list tools, converse, delete", async () => {
    const created = await client.beta.connectors.create({
      protocol: "mcp",
      name: "my_everything",
      description: "The MCP reference server",
      server: everything.url,
      visibility: "private",
    });
    assertParsed(created);
    assert.equal(created.protocol, "mcp");
    assert.equal(created.name, "my_everything");

    const tools = await client.beta.connectors.listTools({ connectorIdOrName: "my_everything" });
    assertParsed(tools);
    const names = tools.map((t) => t.name);
    assert.ok(names.includes("echo") && names.includes("get-sum"), names.join(","));
    assert.equal(tools.find((t) => t.name === "echo").inputSchema.properties.message.type, "string");

    const called = await client.beta.connectors.callTool({
      connectorIdOrName: created.id,
      toolName: "get-sum",
      connectorCallToolRequest: { arguments: { a: 2, b: 40 } },
    });
    assertParsed(called);
    assert.equal(called.content[0].text, "The sum of 2 and 40 is 42.");

    const r = await client.beta.conversations.start({
      model: MODEL,
      inputs: "Please echo the words: emulated connectors work",
      tools: [{ type: "connector", connectorId: "my_everything" }],
    });
    assertParsed(r);
    assert.deepEqual(types(r), ["tool.execution", "message.output"]);
    assert.equal(r.outputs[0].name, "echo");
    assert.deepEqual(JSON.parse(r.outputs[0].arguments), { message: "Please echo the words: emulated connectors work" });
    assert.equal(outputText(r), "echo returned: Echo: Please echo the words: emulated connectors work");
    assert.equal(r.usage.connectors.my_everything, 1);

    const deleted = await client.beta.connectors.delete({ connectorId: created.id });
    assert.match(deleted.message, /deleted/);
    await assert.rejects(client.beta.connectors.get({ connectorIdOrName: created.id }), (e) => e instanceof MistralError && e.statusCode === 404);
  });

  test("several tools at once", async () => {
    await client.beta.connectors.create({ protocol: "mcp", name: "multi_everything", description: "x", server: everything.url });
    const r = await client.beta.conversations.start({
      model: MODEL,
      inputs: "Search the news, calculate 6*7 and echo the answer",
      tools: [{ type: "web_search" }, { type: "code_interpreter" }, { type: "connector", connectorId: "multi_everything" }],
    });
    assertParsed(r);
    assert.deepEqual(
      r.outputs.filter((o) => o.type === "tool.execution").map((o) => o.name),
      ["web_search", "code_interpreter", "echo"],
    );
    assert.equal(r.outputs[1].info.code_output.trim(), "42");
    assert.deepEqual(r.usage.connectors, { web_search: 1, code_interpreter: 1, multi_everything: 1 });

    const events = await drain(
      await client.beta.conversations.startStream({
        model: MODEL,
        inputs: "Search the news, calculate 6*7 and echo the answer",
        tools: [{ type: "web_search" }, { type: "code_interpreter" }, { type: "connector", connectorId: "multi_everything" }],
      }),
      "several tools stream",
    );
    assert.deepEqual(
      events.filter((e) => e.event === "tool.execution.done").map((e) => e.data.name),
      ["web_search", "code_interpreter", "echo"],
    );
  });

  test("include / exclude", async () => {
    await client.beta.connectors.create({ protocol: "mcp", name: "filtered_everything", description: "x", server: everything.url });
    const run = (toolConfiguration, inputs = "echo hello") =>
      client.beta.conversations.start({
        model: MODEL,
        inputs,
        tools: [{ type: "connector", connectorId: "filtered_everything", toolConfiguration }],
      });
    const included = await run({ include: ["echo"] });
    assertParsed(included);
    assert.equal(included.outputs[0].name, "echo");
    const excluded = await run({ exclude: ["echo"] });
    assertParsed(excluded);
    assert.deepEqual(types(excluded), ["message.output"]);
    const onlySum = await run({ include: ["get-sum"] }, "echo 2 and use get-sum");
    assert.equal(onlySum.outputs[0].name, "get-sum");
    assert.equal(outputText(onlySum), "get-sum returned: The sum of 2 and 2 is 4.");

    await assert.rejects(run({ include: ["echo"], exclude: ["get-sum"] }), (e) => {
      if (InvalidRequestError) {
        assert.ok(e instanceof InvalidRequestError, String(e));
        assert.match(e.message, /tools\[0\]\.toolConfiguration.*include.*exclude/);
        return true;
      }
      assert.ok(e instanceof HTTPValidationError, String(e));
      assert.equal(e.statusCode, 422);
      assert.deepEqual(e.detail[0].loc, ["body", "tools", 0, "connector", "tool_configuration"]);
      return true;
    });
  });

  test("an agent with a connector", async () => {
    await client.beta.connectors.create({ protocol: "mcp", name: "agent_everything", description: "x", server: everything.url });
    const agent = await client.beta.agents.create({
      model: MODEL,
      name: "Echo agent",
      description: "Echoes through MCP",
      instructions: "Use the echo tool.",
      tools: [{ type: "connector", connectorId: "agent_everything" }],
    });
    assertParsed(agent);
    assert.equal(agent.tools[0].type, "connector");
    const r = await client.beta.conversations.start({ agentId: agent.id, inputs: "echo from the agent" });
    assertParsed(r);
    assert.equal(r.outputs[0].name, "echo");
    assert.equal(r.outputs[0].agentId, agent.id);
    assert.equal(outputText(r), "echo returned: Echo: echo from the agent");
    const events = await drain(await client.beta.conversations.startStream({ agentId: agent.id, inputs: "echo again" }), "agent stream");
    assert.ok(events.some((e) => e.event === "tool.execution.done" && e.data.name === "echo"));
    await client.beta.agents.delete({ agentId: agent.id });
  });

  test("an OAuth connector: the token is forwarded, never stored", async () => {
    const created = await client.beta.connectors.create({
      protocol: "mcp",
      name: "oauth_everything",
      description: "behind OAuth",
      server: proxy.url,
      authMethods: [
        {
          methodType: "oauth2",
          grantType: "authorization_code",
          oauth2ServerMetadata: {
            issuer: "http://127.0.0.1:9",
            authorizationEndpoint: "http://127.0.0.1:9/authorize",
            tokenEndpoint: "http://127.0.0.1:9/token",
          },
          authData: { clientId: "client-123", clientSecret: "shh" },
        },
      ],
    });
    assertParsed(created);
    const methods = await client.beta.connectors.getAuthenticationMethods({ connectorIdOrName: "oauth_everything" });
    assertParsed(methods);
    assert.equal(methods[0].methodType, "oauth2");
    const auth = await client.beta.connectors.getAuthUrl({ connectorIdOrName: "oauth_everything", appReturnUrl: "http://127.0.0.1:1/back" });
    assertParsed(auth);
    assert.match(auth.authUrl, /client_id=client-123/);
    assert.equal(auth.ttl, 600);

    const secret = "oauth-secret-token-42";
    proxy.seen.length = 0;
    const r = await client.beta.conversations.start({
      model: MODEL,
      inputs: "echo my inbox",
      tools: [{ type: "connector", connectorId: "oauth_everything", authorization: { type: "oauth2-token", value: secret } }],
    });
    assertParsed(r);
    assert.equal(r.outputs[0].name, "echo");
    assert.ok(proxy.seen.length > 0);
    assert.ok(proxy.seen.every((a) => a === `Bearer ${secret}`), JSON.stringify(proxy.seen));

    const stored = await client.beta.conversations.get({ conversationId: r.conversationId });
    assertParsed(stored);
    assert.equal(stored.tools[0].authorization, undefined);
    const history = await client.beta.conversations.getHistory({ conversationId: r.conversationId });
    assert.ok(!JSON.stringify({ stored, history }).includes(secret));

    // An api-key works the same way.
    proxy.seen.length = 0;
    await client.beta.conversations.start({
      model: MODEL,
      inputs: "echo again",
      tools: [{ type: "connector", connectorId: created.id, authorization: { type: "api-key", value: "key-7" } }],
    });
    assert.ok(proxy.seen.every((a) => a === "Bearer key-7"));
  });

  test("create a connector, chat, clean up", async () => {
    const c = await client.beta.connectors.create({
      protocol: "mcp",
      name: "ephemeral_everything",
      description: "Short-lived",
      server: everything.url,
      visibility: "private",
    });
    const events = await drain(
      await client.beta.conversations.startStream({
        model: MODEL,
        inputs: "echo hi from a stream",
        tools: [{ type: "connector", connectorId: "ephemeral_everything" }],
      }),
      "ephemeral stream",
    );
    const started = events.find((e) => e.event === "tool.execution.started");
    assert.equal(started.data.name, "echo");
    const args = events.filter((e) => e.event === "tool.execution.delta").map((e) => e.data.arguments).join("");
    assert.deepEqual(JSON.parse(args), { message: "echo hi from a stream" });
    const text = events.filter((e) => e.event === "message.output.delta").map((e) => e.data.content).join("");
    assert.equal(text, "echo returned: Echo: echo hi from a stream");

    const page = await client.beta.connectors.list({ pageSize: 100 });
    assertParsed(page);
    assert.ok(page.items.some((i) => i.id === c.id));
    const result = await client.beta.connectors.delete({ connectorId: c.id });
    assert.ok(result.message);
    const after = await client.beta.connectors.list({ pageSize: 100 });
    assert.ok(!after.items.some((i) => i.id === c.id));
  });

  test("connectors list pages with a cursor", async () => {
    for (let i = 0; i < 3; i++) {
      await client.beta.connectors.create({ protocol: "mcp", name: `paged_${i}`, description: "x", server: everything.url });
    }
    const ids = [];
    let cursor;
    let pages = 0;
    do {
      const page = await client.beta.connectors.list({ pageSize: 2, cursor });
      assertParsed(page);
      assert.equal(page.pagination.pageSize, 2);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.pagination.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(pages >= 2);
  });

  test("agents.listPages: the page iterator (result, next(), for await over { result })", async () => {
    for (let i = 0; i < 3; i++) await client.beta.agents.create({ model: MODEL, name: `paged agent ${i}` });
    const first = await client.beta.agents.listPages({ pageSize: 2 });
    assertParsed(first.result);
    assert.equal(first.result.data.length, 2);
    assert.equal(typeof first.next, "function");
    assert.deepEqual(first["~next"], { cursor: first.result.nextPageToken });
    const second = await first.next();
    assert.ok(second.result.data.length >= 1);
    const ids = [];
    for await (const page of first) {
      assert.deepEqual(Object.keys(page), ["result"]);
      ids.push(...page.result.data.map((a) => a.id));
    }
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 3);
  });

  test("a stream read as a ReadableStream: getReader(), then a reader's cancel()", async () => {
    const stream = await client.beta.conversations.startStream({ model: MODEL, inputs: "Hello" });
    assert.ok(stream instanceof ReadableStream);
    const reader = stream.getReader();
    assert.equal(stream.locked, true);
    const events = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      assert.equal(r.value.data.type, r.value.event);
      events.push(r.value);
    }
    assert.equal(events[0].event, "conversation.response.started");
    assert.equal(events.at(-1).event, "conversation.response.done");
    const text = events.filter((e) => e.event === "message.output.delta").map((e) => e.data.content).join("");
    assert.equal(text, "Echo: Hello");

    const cancelled = (await client.beta.conversations.startStream({ model: MODEL, inputs: "count to 50" })).getReader();
    assert.equal((await cancelled.read()).value.event, "conversation.response.started");
    await cancelled.cancel();
    assert.equal((await cancelled.read()).done, true);
  });

  test("append, restart, history", async () => {
    const first = await client.beta.conversations.start({ model: MODEL, inputs: "Hello there" });
    assertParsed(first);
    const id = first.conversationId;
    const appended = await client.beta.conversations.append({
      conversationId: id,
      conversationAppendRequest: { inputs: "Count to 3" },
    });
    assertParsed(appended);
    assert.equal(appended.conversationId, id);
    assert.equal(outputText(appended), "1 2 3");

    const history = await client.beta.conversations.getHistory({ conversationId: id });
    assertParsed(history);
    assert.deepEqual(
      history.entries.map((e) => e.type),
      ["message.input", "message.output", "message.input", "message.output"],
    );
    for (const e of history.entries) {
      assert.ok(e.id && (datesAreObjects ? e.createdAt instanceof Date : !Number.isNaN(Date.parse(e.createdAt))));
    }

    const firstReply = history.entries[1].id;
    const restarted = await client.beta.conversations.restart({
      conversationId: id,
      conversationRestartRequest: { fromEntryId: firstReply, inputs: "Count to 2" },
    });
    assertParsed(restarted);
    assert.notEqual(restarted.conversationId, id);
    assert.equal(outputText(restarted), "1 2");
    const branch = await client.beta.conversations.getHistory({ conversationId: restarted.conversationId });
    assert.equal(branch.entries.length, 4);
    const original = await client.beta.conversations.getHistory({ conversationId: id });
    assert.equal(original.entries.length, 4);
    assert.equal(outputText({ outputs: [original.entries[3]] }), "1 2 3");

    const messages = await client.beta.conversations.getMessages({ conversationId: id });
    assertParsed(messages);
    assert.equal(messages.messages.length, 4);

    const appendEvents = await drain(
      await client.beta.conversations.appendStream({
        conversationId: id,
        conversationAppendStreamRequest: { inputs: "Count to 4" },
      }),
      "append stream",
    );
    assert.equal(appendEvents[0].data.conversationId, id);
    const restartEvents = await drain(
      await client.beta.conversations.restartStream({
        conversationId: id,
        conversationRestartStreamRequest: { fromEntryId: firstReply, inputs: "Count to 5" },
      }),
      "restart stream",
    );
    assert.notEqual(restartEvents[0].data.conversationId, id);

    const listed = await client.beta.conversations.list({ pageSize: 50 });
    assertParsed(listed);
    assert.ok(listed.some((c) => c.id === id));
  });

  test("function calls and confirmations", async () => {
    const weather = {
      type: "function",
      function: {
        name: "get_weather",
        description: "The weather in a city",
        parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
    };
    const r = await client.beta.conversations.start({ model: MODEL, inputs: "What's the weather in Paris?", tools: [weather] });
    assertParsed(r);
    assert.deepEqual(types(r), ["function.call"]);
    const call = r.outputs[0];
    assert.deepEqual(JSON.parse(call.arguments), { city: "Paris" });
    const answered = await client.beta.conversations.append({
      conversationId: r.conversationId,
      conversationAppendRequest: {
        inputs: [{ type: "function.result", toolCallId: call.toolCallId, result: JSON.stringify({ celsius: 21 }) }],
      },
    });
    assertParsed(answered);
    assert.equal(outputText(answered), 'get_weather returned {"celsius":21}.');

    await client.beta.connectors.create({ protocol: "mcp", name: "confirm_everything", description: "x", server: everything.url });
    const pending = await client.beta.conversations.start({
      model: MODEL,
      inputs: "echo carefully",
      tools: [{ type: "connector", connectorId: "confirm_everything", toolConfiguration: { requiresConfirmation: ["echo"] } }],
    });
    assertParsed(pending);
    assert.equal(pending.outputs[0].confirmationStatus, "pending");
    const confirmed = await client.beta.conversations.append({
      conversationId: pending.conversationId,
      conversationAppendRequest: { toolConfirmations: [{ toolCallId: pending.outputs[0].toolCallId, confirmation: "allow" }] },
    });
    assertParsed(confirmed);
    assert.deepEqual(types(confirmed), ["tool.execution", "message.output"]);
    assert.equal(outputText(confirmed), "echo returned: Echo: echo carefully");
  });

  test("libraries: upload, process, search through document_library", async () => {
    const lib = await client.beta.libraries.create({ name: "Support", description: "Support articles" });
    assertParsed(lib);
    const text = "# Returns\n\nItems can be returned within 30 days for a full refund.\n\nShipping is free above 50 euros.";
    const doc = await client.beta.libraries.documents.upload({
      libraryId: lib.id,
      requestBody: { file: { fileName: "returns.md", content: new TextEncoder().encode(text) } },
    });
    assertParsed(doc);
    assert.equal(doc.name, "returns.md");
    assert.ok(PROCESS_STATUSES.has(doc.processStatus));

    let status;
    for (let i = 0; i < 5; i++) {
      status = await client.beta.libraries.documents.status({ libraryId: lib.id, documentId: doc.id });
      assertParsed(status);
      assert.ok(PROCESS_STATUSES.has(status.processStatus));
      if (status.processStatus === "done") break;
    }
    assert.equal(status.processStatus, "done");
    const got = await client.beta.libraries.documents.get({ libraryId: lib.id, documentId: doc.id });
    assertParsed(got);
    assert.ok(got.tokensProcessingTotal > 0);
    const content = await client.beta.libraries.documents.textContent({ libraryId: lib.id, documentId: doc.id });
    assert.equal(content.text, text);
    const listed = await client.beta.libraries.documents.list({ libraryId: lib.id });
    assertParsed(listed);
    assert.equal(listed.data.length, 1);
    const url = await client.beta.libraries.documents.getSignedUrl({ libraryId: lib.id, documentId: doc.id });
    assert.equal(typeof url, "string");
    assert.equal(await (await fetch(url)).text(), text);

    const r = await client.beta.conversations.start({
      model: MODEL,
      inputs: "What does the knowledge base say about refunds?",
      tools: [{ type: "document_library", libraryIds: [lib.id] }],
    });
    assertParsed(r);
    assert.deepEqual(types(r), ["tool.execution", "message.output"]);
    const refs = r.outputs[1].content.filter((c) => c.type === "tool_reference");
    assert.equal(refs[0].title, "returns.md");
    assert.match(refs[0].description, /full refund/);

    const share = await client.beta.libraries.accesses.updateOrCreate({
      libraryId: lib.id,
      sharingRequest: { level: "Viewer", shareWithUuid: "5b4c2a0e-0000-4000-8000-000000000001", shareWithType: "User" },
    });
    assertParsed(share);
    const shares = await client.beta.libraries.accesses.list({ libraryId: lib.id });
    assertParsed(shares);
    assert.equal(shares.data.length, 2);
    const unshared = await client.beta.libraries.accesses.delete({
      libraryId: lib.id,
      sharingDelete: { shareWithUuid: "5b4c2a0e-0000-4000-8000-000000000001", shareWithType: "User" },
    });
    assertParsed(unshared);

    const libs = await client.beta.libraries.list();
    assertParsed(libs);
    assert.ok(libs.data.some((l) => l.id === lib.id));
    await client.beta.libraries.documents.delete({ libraryId: lib.id, documentId: doc.id });
    const removed = await client.beta.libraries.delete({ libraryId: lib.id });
    assertParsed(removed);
  });

  test("the docs' connector body without `protocol` is accepted by the emulator", async () => {
    // SDK 2.7.0 insists on protocol: "mcp" client-side, so send the docs' shape with fetch.
    const res = await fetch(`${emu.url}/v1/connectors`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: JSON.stringify({ name: "docs_shape", description: "no protocol", server: everything.url }),
    });
    assert.equal(res.status, 201);
    const body = await res.json();
    assert.equal(body.protocol, "mcp");
    const viaSdk = await client.beta.connectors.get({ connectorIdOrName: "docs_shape" });
    assertParsed(viaSdk);
    assert.equal(viaSdk.protocol, "mcp");
  });
});
}
