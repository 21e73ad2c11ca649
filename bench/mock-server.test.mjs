// Self-check of the benchmark's mock server (node --test bench/mock-server.test.mjs; in `make test`). Stdlib only, loopback only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  startMockServer, DEFAULT_DELTA_FRAME, VARIED_TOKENS, expectedText, streamByteLength, tokenAt,
} from "./mock-server.mjs";

let mock;
const AUTH = { authorization: "Bearer test", "content-type": "application/json" };
before(async () => { mock = await startMockServer(); });
after(async () => { await mock.close(); });

function post(path, body, headers = {}) {
  return fetch(mock.url + path, { method: "POST", headers: { ...AUTH, ...headers }, body: JSON.stringify(body) });
}
const stream = (headers = {}, path = "/v1/conversations") => post(path, { inputs: "hi", stream: true }, headers);

/** Split an SSE body into frames of {event, data} (data raw). */
function frames(text) {
  const out = text.split("\n\n");
  const tail = out.pop();
  return {
    tail,
    frames: out.map((f) => {
      const ev = /^event: (.*)$/m.exec(f)?.[1];
      const data = /^data: (.*)$/m.exec(f)?.[1];
      return { event: ev, data };
    }),
  };
}

/** Raw HTTP request, resolving with the raw bytes received and how the response ended. */
function rawRequest(headers, { abortAfterBytes = 0 } = {}) {
  return new Promise((resolve) => {
    const req = http.request(mock.url + "/v1/conversations", { method: "POST", headers: { ...AUTH, ...headers } });
    const chunks = [];
    let status = 0;
    let ended = false;
    req.on("response", (res) => {
      status = res.statusCode;
      res.on("data", (c) => {
        chunks.push(c);
        if (abortAfterBytes && Buffer.concat(chunks).length >= abortAfterBytes) req.destroy();
      });
      res.on("end", () => { ended = true; });
      res.on("close", () => resolve({ status, body: Buffer.concat(chunks), ended, aborted: res.errored ?? null }));
      res.on("error", () => {});
    });
    req.on("error", (e) => resolve({ status, body: Buffer.concat(chunks), ended, error: e }));
    req.end(JSON.stringify({ inputs: "hi", stream: true }));
  });
}

test("default delta frame is 263 bytes and the N=100000 stream is 26,300,342 bytes", () => {
  assert.equal(Buffer.byteLength(DEFAULT_DELTA_FRAME), 263);
  assert.equal(streamByteLength({ n: 100000 }), 26_300_342);
  assert.equal(streamByteLength({ n: 100000, createdAt: "us" }), 30_600_428);
});

test("default stream, event and bulk write modes give the same bytes", async () => {
  for (const write of ["event", "bulk"]) {
    const res = await stream({ "x-mock-write": write });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "text/event-stream");
    assert.equal(res.headers.get("cache-control"), "no-cache");
    assert.match(res.headers.get("x-request-id"), /^req_\d+$/);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    const text = await res.text();
    assert.equal(Buffer.byteLength(text), streamByteLength({ n: 5 }));
    const { frames: fs, tail } = frames(text);
    assert.equal(tail, "");
    assert.equal(fs.length, 7);
    assert.equal(fs[0].event, "conversation.response.started");
    const started = JSON.parse(fs[0].data);
    assert.match(started.conversation_id, /^conv_[0-9a-f]{32}$/);
    for (let i = 1; i <= 5; i++) assert.equal(`event: ${fs[i].event}\ndata: ${fs[i].data}\n\n`, DEFAULT_DELTA_FRAME);
    assert.deepEqual(JSON.parse(fs[6].data), { type: "conversation.response.done",
      usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17, connector_tokens: null, connectors: null } });
  }
});

