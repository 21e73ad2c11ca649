// node --test against the built package (pkg/): the secrets rule (README, "Errors") on every
// path a credential could take to a caller, beyond tests/js/hostile.test.mjs's one-shot errors: a
// hostile server on 127.0.0.1 echoes the API key and a connector's token (escaped) after retries
// (`Retry-After`), on a later page, in an upload's or a download's error, in a stream's error
// event sent a few bytes at a time, in a too large event, in an event cut by a dropped
// connection, in a UTF-16 body; `err.rawResponse`'s body; and, in a run, a client-side MCP
// server that echoes its headers in its tools' descriptions and results, which are sent on to
// Mistral and kept in the result.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { assertNone, credentialsOf, jsonSafe, recorder, shown, startHostile } from "./secrets-server.mjs";

const { Mistral, MistralError, StreamError } = await import(new URL("../../pkg/node.js", import.meta.url));

const KEY = "sk-PaTh/host+ile=key-1";
const TOKEN = "ya29.PaTh/tok+en=CONN";

let hostile;
let url;
/** The server's answer in the current test: `(req, res, body)`. */
let handle;
before(async () => {
  hostile = await startHostile((req, res, body) => handle(req, res, body));
  url = hostile.url;
});
after(() => hostile.close());

const REQUEST = {
  model: "m",
  inputs: "hi",
  tools: [{ type: "connector", connectorId: "c", authorization: { type: "oauth2-token", value: TOKEN } }],
};
const FAST = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 2, exponent: 1, maxElapsedTime: 10_000 }, maxRetries: 2 };
const client = (options = {}) => new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" }, ...options });
const rejection = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);
/** The error a stream's loop throws. */
const streamError = (promise) => rejection((async () => {
  for await (const _ of await promise);
})());
/** A JSON body that echoes `secrets`, each in every spelling that fits in a JSON string. */
const echo = (secrets) => JSON.stringify({ message: "bad" }).replace("bad", `bad ${secrets.flatMap(jsonSafe).join(" ")}`);

test("retried answers (429 with a Retry-After, then 503) echoing the credentials: the last error and the log show none", async () => {
  let count = 0;
  handle = (req, res, body) => {
    const secrets = credentialsOf(req, body);
    const headers = { "content-type": "application/json", "retry-after": "0", "x-request-id": encodeURIComponent(secrets[0]) };
    res.writeHead(++count < 3 ? 429 : 503, headers).end(echo(secrets));
  };
  const log = recorder();
  const error = await rejection(client({ retryConfig: FAST, debugLogger: log }).beta.conversations.start(REQUEST));
  assert.equal(count, 3);
  assert.equal(error.statusCode, 503);
  assert.match(error.requestId, /^\[redacted\]$/);
  assertNone(shown(error), [KEY, TOKEN], error.name);
  assert.equal(log.lines.filter((l) => l.startsWith("< Response")).length, 3);
  assertNone(log.lines.join("\n"), [KEY, TOKEN], "the log");
});

test("a later page's error echoing the key (connectors.list, agents.listPages)", async () => {
  const agents = JSON.parse(readFileSync(new URL("../fixtures/wire/AgentListPage.basic.json", import.meta.url), "utf8"));
  handle = (req, res) => {
    const [key] = credentialsOf(req, "");
    if (!/cursor=|page_token=/.test(req.url)) {
      const first = req.url.includes("connectors")
        ? { items: [], pagination: { page_size: 1, next_cursor: "c2" } }
        : { ...agents, data: agents.data.slice(0, 1), next_page_token: "p2" };
      return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(first));
    }
    res.writeHead(400, { "content-type": "application/json", "x-request-id": key }).end(echo([key]));
  };
  let error = await rejection((async () => {
    for await (const _ of client().beta.connectors.list({ pageSize: 1 }));
  })());
  assert.equal(error.statusCode, 400);
  assertNone(shown(error), [KEY], `connectors.list: ${error.name}`);
  error = await rejection((async () => {
    for await (const _ of await client().beta.agents.listPages({ pageSize: 1 }));
  })());
  assertNone(shown(error), [KEY], `agents.listPages: ${error.name}`);
});

