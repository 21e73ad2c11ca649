#!/usr/bin/env node
// One streaming client in a fresh process, against mistral-emulator's bench mode (bench/run.mjs starts it).
//
//   node bench/stream-client.mjs --url http://127.0.0.1:PORT --mode edge|sdk|esp|fetch --n 100000
//     [--warmup 2000] [--stream plain|live]
//
// One warm-up stream of 2,000 events, then one measured stream of N events (`x-emulator-bench:
// n=N`, emulator/src/bench.rs). Prints ONE JSON line:
//   {mode, n, events, ms, eventsPerSec, mbPerSec, cpuUsPerEvent, peakRssMb, bytes, ttfeMs}
// `events` counts every SSE event (started + N deltas + done) and must equal N+2; the summed
// length of the delta texts must equal N * " token".length (modes that parse), and the bytes read
// must equal the stream's exact length (bench/frames.mjs) (modes that see bytes). Any mismatch exits 1.
// ms / cpu cover the measured stream from the request to the end of the body. `bytes` is the
// wire size of the measured body (the stream is deterministic; see streamByteLength).
// Mode `edge` prints {mode, n, skipped} on stdout and exits 0 if ../pkg/node.js is missing.
// EDGE_MODULE=/path/to/module.js overrides ../pkg/node.js (to test the harness with a stand-in).

import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { streamByteLength, expectedText, MODEL } from "./frames.mjs";

const { values: opt } = parseArgs({
  options: {
    url: { type: "string" },
    mode: { type: "string" },
    n: { type: "string", default: "100000" },
    warmup: { type: "string", default: "2000" },
    stream: { type: "string", default: "plain" },
  },
});
// `plain`: every delta is " token" and carries no timestamp (identical deltas).
// `live`: deltas as a live stream has them, differing in `content` (varied tokens:
// ASCII, é, 日本語, an emoji, quotes, newlines, backslashes) and in `created_at` (per event).
const STREAMS = {
  plain: { bench: "", spec: {} },
  live: { bench: ",tokens=varied,created-at=tick", spec: { tokens: "varied", createdAt: "tick" } },
};
const SHAPE = STREAMS[opt.stream];
if (!SHAPE) {
  console.error("--stream must be plain or live");
  process.exit(2);
}
const MODES = ["edge", "sdk", "esp", "fetch"];
if (!opt.url || !MODES.includes(opt.mode)) {
  console.error("usage: node bench/stream-client.mjs --url <base> --mode edge|sdk|esp|fetch --n <N>");
  process.exit(2);
}
const base = opt.url.replace(/\/+$/, "");
const N = Number(opt.n);
const WARMUP = Number(opt.warmup);
const mode = opt.mode;
const EDGE_URL = process.env.EDGE_MODULE ? pathToFileURL(process.env.EDGE_MODULE)
  : new URL("../pkg/node.js", import.meta.url);

function fail(msg) {
  console.error(`stream-client [${mode}] FAILED: ${msg}`);
  process.exit(1);
}

const benchHeaders = (n) => ({ "x-emulator-bench": `n=${n}${SHAPE.bench}` });

// ------------------------------------------------------------------ clients
// Each returns { events, textLen (or null), bytes (or null), ttfeMs }.

async function rawFetch(n) {
  const res = await fetch(`${base}/v1/conversations`, {
    method: "POST",
    headers: {
      authorization: "Bearer test", "content-type": "application/json", accept: "text/event-stream",
      ...benchHeaders(n),
    },
    body: JSON.stringify({ model: MODEL, inputs: "hi", stream: true }),
  });
  if (res.status !== 200) fail(`HTTP ${res.status}: ${await res.text()}`);
  return res.body.getReader();
}

