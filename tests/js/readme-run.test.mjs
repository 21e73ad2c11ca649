// The README's run-loop section, as written: each of its code blocks runs unchanged against the
// emulator. Only its free names are given (`client`, `remove`, `confirm`, `token`, `signal`,
// `saved`, `tools`, `request`, `onConfirmation`, `render`, `showResult`; `import` lines become
// the imported value), and the global `fetch` answers the example hosts from 127.0.0.1.
import { test as nodeTest, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { startEmulator } from "../emulator/harness.mjs";
import { json, startMcp } from "./run-servers.mjs";

/** A test with a one-minute timeout: a hang fails its test, not the suite. */
const test = (name, options, body) =>
  body ? nodeTest(name, { timeout: 60_000, ...options }, body) : nodeTest(name, { timeout: 60_000 }, options);

const { Mistral } = await import(new URL("../../pkg/node.js", import.meta.url));
const AsyncFunction = (async () => {}).constructor;

/** The code blocks of the README section whose heading starts with `heading`. */
function blocks(heading) {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const start = readme.indexOf(`\n## ${heading}`);
  assert.ok(start > 0, `README.md has no section "${heading}"`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end);
  return [...section.matchAll(/^ *```ts\n([\s\S]*?)^ *```$/gm)].map((m) => m[1].replace(/^import .*$/gm, ""));
}

/** Runs a block with `names` given, returning `result` (what the block's last line names). */
const runBlock = (code, names, result) =>
  new AsyncFunction(...Object.keys(names), `${code}\nreturn ${result};`)(...Object.values(names));

const [main, resume, streamed] = blocks("The run loop");
let emu;
let mcp;
let client;
const realFetch = globalThis.fetch;
before(async () => {
  [emu, mcp] = await Promise.all([startEmulator(), startMcp({
    "tools/list": (req, res, body) => json(res, body, { tools: [{ name: "search_docs" }, { name: "echo" }] }),
  })]);
  client = new Mistral({ apiKey: "readme-run", serverURL: emu.url });
  // The README's example hosts, answered here; everything else as usual.
  globalThis.fetch = (url, init) => {
    const { host } = new URL(String(url));
    if (host === "wttr.example") return Promise.resolve(Response.json({ celsius: 21 }));
    if (host === "mcp.example.com") return realFetch(`${mcp.url}/mcp`, init);
    return realFetch(url, init);
  };
});
after(async () => {
  globalThis.fetch = realFetch;
  await Promise.all([emu?.close(), mcp?.close()]);
});

test("the README's run-loop section has its three examples", () => {
  assert.equal([main, resume, streamed].filter(Boolean).length, 3);
});

test("README: the run example runs as written", async () => {
  const removed = [];
  const result = await runBlock(main, {
    client, z, remove: (path) => removed.push(path), confirm: async () => true, token: "tok", signal: undefined,
  }, "result");
  assert.equal(result.status, "done");
  assert.equal(result.steps, 2);
  assert.equal(result.outputText, 'get_weather returned {"celsius":21}.');
  assert.ok(result.usage.totalTokens > 0);
  // The MCP server was asked with the given header, and only its included tool was offered.
  assert.equal(mcp.requests.find((r) => r.body?.method === "tools/list").headers.authorization, "Bearer tok");
  const offered = (await (await realFetch(`${emu.url}/__emulator/requests`)).json()).find((r) => r.method === "POST").json.tools;
  assert.ok(offered.some((t) => t.function?.name === "search_docs") && !offered.some((t) => t.function?.name === "echo"));
});

test("README: a stopped run resumes as written", async () => {
  const removed = [];
  const tools = [{
    type: "function", requiresConfirmation: true, execute: async ({ path }) => removed.push(path),
    function: { name: "delete_file", parameters: { type: "object", properties: { path: { type: "string" } } } },
  }];
  const stopped = await client.beta.conversations.run({ model: "mistral-medium-latest", inputs: "Delete the file Notes", tools });
  assert.equal(stopped.status, "requires_confirmation");
  const saved = JSON.parse(JSON.stringify(stopped));
  const resumed = await runBlock(resume, { client, saved, tools }, "resumed");
  assert.equal(resumed.status, "done");
  assert.deepEqual(removed, ["Notes"]);
});

test("README: the streamed run example runs as written", async () => {
  const rendered = [];
  const shown = [];
  const request = {
    model: "mistral-medium-latest", inputs: "Weather in Paris?",
    tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } }, execute: () => "sunny" }],
  };
  const { outputText, usage } = await runBlock(streamed, {
    client, request, onConfirmation: () => true, render: (t) => rendered.push(t), showResult: (id, r) => shown.push(r),
  }, "{ outputText, usage }");
  assert.equal(outputText, "get_weather returned sunny.");
  assert.equal(rendered.join(""), outputText);
  assert.deepEqual(shown, ["sunny"]);
  assert.ok(usage.totalTokens > 0);
});