test("an upload's and a download's errors echoing the key", async () => {
  handle = (req, res, body) => {
    const [key] = credentialsOf(req, "");
    if (req.url.includes("/content")) {
      if (req.url.includes("missing")) return res.writeHead(404, { "content-type": "application/json", "x-request-id": key }).end(echo([key]));
      res.writeHead(200, { "content-type": "application/octet-stream", "x-request-id": encodeURIComponent(key) });
      res.write("abc");
      return setTimeout(() => res.socket.destroy(), 20);
    }
    res.writeHead(400, { "content-type": "application/json" }).end(echo([key]));
  };
  const files = client().files;
  let error = await rejection(files.upload({ file: { fileName: "a.jsonl", content: new TextEncoder().encode("{}") }, purpose: "batch" }));
  assert.equal(error.statusCode, 400);
  assertNone(shown(error), [KEY], `upload: ${error.name}`);
  error = await rejection(files.download({ fileId: "missing" }));
  assert.equal(error.statusCode, 404);
  assertNone(shown(error), [KEY], `download: ${error.name}`);
  error = await rejection((async () => {
    for await (const _ of await files.download({ fileId: "dropped" }));
  })());
  assert.ok(error instanceof MistralError, `${error}`);
  assertNone(shown(error), [KEY], `download dropped: ${error.name}`);
});

test("a stream's error event sent three bytes at a time, the key \\u-escaped", async () => {
  handle = (req, res, body) => {
    const secrets = credentialsOf(req, body);
    const data = JSON.stringify({ type: "conversation.response.error", message: "MSG", code: 1 }).replace("MSG", secrets.flatMap(jsonSafe).join(" "));
    const text = `event: conversation.response.error\ndata: ${data}\n\n`;
    res.writeHead(200, { "content-type": "text/event-stream" });
    let at = 0;
    const next = () => (at >= text.length ? res.end() : (res.write(text.slice(at, (at += 3))), setTimeout(next, 1)));
    next();
  };
  const error = await streamError(client().beta.conversations.startStream(REQUEST));
  assert.ok(error instanceof StreamError);
  assert.equal(error.kind, "error_event");
  assert.match(error.message, /\[redacted\]/);
  assertNone(shown(error), [KEY, TOKEN], error.name);
});

test("a stream's error event as the loop hands it out, and as toReadableStream re-emits it", async () => {
  handle = (req, res, body) => {
    const secrets = credentialsOf(req, body);
    const started = { type: "conversation.response.started", conversation_id: "c1", created_at: "2026-01-01T00:00:00Z" };
    const failed = JSON.stringify({ type: "conversation.response.error", message: "MSG", code: 1, detail: { echo: "ECHO" } })
      .replace("MSG", secrets.flatMap(jsonSafe).join(" ")).replace("ECHO", secrets[0]);
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(`event: conversation.response.started\ndata: ${JSON.stringify(started)}\n\nevent: conversation.response.error\ndata: ${failed}\n\n`);
  };
  const items = [];
  const error = await rejection((async () => {
    for await (const item of await client().beta.conversations.startStream(REQUEST)) items.push(item);
  })());
  assert.equal(error.kind, "error_event");
  assert.deepEqual(items.map((item) => item.event), ["conversation.response.started", "conversation.response.error"]);
  assert.match(items[1].data.message, /^\[redacted\]( \[redacted\])+$/);
  assert.equal(items[1].data.detail.echo, "[redacted]");
  assertNone(JSON.stringify(items), [KEY, TOKEN], "the events handed out");
  const reader = (await client().beta.conversations.startStream(REQUEST)).toReadableStream().getReader();
  let sse = "";
  await rejection((async () => {
    for (let read; !(read = await reader.read()).done;) sse += new TextDecoder().decode(read.value);
  })());
  assert.match(sse, /conversation\.response\.error/);
  assertNone(sse, [KEY, TOKEN], "toReadableStream's bytes");
});

test("a too large event and an event cut by a dropped connection, each starting with the key", async () => {
  for (const [kind, write] of [
    ["too_large", (res, key) => {
      res.write(`event: conversation.response.error\ndata: {"type":"x","message":"${key}`);
      const chunk = "y".repeat(1 << 20);
      let sent = 0;
      const more = () => {
        if (sent++ > 66 || res.destroyed) return res.end();
        if (res.write(chunk)) setImmediate(more);
        else res.once("drain", more);
      };
      more();
    }],
    ["dropped", (res, key) => {
      res.write(`event: conversation.response.started\ndata: {"type":"conversation.response.started","conversation_id":"${key}`);
      setTimeout(() => res.socket.destroy(), 20);
    }],
  ]) {
    handle = (req, res) => {
      const [key] = credentialsOf(req, "");
      res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": JSON.stringify(key) });
      write(res, JSON.stringify(key).slice(1, -1));
    };
    const error = await streamError(client().beta.conversations.startStream(REQUEST));
    assert.ok(error instanceof StreamError, `${kind}: ${error}`);
    assert.equal(error.kind, kind);
    assertNone(shown(error), [KEY], `${kind}: ${error.name}`);
  }
});

