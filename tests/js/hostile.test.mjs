// node --test against the built package (pkg/): a hostile server on 127.0.0.1 echoes every
// credential a request carries (the API key, a custom `authorization` header, a connector tool's
// `authorization.value`) in every spelling an echo can produce — as sent, JSON-escaped (`\"`,
// `\/`, `\u0073`), percent-encoded — in error bodies, `detail`, headers (`x-request-id` included),
// a redirect's URL, a stream's `error` event and a malformed event; nested (JSON in JSON), a
// token's UTF-8 bytes read as Latin-1, a frozen cause, a credential an HTTPClient hook adds, and the headers
// of a run's client-side MCP servers (the hostile server is one too). No string an error can show
// (message, stack, body, detail, requestId, headers, rawResponse, cause, JSON.stringify,
// util.inspect) holds any of them. Also: responses that are not the documented JSON object are
// typed errors with the body attached, and a key fetch would refuse is refused without quoting it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { inspect } from "node:util";

const { Mistral, MistralError, InvalidRequestError, ResponseValidationError, StreamError, APIError } = await import(
  new URL("../../pkg/node.js", import.meta.url)
);

// Past ASCII only the token: a key that is not printable ASCII is refused before sending.
const KEY = 'sk-host/ile+key="9"\\';
const TOKEN = "tok/en+conn\"ector-é5";
const CUSTOM = "custom/auth+header-7";

/** The spellings of `text` an echo can produce (each a way the text appears in a byte stream). */
function spellings(text) {
  const json = JSON.stringify(text).slice(1, -1);
  const units = [...text].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]));
  const unicode = (upper) =>
    [...text]
      .map((c) =>
        /[a-z0-9]/i.test(c) ? c : [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
      )
      .join("")
      .replace(/\\u([0-9a-f]{4})/g, (m, h) => (upper ? `\\u${h.toUpperCase()}` : m));
  const percent = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  void units;
  return [...new Set([text, json, json.replaceAll("/", "\\/"), unicode(false), unicode(true), percent, percent.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())])];
}

/** The spellings valid inside a JSON string (as sent would break the JSON when it holds `"`). */
const jsonSafe = (text) => spellings(text).filter((s) => !/(^|[^\\])"/.test(s) && !/\\(?![\\/"bfnrtu])/.test(s));

let server;
let url;
/** What the hostile server saw last: the credentials it echoes. */
function secretsOf(req, body) {
  const found = [];
  const auth = req.headers.authorization ?? "";
  found.push(auth.replace(/^Bearer /, ""));
  try {
    const visit = (v) => {
      if (v && typeof v === "object") {
        if (v.authorization && typeof v.authorization.value === "string") found.push(v.authorization.value);
        for (const k in v) visit(v[k]);
      }
    };
    visit(JSON.parse(body));
  } catch {}
  return found.filter(Boolean);
}

