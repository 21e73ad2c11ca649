#!/usr/bin/env node
// Side-by-side streaming benchmark (run by `make bench`; not a test).
//
//   node bench/run.mjs
//
// Environment:
//   RUNS=5            fresh-process runs per streaming mode
//   N=100000          events in the measured stream
//   MODES=edge,sdk,esp,fetch
//   STREAMS=plain,live  stream shapes (bench/stream-client.mjs --stream): `plain` repeats one delta,
//                     `live` varies content and created_at per event as a live stream does
//   SECTIONS=stream,decoder,client,emulator   which sections to run (client: bench/client-costs.mjs —
//                     per-call overhead, cold start and browser bundle size next to the official SDK;
//                     emulator: bench/emulator-throughput.mjs — mistral-emulator streaming
//                     `count to 1000000` to a plain fetch reader, in events/s and MB/s; inprocess:
//                     bench/emulator-inprocess.mjs — pkg/emulator's size, createEmulator() ready time
//                     and `count to 100000` through emu.fetch, against issue 17's budgets; latency:
//                     bench/first-event.mjs — the first event of one 2 MiB chunk, and the chunk's events/s)
//   DEC_RUNS=3        timed runs per decoder case (plus 1 warm-up) in one fresh process
//   CHILD_TIMEOUT_S=120   per child process (the SDK 1 MiB / 64 B case gets 3x)
//   EDGE_MODULE=path  use this module instead of pkg/node.js for the edge rows (harness testing)
//
// Section 1, streaming: starts mistral-emulator (bench/emulator.mjs) in a child process, whose bench
// mode serves the SDK baseline's streams (bench/frames.mjs), measures its own ceiling with a
// raw-socket reader, then runs bench/stream-client.mjs once per (run, mode),
// each in a fresh process (2,000-event warm-up + one measured N-event stream).
// Section 2, decoder only: bench/decode-client.mjs per (case, input, chunk) in fresh
// `node --expose-gc` processes, on the in-memory inputs of bench/gen-stream.mjs.
// Raw JSON lines go to bench/results/{stream,decoder,emulator}.jsonl (gitignored); everything this
// script prints is appended, under the date, the commit and the machine's load, to bench/HISTORY.md
// (committed), so numbers can be compared across changes (HISTORY=0 to skip).
// Every child is killed in `finally` and has a timeout.

import { spawn } from "node:child_process";
import { startBenchEmulator } from "./emulator.mjs";
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { resolve as resolvePath } from "node:path";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const RUNS = Number(process.env.RUNS ?? 5);
const N = Number(process.env.N ?? 100000);
const MODES = (process.env.MODES ?? "edge,sdk,esp,fetch").split(",").map((s) => s.trim()).filter(Boolean);
const SECTIONS = (process.env.SECTIONS ?? "stream,decoder,client,latency,emulator,inprocess").split(",").map((s) => s.trim());
const DEC_RUNS = Number(process.env.DEC_RUNS ?? 3);
const CHILD_TIMEOUT_MS = Number(process.env.CHILD_TIMEOUT_S ?? 120) * 1000;
const PKG = process.env.EDGE_MODULE ? resolvePath(process.env.EDGE_MODULE) : here("../pkg/node.js");
if (process.env.EDGE_MODULE) process.env.EDGE_MODULE = PKG;
const RESULTS = here("./results");
const hasPkg = existsSync(PKG);

const children = new Set();
function killAll() { for (const c of children) { try { c.kill("SIGKILL"); } catch {} } }
process.on("exit", killAll);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { killAll(); process.exit(130); });

/** Run a node child; resolves { code, stdout, stderr, timedOut }. */
function runNode(args, { timeoutMs = CHILD_TIMEOUT_MS, env = {} } = {}) {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    children.add(c);
    let stdout = "", stderr = "", timedOut = false;
    c.stdout.on("data", (d) => { stdout += d; });
    c.stderr.on("data", (d) => { stderr += d; });
    const t = setTimeout(() => { timedOut = true; c.kill("SIGKILL"); }, timeoutMs);
    c.on("close", (code, signal) => {
      clearTimeout(t);
      children.delete(c);
      resolve({ code: code ?? signal, stdout, stderr, timedOut });
    });
  });
}

