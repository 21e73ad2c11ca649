// The demo server's proxy in live mode, against a fake "api.mistral.ai" on 127.0.0.1: the key is
// added server-side and never reaches the browser or the log; bodies stream both ways; a browser
// that stops reading closes the upstream request.
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, test } from "node:test";
import { startDemo } from "../../scripts/demo.mjs";

const KEY = "sk-test-0123456789abcdef";
const seen = [];
const closed = [];
const ticksAtClose = new Map(); // url -> ticks written when the upstream request closed
let upstream;
let demo;
const logs = [];

before(async () => {
  upstream = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url.startsWith("/v1/slow")) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.flushHeaders();
        let i = 0;
        const timer = setInterval(() => {
          res.write(`event: tick\ndata: {"i":${i}}\n\n`);
          if (++i === 40) {
            clearInterval(timer);
            res.end();
          }
        }, 50);
        res.on("close", () => {
          clearInterval(timer);
          closed.push(req.url);
          ticksAtClose.set(req.url, i);
        });
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_fake" });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  demo = await startDemo({
    port: 0,
    apiKey: KEY,
    liveURL: `http://127.0.0.1:${upstream.address().port}`,
    log: (line) => logs.push(line),
  });
});

after(async () => {
  await demo?.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});

test("adds the key server-side and drops the browser's credentials", { timeout: 10_000 }, async () => {
  const res = await fetch(`${demo.url}/api/v1/conversations?page=0`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer from-the-page", cookie: "session=1" },
    body: JSON.stringify({ model: "m", inputs: "hi" }),
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-request-id"), "req_fake");
  assert.deepEqual(await res.json(), { ok: true });
  const request = seen.at(-1);
  assert.equal(request.url, "/v1/conversations?page=0");
  assert.equal(request.headers.authorization, `Bearer ${KEY}`);
  assert.equal(request.headers.cookie, undefined);
  assert.equal(request.body, JSON.stringify({ model: "m", inputs: "hi" }));
});

test("the key is on no page, in no config and in no log line", { timeout: 10_000 }, async () => {
  const config = await (await fetch(`${demo.url}/demo-config.json`)).json();
  assert.equal(config.mode, "live");
  for (const path of ["/", "/demo-config.json", "/app.js", "/state.js"]) {
    const text = await (await fetch(demo.url + path)).text();
    assert.ok(!text.includes(KEY), `${path} must not contain the key`);
  }
  assert.ok(logs.length > 0, "the proxy logs requests");
  assert.ok(logs.every((line) => !line.includes(KEY)), "no log line contains the key");
});

test("streams the body as it arrives, and a reader that stops closes the upstream request", { timeout: 10_000 }, async () => {
  const controller = new AbortController();
  const t0 = Date.now();
  const res = await fetch(`${demo.url}/api/v1/slow`, { signal: controller.signal });
  const reader = res.body.getReader();
  const arrivals = [];
  let text = "";
  while (arrivals.length < 5) {
    const { value, done } = await reader.read();
    if (done) break;
    arrivals.push(Date.now() - t0);
    text += new TextDecoder().decode(value);
  }
  assert.match(text, /event: tick\ndata: \{"i":0\}/);
  assert.ok(arrivals.at(-1) - arrivals[0] >= 100, `chunks arrive over time, not at once: ${arrivals}`);
  controller.abort();
  const deadline = Date.now() + 3000;
  while (!closed.includes("/v1/slow") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.ok(closed.includes("/v1/slow"), "the upstream request was closed after the browser stopped");
  const ticks = ticksAtClose.get("/v1/slow");
  assert.ok(ticks < 40, `closed after ${ticks} of 40 ticks: before the upstream stream would have ended`);
});

test("static files: the page, the package, and no escape from www/", { timeout: 10_000 }, async () => {
  const page = await fetch(`${demo.url}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get("content-type"), /text\/html/);
  const wasm = await fetch(`${demo.url}/pkg/mistral_edge_bg.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  const escape = await fetch(`${demo.url}/..%2fpackage.json`);
  assert.equal(escape.status, 404);
});