const HANDLERS = {
  // 422 with the secrets in `detail`, each in every JSON-safe spelling, keys too.
  detail(secrets, res) {
    const spelled = secrets.flatMap(jsonSafe);
    const items = spelled.map((s) => `{"loc":["body","${s}"],"msg":"invalid token ${s}","type":"value_error","input":{"${s}":"${s}"}}`);
    res.writeHead(422, { "content-type": "application/json" }).end(`{"detail":[${items.join(",")}]}`);
  },
  // 401 in plain text, every spelling (as sent included); the request id and a header echo it.
  text(secrets, res) {
    const spelled = secrets.flatMap(spellings);
    res
      .writeHead(401, {
        "content-type": "text/plain",
        "x-request-id": `req Bearer ${encodeURIComponent(secrets[0])}`,
        "x-echo": spelled.filter((s) => /^[\x20-\x7e]*$/.test(s)).join(" "),
      })
      .end(`unauthorized: ${spelled.join(" | ")}`);
  },
  // A redirect to a URL that holds the key, answered there with a 500.
  redirect(secrets, res, req) {
    if (req.url.includes("leak=")) return res.writeHead(500, { "content-type": "application/json" }).end('{"message":"boom"}');
    res.writeHead(302, { location: `/v1/conversations?leak=${encodeURIComponent(secrets[0])}` }).end();
  },
  // A stream whose `error` event's message echoes every secret.
  "error-event"(secrets, res) {
    const message = secrets.flatMap(jsonSafe).join(" ");
    res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": secrets[0].replace(/[^\x20-\x7e]/g, "") });
    res.end(
      `event: conversation.response.started\ndata: {"type":"conversation.response.started","conversation_id":"c1","created_at":"2026-01-01T00:00:00Z"}\n\n` +
        `event: conversation.response.error\ndata: {"type":"conversation.response.error","message":"${message}","code":1,"created_at":"2026-01-01T00:00:00Z"}\n\n`,
    );
  },
  // A stream whose event data is not JSON and starts with the key.
  malformed(secrets, res) {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(`event: conversation.response.started\ndata: ${secrets.map((s) => s.replace(/\n/g, "")).join(" ")} {{{\n\n`);
  },
  // The credential of the authorization header without its scheme (whatever the scheme), then the tokens.
  credential(secrets, res, req) {
    res.writeHead(401, { "content-type": "text/plain" }).end(`bad ${[req.headers.authorization.split(" ").pop(), ...secrets.slice(1)].join(" ")}`);
  },
  // Each secret that can be a header name, as one (HTTP lowercases it).
  "header-name"(secrets, res) {
    for (const s of secrets) if (/^[\w-]+$/.test(s)) res.setHeader(`x-${s}`, "1");
    res.writeHead(401).end("no");
  },
  // An error body longer than the 10 KiB kept of it, the secrets across the cut.
  long(secrets, res) {
    res.writeHead(400, { "content-type": "text/plain" }).end(`${"x".repeat(10240 - 8)}${secrets.join(" ")} tail`);
  },
  // A stream that sends one event then waits, its request id the key.
  "hang-stream"(secrets, res) {
    res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": secrets[0] });
    res.write(`event: conversation.response.started\ndata: {"type":"conversation.response.started","conversation_id":"c1","created_at":"2026-01-01T00:00:00Z"}\n\n`);
  },
  // A malformed event whose data holds the key after 100 characters (the preview keeps 120).
  "malformed-late"(secrets, res) {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(`event: conversation.response.started\ndata: ${"x".repeat(100)}${secrets[0]} {{{\n\n`);
  },
  // A token past ASCII echoed in a header as its UTF-8 bytes (which fetch reads as Latin-1), and
  // in the body.
  "raw-bytes"(secrets, res) {
    const token = secrets[1];
    // Node writes a header's string as Latin-1: this one carries the token's UTF-8 bytes.
    res.writeHead(401, { "content-type": "text/plain", "x-echo": Buffer.from(token, "utf8").toString("latin1") });
    res.end(`raw: ${token}`);
  },
  // A proxy's error that holds the upstream's JSON error as a string (JSON in JSON), '/' escaped.
  "nested-json"(secrets, res) {
    const php = (v) => JSON.stringify(v).replaceAll("/", "\\/");
    res.writeHead(502, { "content-type": "application/json" }).end(php({ message: "upstream failed", upstream: php({ detail: `bad ${secrets.join(" ")}` }) }));
  },
  // Every request header echoed in a JSON 401.
  headers(secrets, res, req) {
    res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ message: "bad credentials", headers: req.headers }));
  },
  // The run loop's model: a call of the MCP tool `echo`, then (the result appended) a message.
  run(secrets, res, req, body) {
    const entry = { object: "entry", id: "e1", created_at: "2026-01-01T00:00:00Z" };
    const outputs = req.url.endsWith("/conversations")
      ? [{ ...entry, type: "function.call", tool_call_id: "t1", name: "echo", arguments: "{}" }]
      : (appended.push(body), [{ ...entry, type: "message.output", role: "assistant", content: "done" }]);
    const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
    if (!JSON.parse(body).stream) {
      return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "conversation.response", conversation_id: "c1", outputs, usage }));
    }
    const [output] = outputs;
    const events = [
      { type: "conversation.response.started", conversation_id: "c1" },
      output.type === "function.call"
        ? { type: "function.call.delta", output_index: 0, id: output.id, name: output.name, tool_call_id: output.tool_call_id, arguments: output.arguments }
        : { type: "message.output.delta", output_index: 0, id: output.id, role: "assistant", content: output.content },
      { type: "conversation.response.done", usage },
    ];
    res.writeHead(200, { "content-type": "text/event-stream" }).end(events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join(""));
  },
  // FastAPI's 422: the request body echoed as `input`.
  input(secrets, res, req, body) {
    res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ detail: [{ loc: ["body"], msg: "bad", type: "x", input: JSON.parse(body) }] }));
  },
};

