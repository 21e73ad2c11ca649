// The demo page end to end: `node scripts/demo.mjs` (emulator mode) on a free port, Debian's
// Chromium driven by playwright-core. Streams a reply, runs tools, shows a generated image,
// answers a page function, stops a long stream, restarts from an entry, explains a 429, and fits
// a phone-sized window. Screenshots go to test-output/e2e/.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../", import.meta.url));
const OUT = path.join(root, "test-output", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const STEP = { timeout: 60_000 };

let server;
let serverLog = "";
let base;
let context;
let profile;
let page;
const pageErrors = [];
const keyedRequests = [];

const shot = (name) => page.screenshot({ path: path.join(OUT, `${name}.png`) });
const assistantTexts = () => page.$$eval("#messages .entry.assistant .parts", (els) => els.map((el) => el.textContent));
const idle = () => page.waitForSelector("#send:not(.stop)", { timeout: 30_000 });

async function send(text) {
  await page.fill("#input", text);
  await page.press("#input", "Enter");
}

async function toggle(tool) {
  await page.click(`.chip[data-tool="${tool}"]`);
}

/** Starts the demo server as `make demo` does, on a free port; resolves to its URL. */
function startServer() {
  const env = { ...process.env, PORT: "0" };
  delete env.MISTRAL_API_KEY;
  server = spawn(process.execPath, [path.join(root, "scripts", "demo.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stderr.on("data", (chunk) => (serverLog += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server did not start in 60 s:\n${serverLog}`)), 60_000);
    server.once("exit", (code) => reject(new Error(`the demo server exited with ${code}:\n${serverLog}`)));
    server.stdout.on("data", (chunk) => {
      serverLog += chunk;
      const match = serverLog.match(/mistral-edge demo: (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

before(async () => {
  assert.ok(existsSync(path.join(root, "pkg", "index.js")), "pkg/ is built (make build)");
  assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`);
  mkdirSync(OUT, { recursive: true });
  base = await startServer();
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
    if (request.headers().authorization) keyedRequests.push(request.url());
  });
}, { timeout: 120_000 });

after(async () => {
  try {
    await context?.close();
  } finally {
    if (profile) rmSync(profile, { recursive: true, force: true });
    await stopServer();
  }
}, { timeout: 30_000 });

test("loads the page with the package from /pkg", STEP, async () => {
  await page.goto(`${base}/`);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.textContent("#backend"), "local emulator");
  await shot("01-welcome");
});

test("streams a reply token by token, with usage for the turn", STEP, async () => {
  await send("count to 150");
  await page.waitForSelector("#messages .entry.assistant.streaming");
  await page.waitForFunction(() => document.querySelector("#messages .entry.assistant .parts")?.textContent.length > 4);
  const partial = (await assistantTexts()).at(-1);
  await idle();
  const full = (await assistantTexts()).at(-1);
  const expected = Array.from({ length: 150 }, (_, i) => i + 1).join(" ");
  assert.equal(full, expected);
  assert.ok(partial.length < full.length && expected.startsWith(partial), `saw a partial text while streaming: ${JSON.stringify(partial)}`);
  assert.match(await page.textContent("#messages .turn-meta"), /\d+ in · 150 out · \d+ tokens/);
  await shot("02-streamed");
});

test("runs web search and code interpreter and shows them in the timeline", STEP, async () => {
  await toggle("web_search");
  await toggle("code_interpreter");
  // Tools are fixed when a conversation starts: the page says the next message starts a new one.
  await page.waitForSelector("#branch-banner[data-kind=settings]:not([hidden])");
  await send("Search the latest news and calculate 6*7 with python");
  await page.waitForSelector('#timeline .tl-item[data-kind=tool][data-name=web_search][data-state=done]');
  await page.waitForSelector('#timeline .tl-item[data-kind=tool][data-name=code_interpreter][data-state=done]');
  await idle();
  assert.match(await page.textContent('#timeline .tl-item[data-name=code_interpreter] .tl-info'), /output: 42/);
  assert.match(await page.textContent('#messages .entry.tool[data-name=code_interpreter] .tool-sum'), /42/);
  assert.ok(await page.$("#messages .entry.assistant a.ref"), "web search references are shown");
  assert.match((await assistantTexts()).at(-1), /It printed: 42/);
  await shot("03-tools");
});

test("shows a generated image inline (files API → Blob URL)", STEP, async () => {
  await toggle("image_generation");
  await send("Draw a picture of a red boat");
  const img = await page.waitForSelector("#messages .entry.assistant figure.image:not(.loading) img.generated");
  const { src, width } = await img.evaluate((el) => ({ src: el.src, width: el.naturalWidth }));
  assert.match(src, /^blob:/);
  assert.equal(width, 64);
  await idle();
  await shot("04-image");
});

test("answers a function call from a function in the page", STEP, async () => {
  await toggle("functions");
  await send("Roll a dice with 20 sides");
  await page.waitForSelector("#messages .entry.fn .status.done");
  await idle();
  assert.match(await page.textContent("#messages .entry.fn .fn-call"), /roll_dice\(sides: 20\)/);
  assert.match(await page.textContent("#messages .entry.fn .fn-result"), /"roll":\d+/);
  assert.match((await assistantTexts()).at(-1), /roll_dice returned \{"sides":20,"roll":\d+\}/);
  await page.waitForSelector('#timeline .tl-item[data-kind=function][data-state="answered by page"]');
  await shot("05-function");
});

test("asks before a page function that needs approval (runStream's onConfirmation), then runs or refuses it", STEP, async () => {
  // Page functions are still on from the previous test.
  await send("Set the page title to Hello");
  await page.click("#messages .entry.fn .fn-approval button.primary");
  await idle();
  assert.equal(await page.title(), "Hello");
  assert.match((await assistantTexts()).at(-1), /set_page_title returned \{"title":"Hello"\}/);
  await send("Set the page title to Nope");
  await page.waitForSelector("#messages .fn-approval");
  await shot("05b-approval");
  await page.click("#messages .fn-approval button:not(.primary)");
  await idle();
  assert.equal(await page.title(), "Hello", "a denied call does not run");
  assert.match((await assistantTexts()).at(-1), /the user denied this call/);
});

test("stops a long stream mid-way", STEP, async () => {
  await send("count to 5000");
  await page.waitForFunction(() => / 30 /.test(document.querySelector("#messages .entry.assistant.streaming .parts")?.textContent ?? ""));
  await page.click("#send"); // the send button is the stop button while streaming
  await page.waitForSelector("#messages .entry.assistant.stopped");
  await idle();
  const stopped = (await assistantTexts()).at(-1);
  await page.waitForTimeout(600);
  const later = (await assistantTexts()).at(-1);
  assert.equal(later, stopped, "no token arrives after the stop");
  assert.ok(!stopped.includes("5000"), "the stream was cut before its end");
  assert.ok(await page.$('#timeline .tl-item[data-kind=stopped]'), "the timeline notes the stop");
  await shot("06-stopped");
});

test("restarts from an entry into a new branch; the original stays", STEP, async () => {
  const original = await page.$eval("#chat-title .conv-id", (el) => el.title);
  const entry = await page.waitForSelector("#messages .entry.user[data-entry-id]");
  const entryText = await entry.$eval(".bubble", (el) => el.textContent);
  await entry.hover();
  await entry.$eval(".restart", (button) => button.click());
  await page.waitForSelector("#branch-banner[data-kind=branch]:not([hidden])");
  await shot("07-branch-point");
  await send("Tell me about branches");
  await idle();
  const branch = await page.$eval("#chat-title .conv-id", (el) => el.title);
  assert.notEqual(branch, original);
  assert.match(await page.textContent("#chat-title"), /branch of/);
  assert.equal((await assistantTexts()).at(-1), "Echo: Tell me about branches");
  assert.ok(!(await assistantTexts()).some((t) => t.startsWith("1 2 3")), "entries after the branch point are gone");
  await page.waitForSelector(`#conv-list .conv.is-branch[data-id="${branch}"]`);
  await shot("08-branched");

  // The original conversation is untouched: open it from the list.
  await page.click(`#conv-list .conv[data-id="${original}"] .conv-open`);
  await page.waitForFunction((id) => document.querySelector("#chat-title .conv-id")?.title === id, original);
  const texts = await assistantTexts();
  assert.ok(texts.some((t) => t.startsWith("1 2 3")), "the stopped stream is still in the original");
  assert.ok(!texts.includes("Echo: Tell me about branches"));
  assert.ok((await page.textContent("#messages")).includes(entryText));
});

test("explains a rate limit in plain words", STEP, async () => {
  await page.click(".side-tabs [data-side=setup]");
  await page.$eval("#simulate-card", (card) => (card.open = true));
  await page.selectOption("#sim-fault", "rate-limit");
  await page.click(".side-tabs [data-side=timeline]");
  await send("Hello again");
  const notice = await page.waitForSelector('.notice[data-error-name="RateLimitError"]');
  assert.match(await notice.textContent(), /Wait 5 seconds/);
  assert.match(await notice.textContent(), /Try again in \d s/);
  await shot("09-rate-limit");
});

test("document library: upload, then ask about it", STEP, async (t) => {
  const probe = await fetch(`${base}/api/v1/libraries`);
  if (probe.status === 404) return t.skip("the emulator has no libraries yet");
  await page.click(".side-tabs [data-side=setup]");
  await page.click("#library-card summary");
  await page.setInputFiles("#library-file", { name: "boats.txt", mimeType: "text/plain", buffer: Buffer.from("Red boats sail at dawn. Blue boats sail at dusk.") });
  await page.click("#library-form button[type=submit]");
  await page.waitForSelector("#library-status .status-line.ok", { timeout: 60_000 });
  await page.click(".side-tabs [data-side=timeline]");
  await page.click("#new-chat");
  await send("What does the document say about boats?");
  await page.waitForSelector('#timeline .tl-item[data-name=document_library][data-state=done]');
  await idle();
  await shot("10-library");
});

test("connectors: create one from an MCP server, pick tools, use it, call a tool", STEP, async (t) => {
  const probe = await fetch(`${base}/api/v1/connectors`);
  await page.click(".side-tabs [data-side=setup]");
  await page.$eval("#connector-card", (card) => (card.open = true));
  if (probe.status === 404) {
    await page.waitForSelector('#connector-status .notice[data-error-name="NotFoundError"]');
    await shot("11-connectors-missing");
    return t.skip("the emulator has no connectors yet");
  }
  // The demo server's own MCP server (scripts/demo-mcp.mjs), which the emulator reaches over MCP.
  await page.click("#use-sample-mcp");
  await page.click("#connector-form button[type=submit]");
  const card = await page.waitForSelector('#connector-list .connector:has(.mcp-tool[data-tool="get_forecast"])');
  assert.deepEqual(await card.$$eval(".mcp-tool", (els) => els.map((el) => el.dataset.tool)), ["get_forecast", "add_numbers", "shout_text"]);
  await page.waitForSelector('.chip.on[data-tool^="connector:"]');

  // Call a tool directly.
  await card.$eval('.mcp-tool[data-tool="add_numbers"] button', (b) => b.click());
  await card.$eval('.mcp-tool[data-tool="add_numbers"] textarea', (el) => (el.value = '{"a": 2, "b": 40}'));
  await card.$eval('.mcp-tool[data-tool="add_numbers"] .call-form button[type=submit]', (b) => b.click());
  await page.waitForFunction(() => document.querySelector('.mcp-tool[data-tool="add_numbers"] .call-result')?.textContent.trim() === "42");
  await shot("11-connectors");

  // Exclude get_forecast: the model may not run it.
  await card.$eval('.mcp-tool[data-tool="get_forecast"] input[type=checkbox]', (el) => el.click());
  await card.$eval('input[type=radio][value=exclude]', (el) => el.click());
  await page.click(".side-tabs [data-side=timeline]");
  await page.click("#new-chat");
  await send("What is the forecast in Lyon?");
  await idle();
  assert.equal((await assistantTexts()).at(-1), "Echo: What is the forecast in Lyon?");

  // Include only get_forecast: now it runs, through the emulator, on the MCP server.
  await page.click(".side-tabs [data-side=setup]");
  await card.$eval('input[type=radio][value=include]', (el) => el.click());
  await page.click(".side-tabs [data-side=timeline]");
  await send("What is the forecast in Lyon?");
  await page.waitForSelector('#timeline .tl-item[data-kind=tool][data-name=get_forecast][data-state=done]');
  await idle();
  assert.match((await assistantTexts()).at(-1), /get_forecast returned: Lyon: \w/);
  await shot("12-connector-chat");
});

test("creates an agent with tools and talks to it", STEP, async () => {
  await page.click(".side-tabs [data-side=setup]");
  await page.$eval("#agent-card", (card) => (card.open = true));
  await page.fill('#agent-form input[name=name]', "Calculator");
  await page.fill('#agent-form textarea[name=instructions]', "Compute things with code.");
  await page.check('#agent-tools input[value=code_interpreter]');
  await page.click("#agent-form button[type=submit]");
  await page.waitForSelector("#agent-form .status-line.ok");
  assert.match(await page.$eval("#target", (el) => el.selectedOptions[0].textContent), /Calculator \(agent\)/);
  assert.match(await page.textContent("#tool-chips"), /Calculator uses:\s*Code/);
  await page.click(".side-tabs [data-side=timeline]");
  await send("Calculate 7*6 with python");
  await page.waitForSelector('#timeline .tl-item[data-kind=tool][data-name=code_interpreter][data-state=done]');
  await idle();
  assert.match((await assistantTexts()).at(-1), /It printed: 42/);
  assert.match(await page.$$eval("#messages .entry.assistant .entry-meta", (els) => els.at(-1).textContent), /^agent · mistral-medium-latest/);
  await shot("13-agent");
});

test("fits a phone-sized window", STEP, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click(".tabs [data-tab=chat]");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px too wide)`);
  await shot("14-phone-chat");
  await page.click(".tabs [data-tab=timeline]");
  assert.ok(await page.isVisible("#timeline"));
  await shot("15-phone-timeline");
  await page.click(".tabs [data-tab=setup]");
  assert.ok(await page.isVisible("#agent-form"));
  await shot("16-phone-setup");
  await page.click(".tabs [data-tab=history]");
  assert.ok(await page.isVisible("#conv-list"));
  await shot("17-phone-history");
  await page.click(".tabs [data-tab=chat]");
  await page.setViewportSize({ width: 1366, height: 860 });
});

// Connectors and libraries come last: the emulator may not offer them yet.

test("the page never held a key and threw no error", STEP, () => {
  assert.deepEqual(keyedRequests, [], "no request from the page carried an Authorization header");
  assert.deepEqual(pageErrors, []);
});