function lastJson(stdout) {
  const lines = stdout.trim().split("\n").filter((l) => l.startsWith("{"));
  return lines.length ? JSON.parse(lines.at(-1)) : null;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, d = 0) => (x === undefined || x === null || Number.isNaN(x) ? "-" :
  x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
function table(headers, rows) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join("  ");
  console.log(line(headers));
  console.log(w.map((x) => "-".repeat(x)).join("  "));
  for (const r of rows) console.log(line(r));
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

// ---------------------------------------------------------------- the server

/** mistral-emulator in a child process (bench/emulator.mjs), tracked with the other children. */
async function startServer() {
  const server = await startBenchEmulator();
  children.add(server.proc);
  server.proc.on("close", () => children.delete(server.proc));
  return server;
}

/** Bulk stream of n events read by a bare TCP socket (no HTTP parsing): the server's own ceiling. */
function rawSocketStream(port, n, shape = "plain") {
  const bench = `x-emulator-bench: n=${n}${shape === "live" ? ",tokens=varied,created-at=tick" : ""}\r\n`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const s = net.connect(port, "127.0.0.1");
    let bytes = 0;
    const body = '{"inputs":"hi","stream":true}';
    s.write(`POST /v1/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test\r\n` +
      `Content-Type: application/json\r\n${bench}` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
    s.on("data", (d) => { bytes += d.length; });
    s.on("end", () => resolve({ ms: performance.now() - t0, bytes }));
    s.on("error", reject);
    s.setTimeout(30_000, () => { s.destroy(); reject(new Error("raw socket timeout")); });
  });
}

// ---------------------------------------------------------------- section 1

const STREAM_SHAPES = (process.env.STREAMS ?? "plain,live").split(",").map((s) => s.trim()).filter(Boolean);
const streamLines = [];

