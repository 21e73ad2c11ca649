// The run loop (issue 16) against hostile servers on 127.0.0.1 (tests/js/run-servers.mjs): MCP
// servers that answer badly or never, and an API whose model calls badly. Each run must end in a
// `function.result` describing the error, sent back to the model, or in one of the package's
// error classes: never a hang, an untyped error, or a call left without an answer.
import { test as nodeTest, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../emulator/harness.mjs";
import { call, json, message, startApi, startMcp } from "./run-servers.mjs";

/** A test with a one-minute timeout: a hang fails its test, not the suite. */
const test = (name, options, body) =>
  body ? nodeTest(name, { timeout: 60_000, ...options }, body) : nodeTest(name, { timeout: 60_000 }, options);

const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
const { Mistral, AbortError, ConnectionError, InvalidRequestError, MistralError, TimeoutError } = pkg;

let emu;
let client;
const servers = [];
before(async () => {
  emu = await startEmulator();
  client = new Mistral({ apiKey: "hostile-run", serverURL: emu.url });
});
after(() => Promise.all([emu?.close(), ...servers.map((s) => s.close())]));

/** A hostile MCP server, closed after the tests. */
async function mcp(hostile) {
  const server = await startMcp(hostile);
  servers.push(server);
  return server;
}

const sent = async () => (await (await fetch(`${emu.url}/__emulator/requests`)).json()).filter((r) => r.method === "POST");
const forget = () => fetch(`${emu.url}/__emulator/requests`, { method: "DELETE" });
const never = () => {}; // an answer that never comes
const ask = (server, extra = {}) => ({ model: "mistral-medium-latest", inputs: "Please echo this", mcpServers: [{ url: `${server.url}/mcp`, ...extra }] });
const resultsOf = (result) => result.entries.filter((e) => e.type === "function.result");

/** Runs the echo request against `server`: the one function.result's error the model got. */
async function errorSentFor(server) {
  await forget();
  const result = await client.beta.conversations.run(ask(server));
  assert.equal(result.status, "done");
  const [answer] = resultsOf(result);
  const appended = (await sent()).at(-1).json.inputs;
  assert.deepEqual(appended.map((i) => i.tool_call_id), [answer.toolCallId], "the call got its answer, sent to the model");
  return JSON.parse(answer.result).error;
}

// ---- MCP servers that answer badly: the model is told, the run goes on

test("an MCP answer that is not JSON goes back to the model as the call's error", async () => {
  const server = await mcp({ "tools/call": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"jsonrpc":"2.0","id":') });
  assert.match(await errorSentFor(server), /^echo failed: the MCP server of mcpServers\[0\] \(.+\) answered tools\/call with 200 and no result$/);
});

test("an MCP server's HTML 500, its JSON-RPC error, and a result that is no object go back to the model", async () => {
  const html = await mcp({ "tools/call": (req, res) => res.writeHead(500, { "content-type": "text/html" }).end("<h1>oops</h1>") });
  assert.match(await errorSentFor(html), /answered tools\/call with 500 and no result$/);
  const refusing = await mcp({
    "tools/call": (req, res, body) => res.writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ jsonrpc: "2.0", id: body.id, error: { code: -32000, message: "the tool is broken" } })),
  });
  assert.match(await errorSentFor(refusing), /refused tools\/call: the tool is broken$/);
  const empty = await mcp({ "tools/call": (req, res, body) => json(res, body, null) });
  assert.match(await errorSentFor(empty), /answered tools\/call with 200 and no result$/);
  const failing = await mcp({ "tools/call": (req, res, body) => json(res, body, { isError: true, content: [{ type: "text", text: "no echo today" }] }) });
  assert.equal(await errorSentFor(failing), "echo failed: no echo today");
});

test("an SSE answer is read up to the answer, even when the server keeps the stream open", async () => {
  const server = await mcp({
    "tools/call": (req, res, body) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const answer = JSON.stringify({ jsonrpc: "2.0", id: body.id, result: { content: [{ type: "text", text: "from SSE" }] } });
      // A notification first, CRLF line endings, `data:` without a space, the answer over two
      // data lines (joined by a line feed, which JSON allows between tokens) and two writes;
      // then the stream stays open.
      const at = answer.indexOf('"result"');
      res.write('event: message\r\ndata:{"jsonrpc":"2.0","method":"notifications/progress","params":{}}\r\n\r\n');
      res.write(`data: ${answer.slice(0, at)}\r\ndata: ${answer.slice(at, at + 10)}`);
      res.write(`${answer.slice(at + 10)}\r\n\r\n`);
    },
  });
  const result = await client.beta.conversations.run(ask(server));
  assert.equal(resultsOf(result)[0].result, "from SSE");
  assert.equal(result.outputText, "echo returned from SSE.");
});