const clients = {
  async fetch(n, t0) {
    const reader = await rawFetch(n);
    const dec = new TextDecoder();
    let events = 0, bytes = 0, ttfeMs = -1, prevLF = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (ttfeMs < 0) ttfeMs = performance.now() - t0;
      bytes += value.length;
      const s = dec.decode(value, { stream: true });
      if (s.length === 0) continue;
      if (prevLF && s.charCodeAt(0) === 10) events++; // "\n\n" split across reads
      let i = s.indexOf("\n\n");
      while (i !== -1) { events++; i = s.indexOf("\n\n", i + 2); }
      prevLF = s.charCodeAt(s.length - 1) === 10;
    }
    dec.decode();
    return { events, textLen: null, bytes, ttfeMs };
  },

  async esp(n, t0) {
    const { createParser } = await import("eventsource-parser");
    let events = 0, textLen = 0, ttfeMs = -1;
    const parser = createParser({
      onEvent(e) {
        if (ttfeMs < 0) ttfeMs = performance.now() - t0;
        events++;
        const d = JSON.parse(e.data);
        if (d.type !== e.event) fail(`event ${e.event} carries data.type ${d.type}`);
        if (d.type === "message.output.delta") textLen += d.content.length;
      },
    });
    const reader = await rawFetch(n);
    const dec = new TextDecoder();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      parser.feed(dec.decode(value, { stream: true }));
    }
    parser.feed(dec.decode());
    return { events, textLen, bytes, ttfeMs };
  },

  // sdk and edge: the same calls on the same API shape.
  async sdk(n, t0) { return iterate(await getClient("sdk"), n, t0); },
  async edge(n, t0) { return iterate(await getClient("edge"), n, t0); },
};

let client = null;
async function getClient(kind) {
  if (client) return client;
  let Mistral;
  if (kind === "sdk") {
    ({ Mistral } = await import("@mistralai/mistralai"));
  } else {
    ({ Mistral } = await import(EDGE_URL.href));
  }
  client = new Mistral({ apiKey: "test", serverURL: base });
  return client;
}

async function iterate(c, n, t0) {
  const stream = await c.beta.conversations.startStream(
    { model: MODEL, inputs: "hi" },
    { headers: benchHeaders(n) }, // SDK 2.7.0 RequestOptions: `headers` (fetchOptions.headers is deprecated)
  );
  let events = 0, textLen = 0, ttfeMs = -1;
  let first = null, last = null;
  for await (const e of stream) {
    if (ttfeMs < 0) ttfeMs = performance.now() - t0;
    events++;
    const d = e.data;
    if (first === null) first = d.type;
    last = d.type;
    if (d.type === "message.output.delta") textLen += d.content.length;
  }
  if (first !== "conversation.response.started") fail(`first event is ${first}`);
  if (last !== "conversation.response.done") fail(`last event is ${last}`);
  return { events, textLen, bytes: null, ttfeMs };
}

// ------------------------------------------------------------------ main

if (mode === "edge" && !existsSync(fileURLToPath(EDGE_URL))) {
  const msg = `${fileURLToPath(EDGE_URL)} not found: build the package first (make build); edge mode skipped`;
  console.error(`stream-client [edge]: ${msg}`);
  console.log(JSON.stringify({ mode, n: N, skipped: msg }));
  process.exit(0);
}

function check(r, n) {
  if (r.events !== n + 2) fail(`counted ${r.events} events, expected ${n + 2} (N+2)`);
  const textLen = expectedText(n, SHAPE.spec.tokens).length;
  if (r.textLen !== null && r.textLen !== textLen) {
    fail(`delta text length ${r.textLen}, expected ${textLen}`);
  }
  const want = streamByteLength({ n, ...SHAPE.spec });
  if (r.bytes !== null && r.bytes !== want) fail(`read ${r.bytes} bytes, expected ${want}`);
}

try {
  if (WARMUP > 0) check(await clients[mode](WARMUP, performance.now()), WARMUP);
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await clients[mode](N, t0);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  check(r, N);
  const bytes = streamByteLength({ n: N, ...SHAPE.spec });
  console.log(JSON.stringify({
    mode,
    stream: opt.stream,
    n: N,
    events: r.events,
    ms: +ms.toFixed(2),
    eventsPerSec: Math.round(r.events / (ms / 1000)),
    mbPerSec: +(bytes / 1e6 / (ms / 1000)).toFixed(2),
    cpuUsPerEvent: +((cpu.user + cpu.system) / r.events).toFixed(3),
    peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
    bytes,
    ttfeMs: +r.ttfeMs.toFixed(2),
  }));
} catch (e) {
  fail(e?.stack ?? String(e));
}
