#!/usr/bin/env node
// The in-process emulator's budgets (issue 17; a section of `make bench`: SECTIONS=inprocess):
//
//   node bench/emulator-inprocess.mjs [--n 100000] [--runs 3] [--starts 5]
//
// 1. Size: pkg/emulator's browser entry (wasm + bundled JS), gzip -9; budget 1 MB.
// 2. Ready: a fresh Node process imports pkg/emulator/node.js and awaits createEmulator(), timed
//    from before the import to the emulator's first answer (GET /__emulator/stats); STARTS
//    processes, median; budget 100 ms.
// 3. Throughput: `count to N` (N + 2 events) streamed from the in-process emulator through
//    `emu.fetch` to a plain reader that only counts events (the `\n\n` that end them) and bytes:
//    one warm-up stream, then RUNS measured ones, median; budget 500,000 events/s.
// Prints one JSON line last. Needs pkg/ (scripts/build.sh).

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const entry = `${root}pkg/emulator/node.js`;
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const N = opt("n", 100_000);
const RUNS = opt("runs", 3);
const STARTS = opt("starts", 5);
const fmt = (x, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// 1. Size: what a browser loads for the entry (index.js, which fetches the wasm).
const gz = (file) => gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).length;
const sizeGzip = gz(`${root}pkg/emulator/index.js`) + gz(`${root}pkg/emulator/mistral_emulator_wasm_bg.wasm`);

// 2. Ready, in fresh processes.
const probe = `
  const t0 = performance.now();
  const { createEmulator } = await import(${JSON.stringify(entry)});
  const emu = await createEmulator();
  await (await emu.fetch("/__emulator/stats")).json();
  console.log(performance.now() - t0);
`;
const starts = [];
for (let i = 0; i < STARTS; i++) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`the ready probe failed: ${r.stderr}`);
  starts.push(Number(r.stdout.trim()));
}

// 3. Throughput in this process.
const { createEmulator } = await import(entry);
const emu = await createEmulator();
async function stream(n) {
  const t0 = performance.now();
  const res = await emu.fetch("/v1/conversations", {
    method: "POST",
    headers: { authorization: "Bearer bench", "content-type": "application/json" },
    body: JSON.stringify({ model: "mistral-medium-latest", inputs: `count to ${n}`, stream: true }),
  });
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  let events = 0;
  let bytes = 0;
  let lastWasNewline = false;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const b = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    bytes += b.length;
    if (lastWasNewline && b[0] === 10) events++;
    for (let i = b.indexOf("\n\n"); i !== -1; i = b.indexOf("\n\n", i + 2)) events++;
    lastWasNewline = b[b.length - 1] === 10;
  }
  const ms = performance.now() - t0;
  if (events !== n + 2) throw new Error(`expected ${n + 2} events, counted ${events}`);
  return { ms, events, bytes, eventsPerSec: events / (ms / 1000), mbPerSec: bytes / 1e6 / (ms / 1000) };
}

console.log(`\n## In-process emulator (pkg/emulator, issue 17) (loadavg ${loadavg().map((x) => x.toFixed(2)).join(" ")})\n`);
console.log(`  size: ${fmt(sizeGzip)} B gzip -9 (wasm + index.js): ${sizeGzip <= 1_000_000 ? "within" : "OVER"} the 1 MB budget`);
const ready = median(starts);
console.log(`  createEmulator() ready in a fresh Node process (import included): median ${fmt(ready, 1)} ms of ` +
  `${starts.map((s) => fmt(s, 1)).join(", ")}: ${ready <= 100 ? "within" : "OVER"} the 100 ms budget`);
await stream(Math.min(N, 10_000));
const runs = [];
for (let r = 0; r < RUNS; r++) {
  const j = await stream(N);
  runs.push(j);
  console.log(`  run ${r + 1}  ${fmt(j.ms).padStart(6)} ms  ${fmt(j.eventsPerSec).padStart(10)} events/s  ${fmt(j.mbPerSec).padStart(4)} MB/s (${fmt(j.bytes / 1e6, 1)} MB)`);
}
const eps = median(runs.map((r) => r.eventsPerSec));
console.log(`  median: ${fmt(eps)} events/s (count to ${fmt(N)}, emu.fetch to a plain reader): ${eps >= 500_000 ? "meets" : "BELOW"} the 500,000 events/s budget`);
console.log(JSON.stringify({ section: "inprocess", sizeGzip, readyMs: ready, starts, n: N, runs, eventsPerSec: eps }));
