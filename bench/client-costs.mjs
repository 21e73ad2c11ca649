#!/usr/bin/env node
// Client costs next to the official SDK, in one run (a section of `make bench`; not a test):
//
//   node bench/client-costs.mjs            (BENCH_SERVER_URL: a mistral-emulator to use)
//
// 1. Per-call overhead of a non-streaming `conversations.start` over a plain fetch of the same
//    request, against mistral-emulator's bench mode, in a process of its own (sequential calls, 15 interleaved rounds of 200; the median
//    of the per-round differences).
// 2. Cold start: import + first client in a fresh Node process (median of 7 processes).
// 3. Bundle size of a browser app that uses the whole client, esbuild-minified, gzip -9.
// Prints one table per part and a JSON line per measurement on stdout's last line.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { startBenchEmulator } from "./emulator.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};

// ------------------------------------------------------------------ 1. per-call overhead
async function overhead() {
  // BENCH_SERVER_URL: the emulator run.mjs started; else one of our own.
  const server = process.env.BENCH_SERVER_URL
    ? { url: process.env.BENCH_SERVER_URL, close: async () => {} }
    : await startBenchEmulator();
  try {
    const body = JSON.stringify({ model: "mistral-medium-latest", inputs: "hi", stream: false });
    const headers = { authorization: "Bearer k", "content-type": "application/json", accept: "application/json", "x-emulator-bench": "n=3" };
    const plain = async () => {
      const res = await fetch(`${server.url}/v1/conversations`, { method: "POST", headers, body });
      return res.json();
    };
    const { Mistral } = await import(pathToFileURL(join(root, "pkg/node.js")));
    const { Mistral: Official } = await import("@mistralai/mistralai");
    const edge = new Mistral({ apiKey: "k", serverURL: server.url, headers: { "x-emulator-bench": "n=3" } });
    const sdk = new Official({ apiKey: "k", serverURL: server.url });
    const calls = {
      fetch: plain,
      edge: () => edge.beta.conversations.start({ model: "mistral-medium-latest", inputs: "hi" }),
      sdk: () => sdk.beta.conversations.start({ model: "mistral-medium-latest", inputs: "hi" }, { fetchOptions: { headers: { "x-emulator-bench": "n=3" } } }),
    };
    const samples = Object.fromEntries(Object.keys(calls).map((k) => [k, []]));
    for (const call of Object.values(calls)) for (let i = 0; i < 300; i++) await call(); // warm-up
    // Interleaved batches, so load from other processes hits every client alike; the overhead is
    // the median of the per-round differences (each client's batch against the plain fetch batch
    // run just before it), which cancels the machine's slower drifts.
    const BATCHES = 15;
    const over = { edge: [], sdk: [] };
    for (let b = 0; b < BATCHES; b++) {
      const round = {};
      for (const [name, call] of Object.entries(calls)) {
        const t = performance.now();
        for (let i = 0; i < 200; i++) await call();
        round[name] = (performance.now() - t) / 200;
        samples[name].push(round[name]);
      }
      for (const name of ["edge", "sdk"]) over[name].push(round[name] - round.fetch);
    }
    const perCall = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
    const overMs = { edge: median(over.edge), sdk: median(over.sdk) };
    console.log(`\n## Per-call overhead: non-streaming conversations.start, sequential, ${BATCHES} rounds of 200 calls per client;` +
      " overhead = median of the per-round differences to plain fetch\n");
    console.log("| client | ms per call (median) | over plain fetch |\n|---|---:|---:|");
    for (const name of ["fetch", "edge", "sdk"]) {
      console.log(`| ${name} | ${perCall[name].toFixed(3)} | ${name === "fetch" ? "" : "+" + overMs[name].toFixed(3) + " ms"} |`);
    }
    results.overhead = { fetchMs: perCall.fetch, edgeMs: perCall.edge, sdkMs: perCall.sdk,
      edgeOverMs: overMs.edge, sdkOverMs: overMs.sdk };
  } finally {
    await server.close();
  }
}