/** The bodies the `run` mode's model was sent by `append`. */
const appended = [];

/** A client-side MCP server (`/mcp?mode=...`) that echoes the headers it was sent (`authorization`
 * and `x-api-key`): in its refusal of `initialize` (`refuse`), or in its tool's error. */
function mcp(req, res, body) {
  const echo = `${req.headers.authorization} and ${req.headers["x-api-key"]}`;
  const message = body ? JSON.parse(body) : {};
  if (message.id === undefined) return res.writeHead(202).end();
  const answer = (result) =>
    res.writeHead(200, { "content-type": "application/json", "mcp-session-id": "s1" }).end(JSON.stringify({ jsonrpc: "2.0", id: message.id, ...result }));
  if (req.url.includes("mode=refuse")) return answer({ error: { code: -32001, message: `forbidden: ${echo}` } });
  if (message.method === "initialize") return answer({ result: { protocolVersion: "2025-06-18", capabilities: { tools: {} }, serverInfo: { name: "h", version: "1" } } });
  if (message.method === "tools/list") return answer({ result: { tools: [{ name: "echo", description: "echo", inputSchema: { type: "object" } }] } });
  answer({ result: { isError: true, content: [{ type: "text", text: `denied: ${echo}` }] } });
}

before(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url.startsWith("/mcp")) return mcp(req, res, body);
      const mode = req.headers["x-mode"];
      const secrets = secretsOf(req, body);
      const handler = HANDLERS[mode];
      if (handler) return handler(secrets, res, req, body);
      // A 200 whose body is `x-body` as it is.
      res.writeHead(200, { "content-type": "application/json" }).end(req.headers["x-body"] ?? "");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${server.address().port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const REQUEST = {
  model: "m",
  inputs: "hi",
  tools: [{ type: "connector", connectorId: "c", authorization: { type: "oauth2-token", value: TOKEN } }],
};
const none = { retries: { strategy: "none" } };

/** Every string `error` can show: its own strings, JSON, inspect output, headers, cause chain. */
function shown(error) {
  const parts = [String(error), error.stack ?? "", JSON.stringify(error) ?? "", inspect(error, { depth: 20, showHidden: true })];
  for (const key of ["body", "requestId", "rawMessage"]) if (typeof error[key] === "string") parts.push(error[key]);
  for (const key of ["detail", "data$", "rawValue"]) parts.push(JSON.stringify(error[key]) ?? "");
  try {
    parts.push(JSON.stringify(JSON.parse(error.body)));
  } catch {}
  if (error.headers) for (const [name, value] of error.headers) parts.push(`${name}: ${value}`);
  if (error.rawResponse) parts.push(String(error.rawResponse.url), String(error.rawResponse.statusText));
  for (let cause = error.cause; cause; cause = cause.cause) parts.push(String(cause.message), String(cause.stack));
  return parts.join("\n");
}

function assertClean(error, secrets = [KEY, TOKEN]) {
  assert.ok(error instanceof MistralError, `not a MistralError: ${error}`);
  const text = shown(error);
  for (const secret of secrets) {
    for (const spelled of spellings(secret)) {
      assert.ok(!text.includes(spelled), `${error.name} shows ${JSON.stringify(secret)} spelled ${JSON.stringify(spelled)}:\n${text.slice(0, 3000)}`);
    }
  }
}

const client = (options = {}) => new Mistral({ apiKey: KEY, serverURL: url, ...options });
const mode = (m, extra = {}) => ({ ...none, headers: { "x-mode": m, ...extra } });
const rejection = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);

