// The in-process emulator (`mistral-edge-client/emulator`, pkg/emulator/): the emulator's core
// compiled to wasm, answering through `emu.fetch` with no server and no port. Both clients use it
// as their fetch: this package's (`fetch: emu.fetch`) and the official SDK (an HTTPClient whose
// fetcher is `emu.fetch`). Faults, observation, reset, cancellation, and a connector reaching a
// real MCP server (server-everything on loopback) through the runtime's own fetch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Mistral as OfficialMistral } from "@mistralai/mistralai";
import { HTTPClient } from "@mistralai/mistralai/lib/http.js";
import { startEverything } from "./harness.mjs";

const { createEmulator } = await import(new URL("../../pkg/emulator/node.js", import.meta.url));
const { Mistral, StreamError, RateLimitError, NotFoundError } = await import(new URL("../../pkg/node.js", import.meta.url));

const sha256 = (s) => createHash("sha256").update(s).digest("hex");
const faulty = (fault) => ({ headers: { "x-emulator-fault": fault } });

let emu;
let edge;
let official;
before(async () => {
  emu = await createEmulator();
  edge = new Mistral({ apiKey: "edge-key", fetch: emu.fetch });
  official = new OfficialMistral({ apiKey: "sdk-key", httpClient: new HTTPClient({ fetcher: emu.fetch }) });
});

test("createEmulator() gives each emulator its own state", async () => {
  const other = await createEmulator();
  const agent = await edge.beta.agents.create({ model: "mistral-medium-latest", name: "mine" });
  const mine = await emu.fetch("/v1/agents/" + agent.id, { headers: { authorization: "Bearer k" } });
  assert.equal(mine.status, 200);
  const theirs = await other.fetch("/v1/agents/" + agent.id, { headers: { authorization: "Bearer k" } });
  assert.equal(theirs.status, 404);
  assert.equal((await theirs.json()).object, "error");
});

test("our client: start, append, and a streamed conversation", async () => {
  const r = await edge.beta.conversations.start({ model: "mistral-medium-latest", inputs: "Hello" });
  assert.equal(r.object, "conversation.response");
  assert.equal(r.outputs[0].content, "Echo: Hello");
  const next = await edge.beta.conversations.append({ conversationId: r.conversationId, inputs: "again" });
  assert.equal(next.conversationId, r.conversationId);
  const events = [];
  for await (const e of await edge.beta.conversations.startStream({ model: "m", inputs: "count to 4" })) events.push(e.event);
  assert.deepEqual(events, [
    "conversation.response.started",
    ...Array(4).fill("message.output.delta"),
    "conversation.response.done",
  ]);
});

test("our client: faults arrive as they do over HTTP (429, a dropped stream)", async () => {
  const once = { ...faulty("rate-limit=2"), retries: { strategy: "none" } };
  await assert.rejects(edge.beta.conversations.start({ model: "m", inputs: "hi" }, once), (e) =>
    e instanceof RateLimitError && e.status === 429 && e.retryAfterMs === 2000 && e.requestId.startsWith("req_"));
  const before = (await emu.stats()).streamsDropped;
  const seen = [];
  await assert.rejects(async () => {
    for await (const e of await edge.beta.conversations.startStream({ model: "m", inputs: "count to 5" }, faulty("drop-after=3"))) seen.push(e);
  }, (e) => e instanceof StreamError && e.kind === "dropped");
  assert.equal(seen.length, 3);
  assert.equal((await emu.stats()).streamsDropped, before + 1);
  await assert.rejects(edge.beta.conversations.get({ conversationId: "conv_missing" }), NotFoundError);
});

test("a reader that stops early stops the stream (closed early, not completed)", async () => {
  const before = await emu.stats();
  for await (const e of await edge.beta.conversations.startStream({ model: "m", inputs: "count to 1000" })) {
    if (e.event === "message.output.delta") break;
  }
  const after = await emu.stats();
  assert.equal(after.streamsClosedEarly, before.streamsClosedEarly + 1);
  assert.equal(after.streamsCompleted, before.streamsCompleted);
  assert.equal(after.streamsOpen, 0);
});

test("an aborted fetch rejects with the signal's reason", async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(emu.fetch("/v1/agents", { signal: controller.signal }), { name: "AbortError" });
  const late = new AbortController();
  const response = await emu.fetch("/v1/conversations", {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: JSON.stringify({ model: "m", inputs: "count to 100000", stream: true }),
    signal: late.signal,
  });
  const reader = response.body.getReader();
  await reader.read();
  late.abort();
  await assert.rejects(reader.read(), { name: "AbortError" });
});

test("the official SDK: start, stream, and a fault", async () => {
  const r = await official.beta.conversations.start({ model: "mistral-medium-latest", inputs: "Hello" });
  assert.equal(r.outputs[0].content, "Echo: Hello");
  const deltas = [];
  for await (const e of await official.beta.conversations.startStream({ model: "m", inputs: "count to 3" })) {
    if (e.event === "message.output.delta") deltas.push(e.data.content);
  }
  assert.deepEqual(deltas.join(""), "1 2 3");
  const error = await official.beta.conversations
    .start({ model: "m", inputs: "hi" }, { fetchOptions: faulty("status=503"), retries: { strategy: "none" } })
    .catch((e) => e);
  assert.equal(error.statusCode, 503);
});