test("x-mock-n, varied tokens, created_at", async () => {
  const res = await stream({ "x-mock-n": "20", "x-mock-tokens": "varied", "x-mock-created-at": "1", "x-mock-write": "bulk" });
  const { frames: fs } = frames(await res.text());
  assert.equal(fs.length, 22);
  let text = "";
  for (const f of fs) {
    const d = JSON.parse(f.data);
    assert.equal(d.created_at, "2026-01-01T00:00:00.000Z");
    assert.deepEqual(Object.keys(d).slice(0, 2), ["type", "created_at"]);
    if (d.type === "message.output.delta") text += d.content;
  }
  assert.equal(text, expectedText(20, "varied"));
  for (const t of VARIED_TOKENS) assert.ok(text.includes(t));
  assert.ok(/[é日🚀"\n\\]/.test(text));
  assert.equal(tokenAt(3, "varied"), " 🚀");
});

test("non-stream ConversationResponse; append keeps the id, restart makes a new one", async () => {
  const r1 = await post("/v1/conversations", { inputs: "hi" }, { "x-mock-n": "3" });
  assert.equal(r1.headers.get("content-type"), "application/json");
  const j1 = await r1.json();
  assert.equal(j1.object, "conversation.response");
  assert.equal(j1.outputs[0].content, " token token token");
  assert.equal(j1.outputs[0].type, "message.output");
  assert.deepEqual(j1.usage, { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15, connector_tokens: null, connectors: null });
  const r2 = await post(`/v1/conversations/${j1.conversation_id}`, { inputs: "more" });
  assert.equal((await r2.json()).conversation_id, j1.conversation_id);
  const r3 = await post(`/v1/conversations/${j1.conversation_id}/restart`, { inputs: "x", from_entry_id: "e" });
  const j3 = await r3.json();
  assert.notEqual(j3.conversation_id, j1.conversation_id);
  assert.match(j3.conversation_id, /^conv_/);
  const r4 = await post("/v1/conversations/conv_keep", { stream: true });
  assert.equal(JSON.parse(frames(await r4.text()).frames[0].data).conversation_id, "conv_keep");
});

test("auth, CORS preflight, 404, bad JSON", async () => {
  const r = await fetch(mock.url + "/v1/conversations", { method: "POST", body: "{}" });
  assert.equal(r.status, 401);
  assert.deepEqual(await r.json(), { detail: "Unauthorized" });
  const r0 = await fetch(mock.url + "/v1/conversations", { method: "POST", body: "{}", headers: { authorization: "Bearer " } });
  assert.equal(r0.status, 401);
  await r0.body.cancel();
  const o = await fetch(mock.url + "/v1/conversations", { method: "OPTIONS" });
  assert.equal(o.status, 204);
  assert.equal(o.headers.get("access-control-allow-headers"), "*");
  assert.equal(o.headers.get("access-control-allow-methods"), "GET,POST,PATCH,PUT,DELETE,OPTIONS");
  assert.equal(o.headers.get("access-control-expose-headers"), "*");
  const o2 = await fetch(mock.url + "/v1/conversations", {
    method: "OPTIONS", headers: { "access-control-request-headers": "authorization,content-type,x-mock-n" },
  });
  assert.equal(o2.headers.get("access-control-allow-headers"), "authorization,content-type,x-mock-n");
  const n = await fetch(mock.url + "/v1/agents", { headers: AUTH });
  assert.equal(n.status, 404);
  assert.deepEqual(await n.json(), { detail: "Not Found" });
  const n2 = await fetch(mock.url + "/nope");
  assert.equal(n2.status, 404);
  await n2.body.cancel();
  const b = await fetch(mock.url + "/v1/conversations", { method: "POST", headers: AUTH, body: "{not json" });
  assert.equal(b.status, 422);
  await b.body.cancel();
});

test("unknown-event, error-event, malformed-json, huge, tools", async () => {
  let fs = frames(await (await stream({ "x-mock-scenario": "unknown-event" })).text()).frames;
  assert.equal(fs.length, 8);
  assert.equal(fs[3].event, "conversation.response.novel");
  assert.equal(fs[3].data, '{"type":"conversation.response.novel","some_field":{"nested_key":1}}');

  fs = frames(await (await stream({ "x-mock-scenario": "error-event", "x-mock-write": "bulk" })).text()).frames;
  assert.deepEqual(fs.map((f) => f.event), ["conversation.response.started", "message.output.delta",
    "message.output.delta", "conversation.response.error"]);
  assert.equal(fs[3].data, '{"type":"conversation.response.error","message":"internal model error","code":3000}');

  fs = frames(await (await stream({ "x-mock-scenario": "malformed-json" })).text()).frames;
  assert.equal(fs.length, 8);
  assert.equal(fs[3].data, '{"type":"message.output.delta","content":');
  assert.equal(fs[7].event, "conversation.response.done");

  const big = 1 << 20;
  fs = frames(await (await stream({ "x-mock-scenario": "huge", "x-mock-huge-bytes": String(big) })).text()).frames;
  assert.equal(fs.length, 8);
  assert.equal(JSON.parse(fs[3].data).content.length, big);

  fs = frames(await (await stream({ "x-mock-scenario": "tools" })).text()).frames;
  assert.deepEqual(fs.map((f) => f.event), ["conversation.response.started", "tool.execution.started",
    "tool.execution.done", "message.output.delta", "message.output.delta", "message.output.delta",
    "function.call.delta", "function.call.delta", "conversation.response.done"]);
  const d = fs.map((f) => JSON.parse(f.data));
  assert.equal(d[1].arguments, '{"query":"x"}');
  assert.deepEqual(d[2].info, { some_key: 1 });
  assert.deepEqual(d[3].content, { type: "tool_reference", tool: "web_search", title: "Example", url: "https://example.com", favicon: null });
  assert.equal(d[6].arguments + d[7].arguments, '{"city":"Paris"}');
  assert.deepEqual(d[8].usage.connectors, { web_search: 1 });
});

test("rate-limit, fail-once, validation", async () => {
  const r = await stream({ "x-mock-scenario": "rate-limit", "x-mock-retry-after": "2" });
  assert.equal(r.status, 429);
  assert.equal(r.headers.get("retry-after"), "2");
  assert.deepEqual(await r.json(), { detail: "rate limited" });
  const r1 = await stream({ "x-mock-scenario": "rate-limit" });
  assert.equal(r1.headers.get("retry-after"), "1");
  await r1.body.cancel();
  const k = { "x-mock-scenario": "rate-limit", "x-mock-key": "rl-a" };
  assert.equal((await (await stream(k)).text(), (await stream(k)).status), 200);

  const f = { "x-mock-scenario": "fail-once", "x-mock-key": "k1" };
  const f1 = await stream(f);
  assert.equal(f1.status, 500);
  assert.deepEqual(await f1.json(), { detail: "boom" });
  const f2 = await stream(f);
  assert.equal(f2.status, 200);
  assert.equal(frames(await f2.text()).frames.length, 7);
  const f3 = await stream({ ...f, "x-mock-key": "k2" });
  assert.equal(f3.status, 500);
  await f3.body.cancel();

  const v = await post("/v1/conversations", { inputs: "x" }, { "x-mock-scenario": "validation" });
  assert.equal(v.status, 422);
  assert.deepEqual(await v.json(), { detail: [{ loc: ["body", "inputs"], msg: "Field required", type: "missing" }] });
});

for (const write of ["event", "bulk"]) {
  test(`cut-socket and cut-clean (${write})`, async () => {
    const full = frames(await (await stream({ "x-mock-n": "10" })).text()).frames;
    const three = full.slice(0, 3).map((x) => `event: ${x.event}\ndata: ${x.data}\n\n`).join("");
    const next = Buffer.from(`event: ${full[3].event}\ndata: ${full[3].data}\n\n`);
    const half = next.subarray(0, Math.floor(next.length / 2));

    const s0 = mock.stats();
    const cut = await rawRequest({ "x-mock-n": "10", "x-mock-scenario": "cut-socket", "x-mock-write": write });
    assert.equal(cut.status, 200);
    assert.equal(cut.ended, false, "cut-socket must not end cleanly");
    assert.ok(cut.aborted || cut.error, "client sees an error");
    const norm = (b) => b.toString("latin1").replace(/conv_[0-9a-f]{32}/, "conv_X");
    const expected = norm(Buffer.concat([Buffer.from(three), half]));
    assert.equal(norm(cut.body), expected);

    const clean = await rawRequest({ "x-mock-n": "10", "x-mock-scenario": "cut-clean", "x-mock-write": write, "x-mock-cut-after": "3" });
    assert.equal(clean.ended, true);
    assert.equal(norm(clean.body), expected);

    // fetch view of cut-socket: the read rejects (undici "terminated")
    const res = await stream({ "x-mock-n": "10", "x-mock-scenario": "cut-socket", "x-mock-write": write });
    await assert.rejects(res.text(), /terminated/);
    await new Promise((r) => setTimeout(r, 20));
    const s1 = mock.stats();
    assert.equal(s1.serverCut - s0.serverCut, 2);
    assert.equal(s1.closedEarly, s0.closedEarly);
  });
}

test("x-mock-cut-delay-ms delivers the half frame, waits, then cuts", async () => {
  for (const [scenario, ended] of [["cut-socket", false], ["cut-clean", true]]) {
    const t0 = performance.now();
    const r = await rawRequest({ "x-mock-n": "10", "x-mock-scenario": scenario, "x-mock-cut-delay-ms": "150" });
    assert.ok(performance.now() - t0 >= 140, `${scenario} waited`);
    assert.equal(r.ended, ended, scenario);
    const { frames: complete, tail } = frames(r.body.toString("utf8"));
    assert.equal(complete.length, 3, scenario);
    assert.ok(tail.length > 0 && tail.startsWith("event: message.output.delta"), scenario);
  }
});

test("slow + client close is detected (closedEarly), timers stop", async () => {
  const s0 = mock.stats();
  const ac = new AbortController();
  const res = await fetch(mock.url + "/v1/conversations", {
    method: "POST", headers: { ...AUTH, "x-mock-scenario": "slow", "x-mock-delay-ms": "30", "x-mock-n": "1000" },
    body: JSON.stringify({ inputs: "hi", stream: true }), signal: ac.signal,
  });
  const reader = res.body.getReader();
  const t0 = performance.now();
  let got = "";
  const dec = new TextDecoder();
  while ((got.match(/\n\n/g) ?? []).length < 3) got += dec.decode((await reader.read()).value, { stream: true });
  const dt = performance.now() - t0;
  assert.ok(dt >= 40, `3 events with 30 ms gaps took ${dt} ms`);
  ac.abort();
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(mock.stats().closedEarly - s0.closedEarly, 1);
});

test("bulk stream: client break after the first chunk is detected", async () => {
  const s0 = mock.stats();
  const res = await stream({ "x-mock-n": "200000", "x-mock-write": "bulk" });
  const reader = res.body.getReader();
  await reader.read();
  await reader.cancel();
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(mock.stats().closedEarly - s0.closedEarly, 1);
});

test("request recording and __mock routes", async () => {
  await fetch(mock.url + "/__mock/requests", { method: "DELETE" });
  await (await post("/v1/conversations?x=1", { inputs: "hi", model: "m" }, { "x-custom": "Yes" })).text();
  await (await fetch(mock.url + "/v1/conversations", { method: "POST", headers: AUTH, body: "raw" })).text();
  const list = await (await fetch(mock.url + "/__mock/requests")).json();
  assert.equal(list.length, 2);
  assert.equal(list[0].method, "POST");
  assert.equal(list[0].path, "/v1/conversations?x=1");
  assert.equal(list[0].headers["x-custom"], "Yes");
  assert.equal(list[0].headers.authorization, "Bearer test");
  assert.deepEqual(list[0].parsed, { inputs: "hi", model: "m" });
  assert.equal(list[1].body, "raw");
  assert.ok(!("parsed" in list[1]));
  assert.equal(mock.requests.length, 2);
  const st = await (await fetch(mock.url + "/__mock/stats")).json();
  assert.ok(Number.isInteger(st.closedEarly) && Number.isInteger(st.completed));
  const del = await fetch(mock.url + "/__mock/requests", { method: "DELETE" });
  assert.equal(del.status, 204);
  assert.equal(mock.requests.length, 0);
});

test("close() does not hang with an open slow stream", async () => {
  const m2 = await startMockServer();
  const res = await fetch(m2.url + "/v1/conversations", {
    method: "POST", headers: { ...AUTH, "x-mock-scenario": "slow", "x-mock-delay-ms": "1000", "x-mock-n": "100" },
    body: JSON.stringify({ stream: true }),
  });
  const reader = res.body.getReader();
  await reader.read();
  const t0 = performance.now();
  await m2.close();
  assert.ok(performance.now() - t0 < 500);
  await assert.rejects(reader.read());
});

test("CLI prints LISTENING <port> and exits 0 on SIGTERM", async () => {
  const p = spawn(process.execPath, [fileURLToPath(new URL("./mock-server.mjs", import.meta.url)), "--port", "0"],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LIFETIME_S: "30" } });
  const line = await new Promise((resolve, reject) => {
    let buf = "";
    p.stdout.on("data", (c) => { buf += c; if (buf.includes("\n")) resolve(buf); });
    p.on("exit", () => reject(new Error("exited early")));
  });
  assert.match(line, /^LISTENING \d+\n$/);
  const port = Number(line.split(" ")[1]);
  const r = await fetch(`http://127.0.0.1:${port}/__mock/stats`);
  assert.equal(r.status, 200);
  await r.text();
  const code = await new Promise((resolve) => { p.on("exit", (c) => resolve(c)); p.kill("SIGTERM"); });
  assert.equal(code, 0);
});

test("CLI exits by itself after LIFETIME_S", async () => {
  const p = spawn(process.execPath, [fileURLToPath(new URL("./mock-server.mjs", import.meta.url))],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LIFETIME_S: "0.3" } });
  const code = await new Promise((resolve) => p.on("exit", (c) => resolve(c)));
  assert.equal(code, 0);
});