// ------------------------------------------------------------------ 2. cold start
function coldStart() {
  const scripts = {
    edge: `const t=performance.now();const {Mistral}=await import(${JSON.stringify(pathToFileURL(join(root, "pkg/node.js")).href)});new Mistral({apiKey:"k"});console.log(performance.now()-t);`,
    sdk: `const t=performance.now();const {Mistral}=await import("@mistralai/mistralai");new Mistral({apiKey:"k"});console.log(performance.now()-t);`,
  };
  const out = {};
  for (const [name, script] of Object.entries(scripts)) {
    const times = [];
    for (let i = 0; i < 7; i++) {
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${name} cold start failed: ${r.stderr}`);
      times.push(Number(r.stdout.trim()));
    }
    out[name] = median(times);
  }
  console.log("\n## Cold start: import + first client, fresh Node process, median of 7\n");
  console.log(`| client | ms |\n|---|---:|\n| edge | ${out.edge.toFixed(1)} |\n| sdk | ${out.sdk.toFixed(1)} |`);
  results.coldStart = { edgeMs: out.edge, sdkMs: out.sdk };
}

// ------------------------------------------------------------------ 3. bundle size
function bundle() {
  mkdirSync(join(root, "bench/results"), { recursive: true });
  const dir = mkdtempSync(join(root, "bench/results/bundle-")); // inside the repo, so node_modules resolves
  const apps = {
    edge: `import Mistral from ${JSON.stringify(join(root, "pkg/index.js"))};
const c = new Mistral({ serverURL: "/api" });
globalThis.app = [c.beta.conversations.startStream, c.beta.agents.create, c.beta.connectors.list, c.beta.libraries.documents.upload, c.files.download];`,
    sdk: `import { Mistral } from "@mistralai/mistralai";
const c = new Mistral({ serverURL: "/api" });
globalThis.app = [c.beta.conversations.startStream, c.beta.agents.create, c.beta.connectors.list, c.beta.libraries.documents.upload, c.files.download];`,
  };
  const out = {};
  try {
    for (const [name, source] of Object.entries(apps)) {
      const entry = join(dir, `${name}.mjs`);
      writeFileSync(entry, source);
      const outdir = join(dir, `out-${name}`);
      const r = spawnSync(join(root, "node_modules/.bin/esbuild"), [entry, "--bundle", "--minify", "--format=esm",
        "--platform=browser", "--target=es2022", "--loader:.wasm=file", "--external:@opentelemetry/api", `--outdir=${outdir}`, "--log-level=error"],
        { cwd: root, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`esbuild ${name}: ${r.stderr}`);
      let raw = 0, gz = 0;
      for (const f of readdirSync(outdir)) {
        const bytes = readFileSync(join(outdir, f));
        raw += statSync(join(outdir, f)).size;
        gz += gzipSync(bytes, { level: 9 }).length;
      }
      if (name === "edge") {
        // pkg/index.js loads its wasm with new URL(..., import.meta.url): esbuild leaves it next
        // to the bundle rather than in it, so it is counted here.
        const wasm = readFileSync(join(root, "pkg/mistral_edge_bg.wasm"));
        raw += wasm.length;
        gz += gzipSync(wasm, { level: 9 }).length;
      }
      out[name] = { raw, gz };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("\n## Browser bundle using the whole client: esbuild --minify (wasm as a file), gzip -9, JS + wasm\n");
  console.log("| client | raw KB | gzip KB |\n|---|---:|---:|");
  for (const name of ["edge", "sdk"]) console.log(`| ${name} | ${(out[name].raw / 1024).toFixed(1)} | ${(out[name].gz / 1024).toFixed(1)} |`);
  results.bundle = out;
}

await overhead();
coldStart();
bundle();
console.log("\n" + JSON.stringify(results));
