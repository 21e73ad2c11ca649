// The same run-loop scenario (tests/js/run-scenario.mjs) in Node and in headless Chromium, against
// one emulator and one server-everything (both reached cross-origin by the page, with CORS): the
// summaries must be equal. The page loads pkg/index.js and zod unbundled from a static server.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { z } from "zod";
import { startEmulator, startEverything } from "../emulator/harness.mjs";
import { runScenario } from "../js/run-scenario.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };

const PAGE = `<!doctype html><meta charset="utf-8"><title>run loop</title>
<script type="importmap">{ "imports": { "zod": "/node_modules/zod/index.js" } }</script>
<script type="module">
const params = new URLSearchParams(location.search);
try {
  const [mod, { z }, { runScenario }] = await Promise.all([import("/pkg/index.js"), import("zod"), import("/tests/js/run-scenario.mjs")]);
  window.__result = await runScenario(mod, z, params.get("server"), params.get("mcp"));
} catch (error) {
  window.__error = String(error?.stack ?? error);
}
</script>`;

let emu;
let everything;
let server;
let base;
let browser;
let profile;

/** Serves the page, pkg/, tests/js/ and node_modules/zod/ from the repository, nothing else. */
function serve() {
  server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/run.html") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end(PAGE);
    }
    const file = path.normalize(path.join(root, url.pathname));
    const allowed = ["pkg/", "tests/js/", "node_modules/zod/"].some((dir) => file.startsWith(path.join(root, dir)));
    try {
      if (!allowed) throw new Error("not served");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

before(async () => {
  assert.ok(existsSync(path.join(root, "pkg", "index.js")), "pkg/ is built (make build)");
  assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM}`);
  [emu, everything, base] = await Promise.all([startEmulator(), startEverything(), serve()]);
  profile = mkdtempSync(path.join(tmpdir(), "chromium-run-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--component-updater=url-source=http://127.0.0.1:9/"],
  });
}, { timeout: 120_000 });

after(async () => {
  try {
    await browser?.close();
  } finally {
    if (profile) rmSync(profile, { recursive: true, force: true });
    server?.close();
    await Promise.all([emu?.close(), everything?.close()]);
  }
}, { timeout: 30_000 });

test("the same run in Node and in headless Chromium", { timeout: 90_000 }, async () => {
  const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
  const inNode = await runScenario(pkg, z, emu.url, everything.url);

  const page = browser.pages()[0] ?? (await browser.newPage());
  const query = new URLSearchParams({ server: emu.url, mcp: everything.url });
  await page.goto(`${base}/run.html?${query}`);
  await page.waitForFunction(() => window.__result !== undefined || window.__error !== undefined, null, { timeout: 60_000 });
  const error = await page.evaluate(() => window.__error);
  assert.equal(error, undefined, `the page failed: ${error}`);
  const inChromium = await page.evaluate(() => window.__result);

  assert.deepEqual(inChromium, inNode);
  // What the scenario must have done (so that two equal failures cannot pass).
  assert.deepEqual(inNode.chain, { status: "done", steps: 3, text: "get_time returned 12:00 in Tokyo.",
    types: ["function.call", "function.result", "function.call", "function.result", "message.output"], pending: 0 });
  assert.deepEqual(inNode.stream.asked, ["get_weather"]);
  assert.equal(inNode.stream.results, 2);
  assert.equal(inNode.resume.stopped.status, "requires_confirmation");
  assert.equal(inNode.resume.resumed.text, 'get_weather returned {"error":"the user denied this call: it was not run"}.');
  assert.deepEqual(inNode.output, { city: "Paris", days: 3 });
  assert.equal(inNode.mcp.text, "echo returned Echo: Please echo this.");
  assert.equal(inNode.abort, "AbortError");
});