test("a huge MCP answer is refused without holding it: the model is told", async () => {
  const server = await mcp({
    "tools/call": (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(1024 * 1024);
      let n = 0;
      const more = () => {
        while (n++ < 64) if (!res.write(chunk)) return res.once("drain", more);
        res.end();
      };
      more();
    },
  });
  assert.match(await errorSentFor(server), /answered tools\/call with more than 8388608 characters$/);
});

test("an MCP result's structured content is sent as JSON (the reference case next to the bad ones)", async () => {
  const server = await mcp({ "tools/call": (req, res, body) => json(res, body, { content: [{ type: "text", text: "{}" }], structuredContent: { echoed: true } }) });
  const result = await client.beta.conversations.run(ask(server));
  assert.equal(resultsOf(result)[0].result, '{"echoed":true}');
});

// ---- MCP servers that fail while the run starts: typed errors

test("an MCP server that fails initialize or tools/list rejects the run with a MistralError", async () => {
  const cases = {
    "not JSON": { "tools/list": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end("nope") },
    "an error": { initialize: (req, res, body) => res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: body.id, error: { code: 401, message: "who are you?" } })) },
    "no tools array": { "tools/list": (req, res, body) => json(res, body, { tools: "echo" }) },
    "a null result": { "tools/list": (req, res, body) => json(res, body, null) },
    "a cursor forever": { "tools/list": (req, res, body) => json(res, body, { tools: [], nextCursor: "again" }) },
  };
  for (const [what, hostile] of Object.entries(cases)) {
    await forget();
    const server = await mcp(hostile);
    await assert.rejects(client.beta.conversations.run(ask(server)), (e) => {
      assert.ok(e instanceof MistralError, `${what}: ${e}`);
      assert.match(e.message, /^the MCP server of mcpServers\[0\] /, what);
      assert.equal(e.server, "mcpServers[0]");
      return true;
    });
    assert.deepEqual(await sent(), [], `${what}: nothing was sent to Mistral`);
  }
});

test("an MCP server that is unreachable, or hangs up mid-answer, is a ConnectionError", async () => {
  const server = await mcp({ "tools/list": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end() });
  await server.close();
  await assert.rejects(client.beta.conversations.run(ask(server)), ConnectionError);
  const cut = await mcp({
    "tools/list": (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"jsonrpc":');
      setTimeout(() => res.destroy(), 20);
    },
  });
  await assert.rejects(client.beta.conversations.run(ask(cut)), (e) => e instanceof ConnectionError && /broke off its answer to tools\/list/.test(e.message));
});

test("duplicate MCP tools, or one named as a function tool, are an InvalidRequestError", async () => {
  const twice = await mcp({ "tools/list": (req, res, body) => json(res, body, { tools: [{ name: "echo" }, { name: "echo" }] }) });
  await assert.rejects(client.beta.conversations.run(ask(twice)), (e) => e instanceof InvalidRequestError && /two tools are named `echo`/.test(e.message));
  const plain = await mcp();
  const local = { type: "function", function: { name: "echo", parameters: { type: "object" } }, execute: () => "local" };
  await assert.rejects(client.beta.conversations.run({ ...ask(plain), tools: [local] }), (e) => e instanceof InvalidRequestError && /two tools are named `echo`/.test(e.message));
});

test("MCP tools with names the API could not take are left out; the rest are offered", async () => {
  await forget();
  const names = [42, null, "", "has space", "ünïcödé", "toString", "__proto__", "a".repeat(300)];
  const server = await mcp({
    "tools/list": (req, res, body) => json(res, body, { tools: [...names.map((name) => ({ name, inputSchema: "not a schema" })), { name: "echo", inputSchema: { type: "object", properties: { message: { type: "string" } } } }, "junk", null] }),
  });
  const result = await client.beta.conversations.run(ask(server));
  const offered = (await sent())[0].json.tools.map((t) => t.function.name);
  assert.deepEqual(offered, ["toString", "__proto__", "echo"]);
  assert.equal(resultsOf(result)[0].result, "Echo: Please echo this");
  assert.equal(result.status, "done");
});

// ---- never answering: the caller's signal ends the run

test("an MCP server that never answers: the signal ends the run, in initialize, tools/list or tools/call", async () => {
  for (const method of ["initialize", "tools/list", "tools/call"]) {
    const server = await mcp({ [method]: never });
    const controller = new AbortController();
    const asked = new Promise((resolve) => {
      const at = setInterval(() => server.requests.some((r) => r.body?.method === method) && (clearInterval(at), resolve()), 5);
    });
    const run = client.beta.conversations.run(ask(server), { signal: controller.signal });
    await asked;
    controller.abort();
    await assert.rejects(run, AbortError, method);
  }
});