test("a 422 echoing every secret in every JSON spelling, keys included, shows none", async () => {
  const error = await rejection(client().beta.conversations.start(REQUEST, mode("detail")));
  assert.equal(error.statusCode, 422);
  assert.ok(Array.isArray(error.detail) && error.detail.length > 0);
  assert.match(error.body, /\[redacted\]/);
  assertClean(error);
});

test("a plain-text 401, its x-request-id and another header echoing the key show none of it", async () => {
  const error = await rejection(client().beta.conversations.start(REQUEST, mode("text")));
  assert.ok(error instanceof APIError);
  assert.equal(error.statusCode, 401);
  assert.match(error.requestId, /\[redacted\]/);
  assert.match(error.headers.get("x-echo"), /\[redacted\]/);
  assertClean(error);
});

test("a custom authorization header is a secret as the key is", async () => {
  const ours = client({ headers: { authorization: `Bearer ${CUSTOM}` } });
  const error = await rejection(ours.beta.conversations.start(REQUEST, mode("text")));
  assertClean(error, [CUSTOM, TOKEN]);
});

test("a redirect to a URL holding the key leaves it out of rawResponse", async () => {
  const error = await rejection(client().beta.conversations.start(REQUEST, mode("redirect")));
  assert.equal(error.statusCode, 500);
  assertClean(error);
});

test("a stream's error event echoing the secrets, and its request id, show none", async () => {
  const stream = await client().beta.conversations.startStream(REQUEST, mode("error-event"));
  const error = await (async () => {
    try {
      for await (const _ of stream);
    } catch (e) {
      return e;
    }
    assert.fail("the stream ended without its error");
  })();
  assert.ok(error instanceof StreamError);
  assert.equal(error.kind, "error_event");
  assert.match(error.message, /\[redacted\]/);
  assertClean(error);
});

test("a malformed event whose data starts with the key shows none of it", async () => {
  const stream = await client().beta.conversations.startStream(REQUEST, mode("malformed"));
  const error = await (async () => {
    try {
      for await (const _ of stream);
    } catch (e) {
      return e;
    }
    assert.fail("the stream ended without its error");
  })();
  assert.ok(error instanceof StreamError);
  assert.equal(error.kind, "malformed");
  assertClean(error);
});

test("a key that is not printable ASCII (a line break, a NUL, a letter past ASCII) is refused before sending, unquoted", async () => {
  for (const key of ["sk-abc\ndef-12345", "sk-abc\rdef-12345", "sk-abc\0def-12345", "sk-abc\u0100def-12345", "sk-abc\u00e9def-12345", "sk-abc\tdef-12345"]) {
    const error = await rejection(client({ apiKey: key }).beta.conversations.start(REQUEST, mode("text")));
    assert.ok(error instanceof InvalidRequestError, `${JSON.stringify(key)}: ${error}`);
    assert.match(error.message, /api key/);
    assertClean(error, [key, "sk-abc", "def-12345"]);
  }
  // Whitespace around the key is what fetch trims: sent, as the official SDK sends it.
  const error = await rejection(client({ apiKey: `${KEY}\n` }).beta.conversations.start(REQUEST, mode("text")));
  assert.equal(error.statusCode, 401);
  assertClean(error);
});

