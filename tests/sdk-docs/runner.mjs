// One client's run of every example: `node runner.mjs <specifier> <out.json>`, with <specifier>
// "@mistralai/mistralai" (the official SDK) or "mistral-edge-client" (this package, pkg/).
// Environment: MCP_URL (the reference MCP server, shared by both runs), SDK_DOCS_ONLY (a subset).
//
// In a temporary directory whose node_modules holds both packages, for each example in turn:
// start a fresh emulator, seed it (./seed.mjs), write the example with the seeded ids and the
// import rewritten (./cases.mjs), import it with `globalThis.fetch` sending https://api.mistral.ai
// to that emulator (any other host is refused and recorded), capture what it prints and whether
// `run()` threw, and stop the emulator. One process runs every example, as an application would.

import { appendFileSync, mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startEmulator } from "../emulator/harness.mjs";
import { exportRun, listExamples, rewriteImports, substitute } from "./cases.mjs";
import { EXAMPLE_FILE, seed } from "./seed.mjs";
import { snapshot } from "./snapshot.mjs";

const [specifier, out] = process.argv.slice(2);
const outFile = out && resolve(out);
const mcpUrl = process.env.MCP_URL;
if (!specifier || !outFile || !mcpUrl) throw new Error("usage: MCP_URL=… node runner.mjs <specifier> <out.json>");

const EXAMPLE_TIMEOUT_MS = 20_000;
const root = fileURLToPath(new URL("../../", import.meta.url));

/** A project with both packages installed under their npm names; example.file in its root. */
function makeProject() {
  const dir = mkdtempSync(join(tmpdir(), "sdk-docs-"));
  mkdirSync(join(dir, "node_modules/@mistralai"), { recursive: true });
  symlinkSync(join(root, "pkg"), join(dir, "node_modules/mistral-edge-client"));
  symlinkSync(realpathSync(join(root, "node_modules/@mistralai/mistralai")), join(dir, "node_modules/@mistralai/mistralai"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(dir, "example.file"), EXAMPLE_FILE);
  mkdirSync(join(dir, "examples"));
  return dir;
}

const realFetch = globalThis.fetch;
const API = "https://api.mistral.ai";
let target = null;
let refused = [];
let stray = [];

// A rejection nobody handles would end the process: record it against the running example.
process.on("unhandledRejection", (reason) => stray.push(reason));

// The examples create their client without serverURL: every request goes to api.mistral.ai.
globalThis.fetch = async function sdkDocsFetch(input, init) {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.origin !== API || !target) {
    refused.push(url.origin);
    throw new TypeError(`sdk-docs: refusing a request to ${url.origin}`);
  }
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return realFetch(`${target}${url.pathname}${url.search}`, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
  });
};

async function loadErrorClasses(dir) {
  const probe = join(dir, "errors-probe.mjs");
  writeFileSync(probe, `export * from ${JSON.stringify(`${specifier}/models/errors`)};\n`);
  try {
    return { ...(await import(pathToFileURL(probe))) };
  } catch (error) {
    return { __missing: String(error.message).split("\n")[0] };
  }
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`timed out after ${ms} ms`), { sdkDocsTimeout: true })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runOne(example, dir, errorClasses) {
  const emulator = await startEmulator();
  const started = Date.now();
  try {
    const seeded = await seed(realFetch, emulator.url, mcpUrl);
    const code = exportRun(rewriteImports(substitute(example, seeded), specifier));
    const file = join(dir, "examples", `${example.name.replace("/", ".")}.mjs`);
    writeFileSync(file, code);
    target = emulator.url;
    refused = [];
    stray = [];
    const printed = [];
    const log = console.log;
    console.log = (...args) => printed.push(args);
    let outcome = { resolved: true };
    try {
      const module = await withTimeout(import(pathToFileURL(file)), EXAMPLE_TIMEOUT_MS);
      await withTimeout(module.done, EXAMPLE_TIMEOUT_MS);
    } catch (error) {
      outcome = error?.sdkDocsTimeout ? { timedOut: EXAMPLE_TIMEOUT_MS } : { threw: error };
    } finally {
      console.log = log;
      target = null;
    }
    return {
      name: example.name,
      base: emulator.url,
      printed: await snapshot(printed, errorClasses),
      outcome: outcome.threw === undefined ? outcome : { threw: await snapshot(outcome.threw, errorClasses) },
      refused,
      unhandled: await snapshot(stray, errorClasses),
      ms: Date.now() - started,
    };
  } finally {
    await emulator.close();
  }
}

// One JSON line per example, written as it completes: a crash loses only what had not run.
const dir = makeProject();
const cwd = process.cwd();
process.chdir(dir); // the docs' uploads read `openAsBlob("example.file")`
try {
  const errorClasses = await loadErrorClasses(dir);
  writeFileSync(outFile, `${JSON.stringify({ specifier, errorsModule: errorClasses.__missing ?? "ok" })}\n`);
  for (const example of listExamples()) {
    let result;
    try {
      result = await runOne(example, dir, errorClasses);
    } catch (error) {
      result = { name: example.name, harnessError: String(error?.stack ?? error) };
    }
    appendFileSync(outFile, `${JSON.stringify(result)}\n`);
  }
} finally {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0); // a client may keep a timer or socket alive; the results are written