test("an MCP server that never answers, with no signal: the run's timeoutMs ends each request", async () => {
  for (const method of ["initialize", "tools/list"]) {
    const server = await mcp({ [method]: never });
    await assert.rejects(client.beta.conversations.run(ask(server), { timeoutMs: 300 }), (e) => {
      assert.ok(e instanceof TimeoutError, `${e}`);
      assert.equal(e.timeoutMs, 300);
      assert.equal(e.waitingFor, `the MCP server's answer to ${method}`);
      assert.match(e.message, new RegExp(`did not answer ${method} within 300 ms$`));
      return true;
    });
  }
  // A call that never answers is that call's error, told to the model; the run goes on.
  const server = await mcp({ "tools/call": never });
  await forget();
  const result = await client.beta.conversations.run(ask(server), { timeoutMs: 300 });
  assert.equal(result.status, "done");
  assert.match(JSON.parse(resultsOf(result)[0].result).error, /did not answer tools\/call within 300 ms$/);
  await assert.rejects(client.beta.conversations.run(ask(server), { timeoutMs: "soon" }), InvalidRequestError);
});

test("a streamed run whose MCP call never answers ends when the stream is abandoned", async () => {
  const server = await mcp({ "tools/call": never });
  const stream = await client.beta.conversations.runStream(ask(server));
  for await (const { event } of stream) if (event === "conversation.response.done") break;
  await assert.rejects(stream.finalResult(), AbortError);
});

// ---- a model that calls badly (a scripted API)

test("a model's arguments that are no JSON object, and two calls with one id: each id gets one error", async () => {
  const api = await startApi([
    () => [
      call("c1", "get_weather", "{nope"),
      call("c2", "get_weather", 42),
      call("c3", "get_weather", '"a string"'),
      call("dup", "get_weather", '{"city":"Paris"}'),
      call("ok", "get_weather", '{"city":"Rome"}'),
      call("dup", "get_weather", '{"city":"Oslo"}'),
    ],
    () => [message("thanks")],
  ]);
  servers.push(api);
  const ran = [];
  const weather = { type: "function", function: { name: "get_weather", parameters: { type: "object" } }, execute: ({ city }) => (ran.push(city), "sunny") };
  const c = new Mistral({ apiKey: "k", serverURL: api.url });
  const result = await c.beta.conversations.run({ model: "m", inputs: "hi", tools: [weather] });
  assert.equal(result.status, "done");
  assert.deepEqual(ran, ["Rome"]);
  const inputs = api.requests[1].body.inputs;
  assert.deepEqual(inputs.map((i) => i.tool_call_id), ["c1", "c2", "c3", "dup", "ok"]);
  const errors = inputs.map((i) => (i.result === "sunny" ? "sunny" : JSON.parse(i.result).error));
  assert.match(errors[0], /^the arguments of `get_weather` are not a JSON object: /);
  assert.match(errors[1], /they are neither a string nor an object$/);
  assert.match(errors[2], /they are not an object$/);
  assert.equal(errors[3], "several calls have the toolCallId `dup`: none of them was run");
  assert.equal(errors[4], "sunny");
});

test("a response that is not a conversation response is a typed error", async () => {
  for (const raw of ["{}", '{"outputs":"nope"}', "[]", "not json"]) {
    const api = await startApi([() => ({ raw })]);
    servers.push(api);
    const c = new Mistral({ apiKey: "k", serverURL: api.url });
    await assert.rejects(c.beta.conversations.run({ model: "m", inputs: "hi" }), (e) => {
      assert.ok(e instanceof MistralError, `${raw}: ${e}`);
      return true;
    });
  }
});

// ---- aborts inside the user's code

test("aborting inside onConfirmation ends the run with an AbortError", async () => {
  const controller = new AbortController();
  const confirmed = {
    type: "function", requiresConfirmation: true, execute: () => "ran",
    function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } },
  };
  await assert.rejects(client.beta.conversations.run({ model: "m", inputs: "Weather in Paris?", tools: [confirmed] }, {
    signal: controller.signal,
    onConfirmation: () => (controller.abort(), new Promise(never)),
  }), AbortError);
});

// A server that quotes the credential it was sent: `mcpServers[].headers` values are secrets of the
// run (js/run.js gives them to js/redact.js's cleaner).
const SECRET = "mcp-secret-token-123";
const quoting = (req, res, body) => res.writeHead(200, { "content-type": "application/json" })
  .end(JSON.stringify({ jsonrpc: "2.0", id: body.id, error: { code: 401, message: `bad token ${req.headers.authorization}` } }));
const headers = { authorization: `Bearer ${SECRET}` };

test("an MCP call's error that quotes the server's headers reaches the model without them", async () => {
  const server = await mcp({ "tools/call": quoting });
  await forget();
  await client.beta.conversations.run(ask(server, { headers }));
  assert.ok(!JSON.stringify(await sent()).includes(SECRET), "the function.result sent to Mistral quotes the MCP server's header");
});

test("an MCP tools/list error that quotes the server's headers is thrown without them", async () => {
  const server = await mcp({ "tools/list": quoting });
  await assert.rejects(client.beta.conversations.run(ask(server, { headers })), (e) => {
    assert.ok(e instanceof MistralError);
    assert.ok(!`${e.message} ${e.stack}`.includes(SECRET), "the error quotes the MCP server's header");
    return true;
  });
});
