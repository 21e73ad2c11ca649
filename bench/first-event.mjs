#!/usr/bin/env node
// First-event latency of one large chunk (the `latency` section of `make bench`; not a test):
//
//   node bench/first-event.mjs [--mib 2] [--runs 9]
//
// A fetch reader can hand over 1–2 MiB at once (Chromium's does). This gives the client one chunk
// of `--mib` MiB of the benchmark's 263-byte deltas (bench/frames.mjs's frames, `started`
// first and `done` last) through a fetch whose body is that one chunk, and measures per fresh
// stream, from the moment the reader hands the chunk over: the first event reaching the
// `for await` (first event), and the last one (whole chunk), with the chunk's events/s. Medians of
// `--runs` streams after 3 warm-ups, in one process. EDGE_MODULE picks the package (pkg/node.js),
// so a build before a change can be measured the same way.
// Prints a table and a JSON line.

import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deltaFrame, doneFrame, startedFrame } from "./frames.mjs";

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const MIB = arg("mib", 2);
const RUNS = arg("runs", 9);
const root = fileURLToPath(new URL("../", import.meta.url));
const module = process.env.EDGE_MODULE ?? join(root, "pkg/node.js");
const { Mistral } = await import(pathToFileURL(module));

const frames = [startedFrame("conv_0123456789abcdef0123456789abcdef")];
let size = frames[0].length;
const delta = deltaFrame(" token");
while (size < MIB * 1048576) {
  frames.push(delta);
  size += delta.length;
}
frames.push(doneFrame(frames.length - 1));
const chunk = new TextEncoder().encode(frames.join(""));
const events = frames.length;

let handedAt = 0;
// A Response-like answer whose body is this very stream: the chunk reaches the client as one.
const fetch = async () => ({
  ok: true,
  status: 200,
  headers: new Headers({ "content-type": "text/event-stream" }),
  body: new ReadableStream({
    pull(controller) {
      handedAt = performance.now();
      controller.enqueue(chunk);
      controller.close();
    },
  }),
});
const client = new Mistral({ apiKey: "k", serverURL: "http://bench.invalid", fetch, retryConfig: { strategy: "none" } });

async function once() {
  const stream = await client.beta.conversations.startStream({ model: "m", inputs: "hi" });
  let first = 0;
  let seen = 0;
  for await (const _ of stream) if (seen++ === 0) first = performance.now();
  const last = performance.now();
  if (seen !== events) throw new Error(`expected ${events} events, got ${seen}`);
  return { first: first - handedAt, whole: last - handedAt };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (let i = 0; i < 3; i++) await once();
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
const first = median(runs.map((r) => r.first));
const whole = median(runs.map((r) => r.whole));
console.log(`\n## first-event latency: one ${(chunk.length / 1048576).toFixed(2)} MiB chunk of ${events} events (median of ${RUNS})`);
console.log(`module                 ${module}`);
console.log(`first event            ${first.toFixed(3)} ms after the chunk was handed over`);
console.log(`whole chunk            ${whole.toFixed(2)} ms (${Math.round(events / (whole / 1000)).toLocaleString("en")} events/s)`);
console.log(JSON.stringify({ bench: "first-event", bytes: chunk.length, events, runs: RUNS, firstMs: first, wholeMs: whole, eventsPerSecond: events / (whole / 1000) }));