async function streamSection(shape) {
  const about = {
    plain: "identical deltas: every content \" token\", no timestamps",
    live: "deltas as a live stream has them: varied tokens (é, 日本語, emoji, escapes) and a created_at per event",
  }[shape] ?? shape;
  console.log(`\n## Streaming (${shape}: ${about}): N=${N}, ${RUNS} fresh-process runs per mode, served by mistral-emulator (x-emulator-bench)\n`);
  const modes = MODES.filter((m) => {
    if (m === "edge" && !hasPkg) {
      console.log("edge: SKIPPED, pkg/node.js not found (build the package first: make build)");
      return false;
    }
    return true;
  });
  const server = await startServer();
  const lines = [];
  try {
    // The server's own ceiling (warm its cache first).
    await rawSocketStream(server.port, N, shape);
    const ceil = [];
    for (let i = 0; i < 3; i++) ceil.push(await rawSocketStream(server.port, N, shape));
    const cms = median(ceil.map((c) => c.ms));
    console.log(`emulator ceiling (raw TCP reader, no HTTP parsing, median of 3): ${fmt(cms, 1)} ms, ` +
      `${fmt((N + 2) / (cms / 1000))} events/s, ${fmt(ceil[0].bytes / 1e6 / (cms / 1000), 0)} MB/s\n`);

    for (let r = 0; r < RUNS; r++) {
      for (const mode of modes) {
        const res = await runNode([here("./stream-client.mjs"), "--url", server.url, "--mode", mode, "--n", String(N),
          "--stream", shape]);
        const j = lastJson(res.stdout);
        if (res.timedOut || res.code !== 0 || !j) {
          console.log(`  run ${r + 1} ${mode}: FAILED (${res.timedOut ? "timeout" : `exit ${res.code}`}) ${res.stderr.trim().slice(-500)}`);
          lines.push({ mode, stream: shape, n: N, run: r + 1, failed: true, timedOut: res.timedOut, code: res.code });
          continue;
        }
        j.run = r + 1;
        j.loadavg1 = +loadavg()[0].toFixed(2);
        lines.push(j);
        if (j.skipped) { console.log(`  ${mode}: ${j.skipped}`); continue; }
        console.log(`  run ${r + 1} ${mode.padEnd(5)} ${fmt(j.ms, 0).padStart(7)} ms  ${fmt(j.eventsPerSec).padStart(10)} ev/s  ` +
          `${fmt(j.cpuUsPerEvent, 2).padStart(6)} µs CPU/ev  RSS ${fmt(j.peakRssMb)} MB`);
      }
    }
  } finally {
    server.proc.kill("SIGTERM");
  }
  streamLines.push(...lines);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${RESULTS}/stream.jsonl`, streamLines.map((l) => JSON.stringify(l)).join("\n") + "\n");

  const stats = {};
  for (const mode of modes) {
    const ok = lines.filter((l) => l.mode === mode && !l.failed && !l.skipped);
    if (!ok.length) continue;
    stats[mode] = {
      runs: ok.length,
      eps: median(ok.map((l) => l.eventsPerSec)),
      mbs: median(ok.map((l) => l.mbPerSec)),
      cpu: median(ok.map((l) => l.cpuUsPerEvent)),
      rss: median(ok.map((l) => l.peakRssMb)),
      ms: median(ok.map((l) => l.ms)),
      min: Math.min(...ok.map((l) => l.eventsPerSec)),
      max: Math.max(...ok.map((l) => l.eventsPerSec)),
    };
  }
  console.log(`\nmedians (loadavg now ${load()}):\n`);
  table(["mode", "runs", "ms", "events/s", "(min-max)", "MB/s", "CPU µs/event", "peak RSS MB"],
    Object.entries(stats).map(([m, s]) => [m, s.runs, fmt(s.ms), fmt(s.eps), `${fmt(s.min)}-${fmt(s.max)}`,
      fmt(s.mbs, 1), fmt(s.cpu, 2), fmt(s.rss)]));
  console.log("");
  for (const other of ["sdk", "esp", "fetch"]) {
    if (!stats.edge || !stats[other]) {
      console.log(`edge/${other}: n/a${stats.edge ? "" : " (no edge results)"}`);
      continue;
    }
    console.log(`edge/${other}: ${(stats.edge.eps / stats[other].eps).toFixed(2)}x events/s, ` +
      `${(stats.edge.cpu / stats[other].cpu).toFixed(2)}x CPU per event, ` +
      `${(stats.edge.rss / stats[other].rss).toFixed(2)}x peak RSS`);
  }
  console.log(`\nraw lines: bench/results/stream.jsonl`);
}

// ---------------------------------------------------------------- section 2

async function decoderSection() {
  console.log(`\n## Decoder only (in-memory input, sync feed; sdk-eventstream via Response.body), ` +
    `median of ${DEC_RUNS} runs after 1 warm-up, fresh node --expose-gc per case\n`);
  const plan = [];
  for (const chunk of [16384, 64]) {
    for (const c of ["esp", "esp-json", "edge", "sdk-eventstream"]) plan.push({ c, input: "stream", chunk });
  }
  for (const chunk of [64, 16384]) {
    for (const c of ["esp", "edge", "sdk-eventstream"]) plan.push({ c, input: "large", chunk });
  }
  const lines = [];
  const rows = [];
  for (const p of plan) {
    if (p.c === "edge" && !hasPkg) {
      rows.push([p.c, p.input, p.chunk, "skipped: pkg/node.js missing", "", "", ""]);
      continue;
    }
    // The SDK's EventStream is quadratic on one 1 MiB event in 64-byte reads (~24 s per run in
    // sse-baseline.md): one run, no warm-up, longer timeout.
    const slow = p.c === "sdk-eventstream" && p.input === "large" && p.chunk === 64;
    const args = ["--expose-gc", here("./decode-client.mjs"), "--case", p.c, "--input", p.input,
      "--chunk", String(p.chunk), "--runs", String(slow ? 1 : DEC_RUNS), "--warmup", slow ? "0" : "1"];
    const res = await runNode(args, { timeoutMs: slow ? CHILD_TIMEOUT_MS * 3 : CHILD_TIMEOUT_MS });
    const j = lastJson(res.stdout);
    if (res.timedOut || res.code !== 0 || !j) {
      const why = res.timedOut ? "timeout" : `exit ${res.code}`;
      rows.push([p.c, p.input, p.chunk, `FAILED (${why})`, "", "", ""]);
      console.error(res.stderr.trim().slice(-800));
      lines.push({ case: p.c, input: p.input, chunk: p.chunk, failed: true, timedOut: res.timedOut });
      continue;
    }
    lines.push(j);
    if (j.skipped) { rows.push([p.c, p.input, p.chunk, `skipped: ${j.skipped}`, "", "", ""]); continue; }
    const eps = j.events / (j.ms / 1000);
    rows.push([p.c, p.input, p.chunk, fmt(j.mbPerSec, 1), fmt(eps, eps < 100 ? 2 : 0), fmt(j.ms, 1), j.runs.join("/")]);
    process.stdout.write(".");
  }
  console.log("\n");
  table(["case", "input", "chunk B", "MB/s", "events/s", "median ms", "runs ms"], rows);
  const by = (c, input, chunk) => lines.find((l) => l.case === c && l.input === input && l.chunk === chunk && l.ms);
  console.log("");
  for (const [input, chunk] of [["stream", 16384], ["stream", 64], ["large", 64], ["large", 16384]]) {
    const e = by("edge", input, chunk), a = by("esp", input, chunk), s = by("sdk-eventstream", input, chunk);
    if (!e) continue;
    console.log(`edge decoder ${input}/${chunk}: ${a ? (a.ms / e.ms).toPrecision(3) + "x eventsource-parser" : ""}` +
      `${s ? ", " + (s.ms / e.ms).toPrecision(3) + "x SDK EventStream" : ""} (speed-up; >1 = edge faster)`);
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${RESULTS}/decoder.jsonl`, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  console.log(`\nraw lines: bench/results/decoder.jsonl`);
}

// ---------------------------------------------------------------- main

const t0 = performance.now();
// What is printed is also kept for bench/HISTORY.md.
const printed = [];
const print = console.log;
console.log = (...args) => {
  printed.push(args.join(" "));
  print(...args);
};
console.log(`# mistral-edge bench: node ${process.version}, ${new Date().toISOString()}, loadavg ${load()}`);
console.log(`# edge package: ${hasPkg ? PKG : `MISSING (${PKG}); edge rows skipped`}`);
try {
  if (SECTIONS.includes("stream")) for (const shape of STREAM_SHAPES) await streamSection(shape);
  if (SECTIONS.includes("decoder")) await decoderSection();
  if (SECTIONS.includes("client")) {
    // The server in a process of its own, as in the streaming section.
    const server = await startServer();
    const res = await runNode([here("./client-costs.mjs")], { timeoutMs: CHILD_TIMEOUT_MS * 2, env: { BENCH_SERVER_URL: server.url } });
    server.proc.kill("SIGTERM");
    console.log(res.stdout.trimEnd());
    if (res.code !== 0) console.log(`client costs FAILED (${res.timedOut ? "timeout" : `exit ${res.code}`}): ${res.stderr.trim().slice(-800)}`);
  }
  if (SECTIONS.includes("latency")) {
    const res = await runNode([here("./first-event.mjs")], { timeoutMs: CHILD_TIMEOUT_MS });
    console.log(res.stdout.split("\n").filter((l) => !l.startsWith("{")).join("\n").trimEnd());
    if (res.code !== 0) console.log(`first-event latency FAILED (${res.timedOut ? "timeout" : `exit ${res.code}`}): ${res.stderr.trim().slice(-800)}`);
  }
  if (SECTIONS.includes("emulator")) {
    // Builds the release emulator first when it is out of date (minutes from scratch).
    const res = await runNode([here("./emulator-throughput.mjs")], { timeoutMs: Math.max(CHILD_TIMEOUT_MS * 5, 900_000) });
    console.log(res.stdout.split("\n").filter((l) => !l.startsWith("{")).join("\n").trimEnd());
    const j = lastJson(res.stdout);
    if (j) {
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(`${RESULTS}/emulator.jsonl`, JSON.stringify(j) + "\n");
      console.log(`raw line: bench/results/emulator.jsonl`);
    }
    if (res.code !== 0) console.log(`emulator throughput FAILED (${res.timedOut ? "timeout" : `exit ${res.code}`}): ${res.stderr.trim().slice(-800)}`);
  }
  if (SECTIONS.includes("inprocess")) {
    const res = await runNode([here("./emulator-inprocess.mjs")], { timeoutMs: CHILD_TIMEOUT_MS * 2 });
    console.log(res.stdout.split("\n").filter((l) => !l.startsWith("{")).join("\n").trimEnd());
    if (res.code !== 0) console.log(`in-process emulator FAILED (${res.timedOut ? "timeout" : `exit ${res.code}`}): ${res.stderr.trim().slice(-800)}`);
  }
} finally {
  killAll();
}
console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s, loadavg ${load()}`);
if (process.env.HISTORY !== "0") appendHistory();

/** Appends this run's output to bench/HISTORY.md under a dated heading with the commit. */
function appendHistory() {
  let commit = "unknown commit";
  try {
    commit = execFileSync("git", ["log", "-1", "--format=%h %s"], { encoding: "utf8" }).trim().slice(0, 100);
    if (execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim()) commit += " (+ uncommitted changes)";
  } catch {}
  const env = Object.entries({ RUNS, N, SECTIONS: SECTIONS.join(","), MODES: MODES.join(",") }).map(([k, v]) => `${k}=${v}`).join(" ");
  const body = printed.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  appendFileSync(here("./HISTORY.md"), `\n## ${new Date().toISOString()}: ${commit}\n\n${env}\n\n\`\`\`\n${body}\n\`\`\`\n`);
  print("appended to bench/HISTORY.md");
}