test("a UTF-16 error body (either byte order) echoing the key: read as UTF-8, its letters between NULs", async () => {
  for (const order of ["utf-16le", "utf-16be"]) {
    handle = (req, res) => {
      const bytes = Buffer.from(JSON.stringify({ message: `bad key ${credentialsOf(req, "")[0]}` }), "utf16le");
      res.writeHead(401, { "content-type": `application/json; charset=${order}` }).end(order === "utf-16be" ? bytes.swap16() : bytes);
    };
    const error = await rejection(client().beta.conversations.start(REQUEST));
    assert.equal(error.statusCode, 401);
    assert.match(error.body.replaceAll("\0", ""), /bad key \[redacted\]/, order);
    // What a reader sees once the NULs are left out.
    const text = shown(error).replace(/\0|\\x00|\\u0000/g, "");
    assertNone(text, [KEY], `${order}: ${error.name}`);
  }
});

test("err.rawResponse's body is spent or empty: reading it gives no echo", async () => {
  handle = (req, res) => res.writeHead(400, { "content-type": "application/json", "x-echo": "plain" }).end(echo(credentialsOf(req, "")));
  let error = await rejection(client().beta.conversations.start(REQUEST));
  assert.equal(error.statusCode, 400);
  await assert.rejects(error.rawResponse.text(), TypeError, "the body, read by the client");
  // A redacted copy (a header showed the key) has no body.
  handle = (req, res) => res.writeHead(400, { "content-type": "application/json", "x-echo": credentialsOf(req, "")[0] }).end(echo(credentialsOf(req, "")));
  error = await rejection(client().beta.conversations.start(REQUEST));
  assert.equal(await error.rawResponse.text(), "");
});

/** The run loop's model (the conversations routes): a call of the MCP tool `echo`, then a
 * message; each body it was sent is kept in `sent`. The MCP server (`/mcp`) echoes the headers it
 * was sent in its tool's description and in its result. */
function runServer(sent, secret) {
  return (req, res, body) => {
    if (req.url.startsWith("/mcp")) {
      const message = body ? JSON.parse(body) : {};
      if (message.id === undefined) return res.writeHead(202).end();
      const echoed = `${req.headers["x-mcp-key"]} ${encodeURIComponent(req.headers["x-mcp-key"])}`;
      const result = {
        initialize: { protocolVersion: "2025-06-18", capabilities: { tools: {} }, serverInfo: { name: "h", version: "1" } },
        "tools/list": { tools: [{ name: "echo", description: `echoes ${echoed}`, inputSchema: { type: "object", description: echoed } }] },
        "tools/call": { content: [{ type: "text", text: `called with ${echoed}` }], structuredContent: { [secret]: echoed } },
      }[message.method];
      return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: message.id, result }));
    }
    sent.push(body);
    const entry = { object: "entry", id: "e1", created_at: "2026-01-01T00:00:00Z" };
    const outputs = req.url.endsWith("/conversations")
      ? [{ ...entry, type: "function.call", tool_call_id: "t1", name: "echo", arguments: "{}" }]
      : [{ ...entry, type: "message.output", role: "assistant", content: "done" }];
    const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "conversation.response", conversation_id: "c1", outputs, usage }));
  };
}

test("a run's MCP server echoing its headers in its tools and results: none reaches Mistral, the result or the log", async () => {
  const secret = "mcp-PaTh/KEY+4242";
  const sent = [];
  handle = runServer(sent, secret);
  const log = recorder();
  const result = await client({ debugLogger: log }).beta.conversations.run({
    model: "m", inputs: "hi", mcpServers: [{ url: `${url}/mcp`, headers: { "x-mcp-key": secret } }],
  });
  assert.equal(result.status, "done");
  assert.equal(sent.length, 2, "start, then the tool's result appended");
  assert.match(sent[0], /"description":"echoes \[redacted\] \[redacted\]"/);
  assert.match(sent[1], /\[redacted\]/);
  assertNone(sent.join("\n"), [secret], "what Mistral was sent");
  assertNone(JSON.stringify(result), [secret], "the run's result");
  assertNone(log.lines.join("\n"), [secret, KEY], "the log");
});