test("a header value no header can carry is refused by name, never quoted", async () => {
  const secret = "hdr-secret\nvalue-42";
  for (const headers of [{ "x-custom": secret }, [["x-custom", secret]]]) {
    const error = await rejection(client().beta.conversations.start(REQUEST, { ...none, headers }));
    assert.ok(error instanceof InvalidRequestError);
    assert.match(error.message, /`x-custom`/);
    assertClean(error, ["hdr-secret", "value-42"]);
  }
  const error = await rejection(Promise.resolve().then(() => new Mistral({ apiKey: KEY, serverURL: url, headers: { "x-custom": secret } }).beta.conversations.start(REQUEST)));
  assert.ok(error instanceof InvalidRequestError, `${error}`);
  assertClean(error, ["hdr-secret", "value-42"]);
});

test("a success that is not the documented object is a typed error with its body", async () => {
  for (const [body, got] of [["", "an empty body"], ["[1,2,3]", "an array"], ["null", "null"], ["42", "a number"]]) {
    const error = await rejection(client().beta.conversations.start(REQUEST, { ...none, headers: { "x-body": body } }));
    assert.ok(error instanceof ResponseValidationError, `${JSON.stringify(body)}: ${error}`);
    assert.equal(error.message, `unexpected response: expected an object, got ${got}`);
    assert.equal(error.body, body);
  }
  // A list is documented as an array: an object is refused, an array taken.
  const error = await rejection(client().beta.agents.list(undefined, { ...none, headers: { "x-body": "{}" } }));
  assert.ok(error instanceof ResponseValidationError);
  assert.deepEqual(await client().beta.agents.list(undefined, { ...none, headers: { "x-body": "[]" } }), []);
});

test("the conversations entry and the standalone functions redact as the client does", async () => {
  const { Mistral: Small } = await import(new URL("../../pkg/conversations/node.js", import.meta.url));
  assertClean(await rejection(new Small({ apiKey: KEY, serverURL: url }).beta.conversations.start(REQUEST, mode("text"))));
  assertClean(await rejection(new Small({ apiKey: KEY, serverURL: url }).beta.conversations.start(REQUEST, mode("detail"))));
});

// Leaks found by the hostile review (branch `attack`). Those still open are marked `todo`
// (reported, not counted) until their fix lands: remove the `todo` with the fix.

/** Asserts that no string `error` can show holds any of `fragments` (parts of a credential). */
function assertNoFragment(error, fragments) {
  const text = shown(error) + inspect(error, { depth: 20, showHidden: true, getters: true });
  for (const fragment of fragments) assert.ok(!text.includes(fragment), `${error?.name} shows ${JSON.stringify(fragment)}:\n${text.slice(0, 2000)}`);
}
const connector = (...tokens) => ({
  model: "m",
  inputs: "hi",
  tools: tokens.map((value, i) => ({ type: "connector", connectorId: `c${i}`, authorization: { type: "bearer", value } })),
});

test("a token that holds the api key, or another token, is redacted whole", async () => {
  let error = await rejection(client({ apiKey: "sk-inner-1234" }).beta.conversations.start(connector("outer-sk-inner-1234-rest-SECRET"), mode("text")));
  assertNoFragment(error, ["outer-", "-rest-SECRET"]);
  error = await rejection(client().beta.conversations.start(connector("ghp_shared", "ghp_shared_plus_PRIVATE"), mode("text")));
  assertNoFragment(error, ["_plus_PRIVATE"]);
});

test("the credential of a custom authorization header is a secret whatever its scheme", async () => {
  for (const [header, credential] of [["Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="], ["Token abcdef0123456789", "abcdef0123456789"], ["bearer lower-case-SECRET", "lower-case-SECRET"]]) {
    const error = await rejection(client({ headers: { authorization: header } }).beta.conversations.start(REQUEST, mode("credential")));
    assert.equal(error.statusCode, 401);
    assertNoFragment(error, [credential]);
  }
});

test("a response header whose name holds the key", async () => {
  const key = "sk-HeaderName-SECRET42";
  const error = await rejection(client({ apiKey: key }).beta.conversations.start(REQUEST, mode("header-name")));
  assert.equal(error.statusCode, 401);
  assertNoFragment(error, [key, key.toLowerCase()]);
});

