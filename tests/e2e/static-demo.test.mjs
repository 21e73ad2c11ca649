// The demo page without a server: scripts/static-demo.mjs stages www/ and the package files into a
// folder, a plain static file server (no /api, no demo-config.json) serves it from a sub-folder, and
// headless Chromium (playwright-core) runs the page against the emulator inside it: a streamed
// conversation, and the run loop's Allow / Deny approval of a page function. Then `?backend=inpage`
// where a demo server's config answers. Screenshots go to test-output/e2e/.
import assert from "node:assert/strict";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { stageStaticDemo } from "../../scripts/static-demo.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const OUT = path.join(root, "test-output", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const STEP = { timeout: 60_000 };
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".wasm": "application/wasm" };

let site;
let server;
let base;
let context;
let profile;
let page;
const served = [];
const pageErrors = [];
const offSite = [];

const shot = (name) => page.screenshot({ path: path.join(OUT, `${name}.png`) });
const assistantTexts = () => page.$$eval("#messages .entry.assistant .parts", (els) => els.map((el) => el.textContent));
const idle = () => page.waitForSelector("#send:not(.stop)", { timeout: 30_000 });

async function send(text) {
  await page.fill("#input", text);
  await page.press("#input", "Enter");
}

/** A plain static file server over `dir`, under /site/ (GET and HEAD of files; 404 otherwise). */
function serveStatic(dir) {
  return http.createServer((req, res) => {
    const { pathname } = new URL(req.url, "http://localhost");
    served.push(`${req.method} ${pathname}`);
    const rest = pathname.startsWith("/site/") ? decodeURIComponent(pathname.slice(5)) : null;
    const file = rest === null ? "" : path.join(dir, path.normalize(rest === "/" ? "/index.html" : rest));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile() || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });
}

before(async () => {
  assert.ok(existsSync(path.join(root, "pkg", "emulator", "index.js")), "pkg/ is built (make build)");
  assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`);
  mkdirSync(OUT, { recursive: true });
  site = mkdtempSync(path.join(tmpdir(), "static-demo-"));
  stageStaticDemo(site);
  server = serveStatic(site);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Served from a sub-folder, as a static host may: every path in the page must be relative.
  base = `http://127.0.0.1:${server.address().port}/site/`;
  profile = mkdtempSync(path.join(tmpdir(), "chromium-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    viewport: { width: 1366, height: 860 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-features=NetworkTimeServiceQuerying",
      "--component-updater=url-source=http://127.0.0.1:9/"],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith(base) && !/^(blob|data):/.test(request.url())) offSite.push(request.url());
  });
}, { timeout: 120_000 });

after(async () => {
  try {
    await context?.close();
  } finally {
    if (profile) rmSync(profile, { recursive: true, force: true });
    server?.close();
    server?.closeAllConnections();
    if (site) rmSync(site, { recursive: true, force: true });
  }
}, { timeout: 30_000 });

test("the staged folder holds the page and the package files it loads, and never replaces the repository's", () => {
  for (const file of ["index.html", "app.js", "backend.js", "pkg/index.js", "pkg/mistral_edge_bg.wasm",
    "pkg/emulator/index.js", "pkg/emulator/mistral_emulator_wasm_bg.wasm"]) {
    assert.ok(existsSync(path.join(site, file)), `${file} is staged`);
  }
  for (const mine of [root, path.join(root, "www"), path.join(root, "pkg"), path.join(root, "www", "x")]) {
    assert.throws(() => stageStaticDemo(mine), /refusing to stage/);
  }
});

test("with no /api server, the page runs the emulator inside itself", STEP, async () => {
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.textContent("#backend"), "in-page emulator");
  assert.ok(served.includes("GET /site/demo-config.json"), "the page looked for a demo server first");
  await shot("static-01-welcome");
});

test("streams a conversation from the in-page emulator", STEP, async () => {
  await send("count to 40");
  await page.waitForSelector("#messages .entry.assistant.streaming");
  await idle();
  assert.equal((await assistantTexts()).at(-1), Array.from({ length: 40 }, (_, i) => i + 1).join(" "));
  assert.match(await page.textContent("#messages .turn-meta"), /\d+ in · 40 out · \d+ tokens/);
  await send("Hello there");
  await idle();
  assert.equal((await assistantTexts()).at(-1), "Echo: Hello there");
  await page.waitForSelector("#conv-list .conv[data-id]");
  await shot("static-02-streamed");
});

test("the run loop asks before a page function: Allow runs it, Deny refuses it", STEP, async () => {
  await page.click('.chip[data-tool="functions"]');
  await send("Set the page title to Hello");
  await page.click("#messages .entry.fn .fn-approval button.primary");
  await idle();
  assert.equal(await page.title(), "Hello");
  assert.match((await assistantTexts()).at(-1), /set_page_title returned \{"title":"Hello"\}/);
  await send("Set the page title to Nope");
  await page.waitForSelector("#messages .fn-approval");
  await shot("static-03-approval");
  await page.click("#messages .fn-approval button:not(.primary)");
  await idle();
  assert.equal(await page.title(), "Hello", "a denied call does not run");
  assert.match((await assistantTexts()).at(-1), /the user denied this call/);
});

test("every request went to the static server, none to /api, and the page threw no error", () => {
  assert.deepEqual(offSite, [], "nothing left the static site");
  assert.deepEqual(served.filter((line) => /\/api(\/|$)/.test(line)), [], "no request to /api");
  assert.deepEqual(pageErrors, []);
});

test("?backend=inpage picks the in-page emulator even where a demo server answers", STEP, async () => {
  // The folder now looks like the demo server's: a demo-config.json (its /api is not there).
  writeFileSync(path.join(site, "demo-config.json"), JSON.stringify({ mode: "emulator", api: "local emulator" }));
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.textContent("#backend"), "local emulator", "a demo server's config is followed");
  await page.goto(`${base}?backend=inpage`);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.textContent("#backend"), "in-page emulator");
  await send("Hello again");
  await idle();
  assert.equal((await assistantTexts()).at(-1), "Echo: Hello again");
});
