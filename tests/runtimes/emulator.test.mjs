// The runtime matrix for the in-process emulator (`mistral-edge-client/emulator`, issue 17): in
// Node, Deno, Bun, workerd, edge-runtime, Chromium and Firefox, the installed tarball's
// createEmulator() answers a streamed conversation and its faults with no server and no port; where
// the runtime can reach a loopback MCP server (all but the browsers, whose pages would need the
// server's CORS), a connector lists and calls server-everything's tools through the runtime's fetch.
// Imported by runtimes.test.mjs (one process, one TAP stream); its own consumer project.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { startEverything } from "../emulator/harness.mjs";
import { bin, bundle, here, makeConsumerProject, mustRun, quietEnv, removeDir, retryOnce, run, startStaticServer, startWorkerd } from "./lib.mjs";

let project;
let mcp;
before(async () => {
  [project, mcp] = await Promise.all([makeConsumerProject(), startEverything()]);
  for (const f of ["emulator-check.mjs", "emulator-cli.mjs", "emulator-worker.mjs"]) cpSync(path.join(here, f), path.join(project.dir, f));
}, { timeout: 120_000 });
after(async () => {
  await mcp?.close();
  removeDir(project?.dir);
});

function assertEmulator(summary, { withMcp = true } = {}) {
  assert.equal(summary.deltas, 25);
  assert.ok(summary.done);
  assert.equal(summary.dropped, "TypeError");
  assert.deepEqual(summary.rateLimited, { status: 429, retryAfter: "2" });
  assert.equal(summary.stats.streamsDropped, 1);
  if (withMcp) assert.deepEqual(summary.mcp, { tools: true, echo: true });
}

function result(output) {
  const line = output.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`no RESULT line:\n${output.slice(-4000)}`);
  return JSON.parse(line.slice("RESULT ".length));
}

test("emulator in node: createEmulator(), a stream, faults, a connector over MCP", { timeout: 60_000 }, async (t) => {
  const out = mustRun(await run(process.execPath, ["emulator-cli.mjs", mcp.url], { cwd: project.dir }), "node emulator-cli.mjs");
  const summary = result(out.output);
  assertEmulator(summary);
  assert.equal(summary.entry, "emulator/node.js");
  t.diagnostic(`ready in ${summary.readyMs} ms`);
});

test("emulator in deno", { timeout: 90_000 }, async (t) => {
  const env = { ...quietEnv, DENO_DIR: path.join(project.dir, ".deno") };
  const flags = ["run", "--cached-only", "--allow-net=127.0.0.1", "--allow-read=."];
  const out = mustRun(await run(bin("deno"), [...flags, "emulator-cli.mjs", mcp.url], { cwd: project.dir, env }), "deno run emulator-cli.mjs");
  const summary = result(out.output);
  assertEmulator(summary);
  assert.equal(summary.entry, "emulator/index.js");
  t.diagnostic(`ready in ${summary.readyMs} ms`);
});

test("emulator in bun", { timeout: 60_000 }, async (t) => {
  const out = mustRun(await run(bin("bun"), ["--no-install", "emulator-cli.mjs", mcp.url], { cwd: project.dir }), "bun emulator-cli.mjs");
  const summary = result(out.output);
  assertEmulator(summary);
  t.diagnostic(`ready in ${summary.readyMs} ms (${summary.entry})`);
});

test("emulator in workerd (the .wasm as a module import)", { timeout: 60_000 }, async (t) => {
  const dir = path.join(project.dir, "emulator-workerd");
  await bundle({
    entry: path.join(project.dir, "emulator-worker.mjs"),
    outfile: path.join(dir, "worker.js"),
    conditions: ["workerd", "worker", "browser"],
    format: "esm",
    wasm: { mode: "external" },
  });
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "emulator", worker = (
      modules = [
        (name = "worker.js", esModule = embed "worker.js"),
        (name = "mistral_emulator_wasm_bg.wasm", wasm = embed "mistral_emulator_wasm_bg.wasm"),
      ],
      compatibilityDate = "2026-01-01",
      globalOutbound = "loopback",
      bindings = [ (name = "MCP_URL", text = "${mcp.url}") ],
    )),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [ (name = "emulator", address = "127.0.0.1:0", http = (), service = "emulator") ],
);
`;
  const workerd = await retryOnce("workerd start", () => startWorkerd(dir, config, ["emulator"]), (m) => t.diagnostic(m));
  try {
    const answer = await (await fetch(`http://127.0.0.1:${workerd.ports.emulator}/`, { signal: AbortSignal.timeout(30_000) })).json();
    assert.ok(answer.ok, answer.error);
    assertEmulator(answer.summary);
    t.diagnostic(`ready in ${answer.summary.readyMs} ms`);
  } finally {
    await workerd.stop();
  }
});

