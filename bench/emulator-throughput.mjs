#!/usr/bin/env node
// The emulator's own streaming throughput (a section of `make bench`: SECTIONS=emulator).
//
//   node bench/emulator-throughput.mjs [--n 1000000] [--runs 3]
//
// Builds mistral-emulator in release if needed (`cargo build --release -p mistral-emulator`, a
// no-op when it is up to date), starts it on 127.0.0.1:0, and streams `count to N` (N + 2 events:
// `started`, one `message.output.delta` per number, `done`) to a plain `fetch` reader in this
// process that only counts events (the `\n\n` that end them) and bytes: one warm-up stream, then
// RUNS measured ones. Prints events/s and MB/s per run and the median, the emulator's CPU time
// (from /proc) next to the reader's, and one JSON line last. Issue 3 asks for at least 1M events/s
// to such a reader, so that the emulator is never what a benchmark measures. Exits 1 if a stream
// has the wrong number of events; the emulator is stopped in every case.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const binary = `${root}target/release/mistral-emulator`;
const TARGET = 1_000_000;

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const N = opt("n", Number(process.env.EMULATOR_N ?? 1_000_000));
const RUNS = opt("runs", Number(process.env.EMULATOR_RUNS ?? 3));
if (!Number.isInteger(N) || N < 1 || N > 10_000_000) throw new Error(`--n must be 1..10,000,000, got ${N}`);

const fmt = (x, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------- the emulator

const build = spawnSync("nice", ["-n", "10", "cargo", "build", "--release", "-q", "-p", "mistral-emulator"], { cwd: root, stdio: "inherit" });
if (build.status !== 0 || !existsSync(binary)) {
  console.error("cargo build --release -p mistral-emulator failed");
  process.exit(1);
}

const child = spawn(binary, ["--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
const stop = () => { if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM"); };
process.on("exit", stop);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { stop(); process.exit(130); });

const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the emulator did not start within 20 s")), 20_000);
  child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`the emulator exited (${code})`)); });
  const lines = createInterface({ input: child.stdout });
  lines.on("line", (line) => {
    const m = /https?:\/\/\S+/.exec(line);
    if (!m) return;
    clearTimeout(timer);
    lines.removeAllListeners("line");
    child.stdout.resume();
    resolve(m[0]);
  });
});

/** CPU time (user + system) of the emulator so far, in ms; null where /proc is missing. */
function serverCpuMs() {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the reader

/** One `count to n` stream read with plain fetch: events (blank-line terminators) and bytes. */
async function stream(n) {
  const cpu0 = process.cpuUsage();
  const server0 = serverCpuMs();
  const t0 = performance.now();
  const res = await fetch(`${url}/v1/conversations`, {
    method: "POST",
    headers: { authorization: "Bearer bench", "content-type": "application/json" },
    body: JSON.stringify({ model: "mistral-medium-latest", inputs: `count to ${n}`, stream: true }),
  });
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  let events = 0;
  let bytes = 0;
  let lastWasNewline = false;
  for await (const chunk of res.body) {
    const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    bytes += b.length;
    if (lastWasNewline && b[0] === 10) events++;
    for (let i = b.indexOf("\n\n"); i !== -1; i = b.indexOf("\n\n", i + 2)) events++;
    lastWasNewline = b[b.length - 1] === 10;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const server1 = serverCpuMs();
  if (events !== n + 2) throw new Error(`expected ${n + 2} events, counted ${events}`);
  return {
    ms,
    events,
    bytes,
    eventsPerSec: events / (ms / 1000),
    mbPerSec: bytes / 1e6 / (ms / 1000),
    readerCpuMs: (cpu.user + cpu.system) / 1000,
    serverCpuMs: server0 === null || server1 === null ? null : server1 - server0,
  };
}

try {
  console.log(`\n## Emulator throughput: \`count to ${fmt(N)}\` (${fmt(N + 2)} events) to a plain fetch reader, ` +
    `release build, 1 warm-up + ${RUNS} runs (loadavg ${loadavg().map((x) => x.toFixed(2)).join(" ")})\n`);
  await stream(N);
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const j = await stream(N);
    runs.push(j);
    console.log(`  run ${r + 1}  ${fmt(j.ms).padStart(6)} ms  ${fmt(j.eventsPerSec).padStart(10)} events/s  ` +
      `${fmt(j.mbPerSec).padStart(4)} MB/s  (${fmt(j.bytes / 1e6, 1)} MB; CPU: emulator ${j.serverCpuMs === null ? "?" : fmt(j.serverCpuMs)} ms, ` +
      `reader ${fmt(j.readerCpuMs)} ms)`);
  }
  const eps = median(runs.map((r) => r.eventsPerSec));
  const mbs = median(runs.map((r) => r.mbPerSec));
  const verdict = eps >= TARGET ? "meets" : "BELOW";
  console.log(`\nmedian: ${fmt(eps)} events/s, ${fmt(mbs)} MB/s: ${verdict} the 1,000,000 events/s of issue 3`);
  console.log(JSON.stringify({ section: "emulator", n: N, runs, eventsPerSec: eps, mbPerSec: mbs, target: TARGET, meets: eps >= TARGET }));
} finally {
  stop();
}
