#!/usr/bin/env node
// Decoder-only benchmark, one case in a fresh process (run it with --expose-gc).
//
//   node --expose-gc bench/decode-client.mjs --case esp|esp-json|edge|sdk-eventstream
//        --input stream|large --chunk 16384 [--runs 3] [--warmup 1]
//
// Inputs (bench/gen-stream.mjs, generated in memory, deterministic):
//   stream  ~26.3 MB Mistral-like stream: 100,002 events, 263-byte delta frames, ~3% varied tokens
//   large   one event whose single data line is 1,048,576 bytes
// The input is cut into --chunk byte reads before timing (Uint8Array views on one buffer).
// Cases:
//   esp              eventsource-parser 4.1.3 createParser().feed() fed by TextDecoder({stream:true})
//   esp-json         the same + JSON.parse(event.data)
//   edge             our standalone decoder: new SseDecoder(); decoder.feed(chunk) -> [{event,data,id}]
//                    (skipped with a message if ../pkg/node.js is missing; EDGE_MODULE=path overrides it)
//   sdk-eventstream  @mistralai/mistralai 2.7.0 lib/event-streams.js EventStream over
//                    new Response(new ReadableStream({pull})).body, pass-through parse (framing + UTF-8
//                    only), iterated with for await (as in sse-baseline.md)
// Each timed run gets a new decoder; gc() before each. Every run must return exactly the expected
// number of events and the expected total `data` length, or the process exits 1.
// Prints ONE JSON line: {case, input, chunk, bytes, events, runs:[ms...], ms (median), mbPerSec, eventsPerSec}

import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mistralLikeStream, largeEvent } from "./gen-stream.mjs";

const { values: opt } = parseArgs({
  options: {
    case: { type: "string" },
    input: { type: "string", default: "stream" },
    chunk: { type: "string", default: "16384" },
    runs: { type: "string", default: "3" },
    warmup: { type: "string", default: "1" },
  },
});
const CASES = ["esp", "esp-json", "edge", "sdk-eventstream"];
if (!CASES.includes(opt.case) || !["stream", "large"].includes(opt.input)) {
  console.error(`usage: decode-client.mjs --case ${CASES.join("|")} --input stream|large --chunk N`);
  process.exit(2);
}
const CHUNK = Number(opt.chunk);
const RUNS = Number(opt.runs);
const WARMUP = Number(opt.warmup);
const label = `${opt.case}/${opt.input}/${CHUNK}`;
function fail(msg) { console.error(`decode-client [${label}] FAILED: ${msg}`); process.exit(1); }

const EDGE_URL = process.env.EDGE_MODULE ? pathToFileURL(process.env.EDGE_MODULE)
  : new URL("../pkg/node.js", import.meta.url);
const pkgPath = fileURLToPath(EDGE_URL);
if (opt.case === "edge" && !existsSync(pkgPath)) {
  const msg = `${pkgPath} not found: build the package first (make build); edge decoder skipped`;
  console.error(`decode-client [${label}]: ${msg}`);
  console.log(JSON.stringify({ case: opt.case, input: opt.input, chunk: CHUNK, skipped: msg }));
  process.exit(0);
}

const input = opt.input === "stream" ? mistralLikeStream() : largeEvent();
const { bytes } = input;
const chunks = [];
for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, Math.min(i + CHUNK, bytes.length)));

// Each runner returns { events, dataChars }.
const runners = {
  async esp() {
    const { createParser } = await import("eventsource-parser");
    return () => {
      let events = 0, dataChars = 0;
      const p = createParser({ onEvent(e) { events++; dataChars += e.data.length; } });
      const dec = new TextDecoder();
      for (let i = 0; i < chunks.length; i++) p.feed(dec.decode(chunks[i], { stream: true }));
      p.feed(dec.decode());
      return { events, dataChars };
    };
  },
  async "esp-json"() {
    const { createParser } = await import("eventsource-parser");
    return () => {
      let events = 0, dataChars = 0;
      const p = createParser({ onEvent(e) { events++; dataChars += e.data.length; JSON.parse(e.data); } });
      const dec = new TextDecoder();
      for (let i = 0; i < chunks.length; i++) p.feed(dec.decode(chunks[i], { stream: true }));
      p.feed(dec.decode());
      return { events, dataChars };
    };
  },
  async edge() {
    const mod = await import(EDGE_URL.href);
    const { SseDecoder } = mod;
    if (typeof SseDecoder !== "function") fail("pkg/node.js does not export SseDecoder");
    return () => {
      let events = 0, dataChars = 0;
      const d = new SseDecoder();
      const take = (evs) => {
        if (!evs) return;
        for (let j = 0; j < evs.length; j++) { events++; dataChars += evs[j].data.length; }
      };
      for (let i = 0; i < chunks.length; i++) take(d.feed(chunks[i]));
      if (typeof d.finish === "function") take(d.finish());
      d.free?.();
      return { events, dataChars };
    };
  },
  async "sdk-eventstream"() {
    let EventStream;
    try {
      ({ EventStream } = await import("@mistralai/mistralai/lib/event-streams.js"));
    } catch (e) {
      const msg = `@mistralai/mistralai/lib/event-streams.js not importable (${e.message}); skipped`;
      console.error(`decode-client [${label}]: ${msg}`);
      console.log(JSON.stringify({ case: opt.case, input: opt.input, chunk: CHUNK, skipped: msg }));
      process.exit(0);
    }
    return async () => {
      let idx = 0;
      const body = new Response(new ReadableStream({
        pull(c) { if (idx >= chunks.length) c.close(); else c.enqueue(chunks[idx++]); },
      })).body;
      const es = new EventStream(body, (msg) => ({ done: false, value: msg }));
      let events = 0, dataChars = 0;
      for await (const m of es) { events++; dataChars += m.data.length; }
      return { events, dataChars };
    };
  },
};

const run = await runners[opt.case]();
const times = [];
for (let r = 0; r < WARMUP + RUNS; r++) {
  globalThis.gc?.();
  const t0 = performance.now();
  const res = await run();
  const ms = performance.now() - t0;
  if (res.events !== input.events) fail(`got ${res.events} events, expected ${input.events}`);
  if (res.dataChars !== input.dataChars) fail(`data length ${res.dataChars}, expected ${input.dataChars}`);
  if (r >= WARMUP) times.push(ms);
}
const sorted = [...times].sort((a, b) => a - b);
const ms = sorted[Math.floor((sorted.length - 1) / 2)];
console.log(JSON.stringify({
  case: opt.case, input: opt.input, chunk: CHUNK, bytes: bytes.length, events: input.events,
  runs: times.map((t) => +t.toFixed(2)), ms: +ms.toFixed(2),
  mbPerSec: +(bytes.length / 1e6 / (ms / 1000)).toFixed(1),
  eventsPerSec: Math.round(input.events / (ms / 1000)),
}));