test("requests() shows what was sent (keys hashed), reset() forgets everything", async () => {
  await emu.forgetRequests();
  await official.beta.conversations.start({ model: "m", inputs: "seen" });
  const [seen] = await emu.requests();
  assert.equal(seen.method, "POST");
  assert.equal(seen.path, "/v1/conversations");
  assert.equal(seen.authorization.sha256, sha256("sdk-key"));
  assert.equal(seen.json.inputs, "seen");
  const r = await edge.beta.conversations.start({ model: "m", inputs: "kept?" });
  emu.reset();
  await assert.rejects(edge.beta.conversations.get({ conversationId: r.conversationId }), NotFoundError);
  // Only the lookup after the reset is left.
  assert.deepEqual((await emu.requests()).map((q) => q.path), [`/v1/conversations/${r.conversationId}`]);
  assert.equal((await emu.stats()).requests, 1);
});

test("stats() and requests() spell their keys in camelCase; headers and the sent JSON stay verbatim", async () => {
  await emu.forgetRequests();
  const sent = { model: "m", inputs: "spelled", handoff_execution: "server", completion_args: { max_tokens: 5 } };
  const response = await emu.fetch("/v1/conversations", {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json", "x-custom_header": "1" },
    body: JSON.stringify(sent),
  });
  assert.equal(response.status, 200);
  const [seen] = await emu.requests();
  assert.deepEqual(Object.keys(seen).sort(),
    ["authorization", "body", "bodyBytes", "bodyTruncated", "headers", "id", "json", "method", "path"]);
  assert.equal(seen.bodyBytes, JSON.stringify(sent).length);
  assert.equal(seen.bodyTruncated, false);
  assert.equal(seen.headers["x-custom_header"], "1", "header names are data: kept as sent");
  assert.deepEqual(seen.json, sent, "the request's own JSON is kept verbatim (snake_case)");
  const stats = await emu.stats();
  assert.deepEqual(Object.keys(stats).sort(),
    ["requests", "streamsClosedEarly", "streamsCompleted", "streamsDropped", "streamsOpen", "streamsStarted"]);
  assert.ok(Object.values(stats).every(Number.isInteger));
  // The HTTP route itself answers in the wire's snake_case, as the binary does.
  assert.ok("streams_closed_early" in (await (await emu.fetch("/__emulator/stats")).json()));
});

test("signed file URLs and uploads work through emu.fetch", async () => {
  const form = new FormData();
  form.append("file", new Blob(["hello file"], { type: "text/plain" }), "hello.txt");
  const upload = await emu.fetch("https://api.mistral.ai/v1/files", { method: "POST", headers: { authorization: "Bearer k" }, body: form });
  assert.equal(upload.status, 200, await upload.clone().text());
  const { id } = await upload.json();
  const { url } = await (await emu.fetch(`/v1/files/${id}/url`, { headers: { authorization: "Bearer k" } })).json();
  assert.match(url, /^http:\/\/emulator\.invalid\/signed\/files\//);
  const content = await emu.fetch(url);
  assert.equal(await content.text(), "hello file");
});

test("connectors speak MCP through the runtime's fetch (server-everything on loopback)", async (t) => {
  const everything = await startEverything();
  t.after(() => everything.close());
  const created = await emu.fetch("/v1/connectors", {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: JSON.stringify({ name: "everything", description: "the reference server", server: everything.url }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const tools = await emu.fetch("/v1/connectors/everything/tools", { headers: { authorization: "Bearer k" } });
  assert.equal(tools.status, 200, await tools.clone().text());
  const names = (await tools.json()).map((tool) => tool.name);
  assert.ok(names.includes("echo"), names.join());
  const call = await emu.fetch("/v1/connectors/everything/tools/echo/call", {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: JSON.stringify({ arguments: { message: "through fetch" } }),
  });
  assert.equal(call.status, 200, await call.clone().text());
  assert.match(JSON.stringify((await call.json()).content), /through fetch/);
  const gone = await emu.fetch("/v1/connectors", {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: JSON.stringify({ name: "gone", description: "x", server: "http://127.0.0.1:9/mcp" }),
  });
  assert.equal(gone.status, 201);
  const unreachable = await emu.fetch("/v1/connectors/gone/tools", { headers: { authorization: "Bearer k" } });
  assert.equal(unreachable.status, 502);
  assert.equal((await unreachable.json()).type, "connector_error");
});

test("the emulator is its own entry: within 1 MB gzip, and no client entry loads it", async () => {
  const { readFileSync } = await import("node:fs");
  const { gzipSync, constants } = await import("node:zlib");
  const file = (p) => readFileSync(new URL(`../../pkg/${p}`, import.meta.url));
  const gz = (p) => gzipSync(file(p), { level: constants.Z_BEST_COMPRESSION }).length;
  assert.ok(gz("emulator/index.js") + gz("emulator/mistral_emulator_wasm_bg.wasm") <= 1_000_000);
  for (const entry of ["index.js", "node.js", "deno.js", "workerd.js", "conversations/index.js", "conversations/node.js"]) {
    assert.doesNotMatch(file(entry).toString(), /emulator_wasm|createEmulator/, entry);
  }
  const manifest = JSON.parse(file("package.json"));
  assert.equal(manifest.exports["./emulator"].node, "./emulator/node.js");
  assert.equal(manifest.bin["mistral-edge-client"], "./emulator/cli.js");
});

test("an abort reaches a body being read even after the Request is garbage", async () => {
  const { setFlagsFromString } = await import("node:v8");
  const { runInNewContext } = await import("node:vm");
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  const controller = new AbortController();
  const response = await emu.fetch("/v1/conversations", {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json", "x-emulator-fault": "delay-ms=400" },
    body: JSON.stringify({ model: "m", inputs: "count to 5", stream: true }),
    signal: controller.signal,
  });
  const reader = response.body.getReader();
  await reader.read();
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 5));
  }
  // The next chunk is 400 ms away: the abort must reach the body before it, so the very next read
  // rejects (a lost abort would hand over that chunk instead).
  controller.abort(new Error("stop"));
  await assert.rejects(reader.read(), /stop/);
});