test("a key across the 10 KiB cut of an error body", async () => {
  const key = "sk-STRADDLE-0123456789-SECRET";
  const error = await rejection(client({ apiKey: key }).beta.conversations.start(REQUEST, mode("long")));
  assert.equal(error.statusCode, 400);
  assertNoFragment(error, [key.slice(0, 8)]);
});

test("an aborted stream's AbortError, and the stream's requestId", async () => {
  const key = "sk-stream-key-SECRET-0123";
  const stream = await client({ apiKey: key }).beta.conversations.startStream(REQUEST, mode("hang-stream"));
  let error;
  try {
    for await (const _ of stream) stream.abort();
  } catch (e) {
    error = e;
  }
  assert.equal(error?.name, "AbortError");
  assertNoFragment(error, [key]);
  assert.ok(!String(stream.requestId).includes(key), `EventStream.requestId shows the key: ${stream.requestId}`);
});

test("a malformed event's preview that cuts through the key", async () => {
  const key = "sk-preview-key-SECRET-0123";
  const stream = await client({ apiKey: key }).beta.conversations.startStream(REQUEST, mode("malformed-late"));
  let error;
  try {
    for await (const _ of stream);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof StreamError);
  assertNoFragment(error, [key.slice(0, 12)]);
});

test("a token past ASCII echoed in a header as its UTF-8 bytes (read as Latin-1), and in the body", async () => {
  const token = "tok-\u00e9t\u00e9-latin1-SECRET";
  const error = await rejection(client().beta.conversations.start(connector(token), mode("raw-bytes")));
  assert.equal(error.statusCode, 401);
  assert.match(error.body, /^raw: \[redacted\]$/);
  assert.match(error.headers.get("x-echo"), /^\[redacted\]$/);
  assertNoFragment(error, ["-latin1-SECRET"]);
});

test("an upstream's JSON error nested in a proxy's JSON error", async () => {
  const token = "ya29.a0AfH6SM/abc+def/SECRET=";
  const error = await rejection(client().beta.conversations.start(connector(token), mode("nested-json")));
  assert.equal(error.statusCode, 502);
  assertNoFragment(error, ["SECRET="]);
});

test("an httpClient failure whose cause is frozen", async () => {
  const key = "sk-httpclient-SECRET-99";
  class HookError extends Error {}
  for (const frozen of [
    (auth) => Object.freeze({ message: `reset for ${auth}`, code: "ECONNRESET" }),
    (auth) => Object.freeze(Object.assign(new HookError(`reset for ${auth}`), { code: "ECONNRESET", seen: [auth] })),
  ]) {
    const httpClient = {
      request: async (request) => {
        throw new TypeError("fetch failed", { cause: frozen(request.headers.get("authorization")) });
      },
    };
    const error = await rejection(new Mistral({ apiKey: key, serverURL: url, httpClient }).beta.conversations.start(REQUEST, none));
    assert.equal(error.name, "ConnectionError");
    assertNoFragment(error, [key]);
    // A copy of the same class in its place, its other properties kept.
    const cause = error.cause.cause;
    assert.equal(cause.code, "ECONNRESET");
    assert.match(cause.message, /^reset for \[redacted\]$/);
    if (cause instanceof Error) assert.ok(cause instanceof HookError && cause.seen[0] === "[redacted]");
  }
});

test("connector credentials (bearer token, client secret, header values) echoed by a 422", async () => {
  const credentialsCreateOrUpdate = {
    name: "n",
    credentials: {
      bearerToken: "bt-BEARER-SECRET",
      oauth: { grantType: "client_credentials", clientId: "id", clientSecret: "cs-CLIENT-SECRET" },
      headers: { "x-api-key": "hdr-HEADER-SECRET" },
    },
  };
  const error = await rejection(client().beta.connectors.createCredentials({ connectorIdOrName: "c", consumerScope: "user", credentialsCreateOrUpdate }, mode("input")));
  assert.equal(error.statusCode, 422);
  assertNoFragment(error, ["bt-BEARER-SECRET", "cs-CLIENT-SECRET", "hdr-HEADER-SECRET"]);
});