test("emulator in edge-runtime (the edge-light entry)", { timeout: 60_000 }, async (t) => {
  const outfile = await bundle({
    entry: path.join(project.dir, "emulator-worker.mjs"),
    outfile: path.join(project.dir, "emulator-edge/bundle.js"),
    conditions: ["edge-light", "worker", "browser"],
    format: "iife",
    wasm: { mode: "global", global: "__EMULATOR_WASM" },
  });
  const { EdgeRuntime } = await import("edge-runtime");
  const bytes = readFileSync(path.join(project.packageDir, "emulator/mistral_emulator_wasm_bg.wasm"));
  const runtime = new EdgeRuntime({ extend: (context) => Object.assign(context, { __WASM_BYTES: new Uint8Array(bytes) }) });
  runtime.evaluate("globalThis.__EMULATOR_WASM = new WebAssembly.Module(globalThis.__WASM_BYTES)");
  runtime.evaluate(readFileSync(outfile, "utf8"));
  const summary = JSON.parse(await runtime.evaluate(`__runEmulatorChecks(${JSON.stringify(mcp.url)}).then(JSON.stringify)`));
  assertEmulator(summary);
  t.diagnostic(`ready in ${summary.readyMs} ms`);
});

// The browsers load the page from a static server; the emulator runs inside the page.
let server;
after(async () => server?.close());
async function pageUrl() {
  server ??= await startStaticServer({ "/node_modules/": path.join(project.dir, "node_modules"), "/": here });
  return `${server.url}/emulator.html`;
}

test("emulator in chromium (a page, import map, no bundler)", { timeout: 120_000 }, async (t) => {
  const url = await pageUrl();
  const { chromium } = await import("playwright-core");
  const userDataDir = mkdtempSync(path.join(tmpdir(), "mistral-edge-rt-emu-chromium-"));
  const args = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--component-updater=url-source=http://127.0.0.1:9/",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  ];
  const context = await retryOnce("chromium launch", () =>
    chromium.launchPersistentContext(userDataDir, { executablePath: "/usr/bin/chromium", headless: true, timeout: 30_000, args }), (m) => t.diagnostic(m));
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => window.__result || window.__error, null, { timeout: 30_000 });
    const [summary, error] = await page.evaluate(() => [window.__result, window.__error]);
    assert.equal(error, undefined);
    assertEmulator(summary, { withMcp: false });
    t.diagnostic(`ready in ${summary.readyMs} ms`);
  } finally {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test("emulator in firefox-esr (a page, import map, no bundler)", { timeout: 120_000 }, async (t) => {
  const url = await pageUrl();
  const { default: puppeteer } = await import("puppeteer-core");
  const prefs = {
    "services.settings.server": "http://127.0.0.1:9/", "app.update.enabled": false, "app.normandy.enabled": false,
    "browser.safebrowsing.malware.enabled": false, "browser.safebrowsing.phishing.enabled": false,
    "browser.safebrowsing.downloads.enabled": false, "toolkit.telemetry.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false, "datareporting.healthreport.uploadEnabled": false,
    "network.captive-portal-service.enabled": false, "network.connectivity-service.enabled": false,
    "extensions.update.enabled": false, "media.gmp-manager.url": "http://127.0.0.1:9/", "network.trr.mode": 5,
  };
  const browser = await retryOnce("firefox launch", () =>
    puppeteer.launch({ browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true, timeout: 45_000, extraPrefsFirefox: prefs, env: quietEnv }),
  (m) => t.diagnostic(m));
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__result || window.__error, { timeout: 30_000 });
    const [summary, error] = await page.evaluate(() => [window.__result, window.__error]);
    assert.equal(error, undefined);
    assertEmulator(summary, { withMcp: false });
    t.diagnostic(`ready in ${summary.readyMs} ms`);
  } finally {
    await browser.close().catch(() => {});
  }
});