test("a key under 4 characters is not looked for (README): it would mangle ordinary words", async () => {
  const short = await rejection(client({ apiKey: "k3y" }).beta.conversations.start(REQUEST, mode("credential")));
  assert.equal(short.statusCode, 401);
  assert.match(short.body, /^bad k3y \[redacted\]$/);
  const four = await rejection(client({ apiKey: "k3y4" }).beta.conversations.start(REQUEST, mode("credential")));
  assert.match(four.body, /^bad \[redacted\] \[redacted\]$/);
  assertNoFragment(four, ["k3y4"]);
});

test("a credential a hook of HTTPClient adds is a secret too (the header as it leaves)", async () => {
  const { HTTPClient } = await import(new URL("../../pkg/lib/http.js", import.meta.url));
  const httpClient = new HTTPClient().addHook("beforeRequest", (req) => {
    req.headers.set("x-api-key", "hook-KEY-SECRET-1");
    req.headers.set("authorization", "Token hook-TOKEN-SECRET-2");
  });
  const error = await rejection(new Mistral({ apiKey: KEY, serverURL: url, httpClient }).beta.conversations.start(REQUEST, mode("headers")));
  assert.equal(error.statusCode, 401);
  assert.equal(JSON.parse(error.body).headers["x-api-key"], "[redacted]");
  assertNoFragment(error, ["hook-KEY-SECRET-1", "hook-TOKEN-SECRET-2"]);
});

const MCP_TOKEN = "mcp-oauth-TOKEN-1234";
const MCP_KEY = "mcp-api/KEY+5678";
const mcpRun = (mode, extra = {}) => ({
  model: "m",
  inputs: "hi",
  mcpServers: [{ url: `${url}/mcp?mode=${mode}`, headers: [["authorization", `Bearer ${MCP_TOKEN}`], ["x-api-key", MCP_KEY]] }],
  ...extra,
});

test("an MCP server's headers: its tool's error echoing them reaches the model redacted", async () => {
  for (const streaming of [false, true]) {
    appended.length = 0;
    const conversations = client().beta.conversations;
    const result = streaming
      ? await (await conversations.runStream(mcpRun("echo"), mode("run"))).finalResult()
      : await conversations.run(mcpRun("echo"), mode("run"));
    assert.equal(result.status, "done");
    assert.equal(appended.length, 1);
    assert.match(appended[0], /denied: \[redacted\] and \[redacted\]/);
    for (const text of [appended[0], JSON.stringify(result)]) {
      for (const secret of [MCP_TOKEN, MCP_KEY, encodeURIComponent(MCP_KEY)]) assert.ok(!text.includes(secret), `${secret} in ${text}`);
    }
  }
});

test("an MCP server's headers: no error of the run shows them", async () => {
  const conversations = client().beta.conversations;
  // Its refusal of initialize, quoting them.
  let error = await rejection(conversations.run(mcpRun("refuse"), mode("run")));
  assert.match(error.message, /refused initialize: forbidden: \[redacted\] and \[redacted\]/);
  assertNoFragment(error, [MCP_TOKEN, MCP_KEY]);
  error = await rejection(conversations.runStream(mcpRun("refuse"), mode("run")));
  assertNoFragment(error, [MCP_TOKEN, MCP_KEY]);
  // Its tool's error, thrown with throwOnToolError.
  error = await rejection(conversations.run(mcpRun("echo"), { ...mode("run"), throwOnToolError: true }));
  assert.match(error.message, /denied: \[redacted\] and \[redacted\]/);
  assertNoFragment(error, [MCP_TOKEN, MCP_KEY]);
  // A header value fetch refuses: the runtime's message quotes it.
  const bad = mcpRun("echo");
  bad.mcpServers[0].headers = { authorization: "Bearer mcp-bad\nTOKEN-9876" };
  error = await rejection(conversations.run(bad, mode("run")));
  assertNoFragment(error, ["mcp-bad\nTOKEN-9876", "TOKEN-9876"]);
});
