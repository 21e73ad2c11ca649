// node --test against the built package (pkg/): the secrets rule (README, "Errors") beyond the
// one-shot paths of tests/js/hostile.test.mjs. A hostile server on 127.0.0.1 echoes every
// credential a request carries (the API key, a header named like a credential, a connector
// tool's `authorization.value`, a run's MCP header values) in every spelling an echo can produce,
// and none of them may reach what the `debugLogger` logs (url, status text, headers, bodies), nor
// any error of the paths tried here: a header named like a credential (`x-api-key`), a custom
// fetch's own Response and Headers classes, a caller's cause with getters or symbol keys, retries,
// pagination, uploads, downloads, streams split byte by byte, too large or cut, and what an MCP
// server answers in a run (sent on to Mistral). Also: a key that is not printable ASCII is refused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { assertNone, credentialsOf, jsonSafe, recorder, shown, spellings, startHostile } from "./secrets-server.mjs";

const { Mistral, MistralError, InvalidRequestError, HTTPClient } = await import(new URL("../../pkg/node.js", import.meta.url));

const KEY = "sk-LoG/host+ile=key\"9";
const TOKEN = "ya29.LoG/tok+en=CONN";
const HEADER = "hdr-LoG/x-api+key=77";

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
const client = (options = {}) =>
  new Mistral({ apiKey: KEY, serverURL: url, headers: { "x-api-key": HEADER }, retryConfig: { strategy: "none" }, ...options });
const rejection = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);

test("debugLogger: a server echoing every credential in its JSON body, headers and status text logs none", async () => {
  handle = (req, res, body) => {
    const secrets = credentialsOf(req, body);
    assert.equal(secrets.length, 3, "the key, the x-api-key header and the token reached the server");
    const spelled = secrets.flatMap(jsonSafe);
    res.writeHead(401, secrets[0].replace(/[^\x20-\x7e]/g, ""), {
      "content-type": "application/json",
      "x-request-id": `req ${encodeURIComponent(secrets[0])}`,
      "x-echo": spelled.join(" "),
      [`x-${secrets[1].replace(/[^\w-]/g, "")}`]: "1",
    });
    res.end(JSON.stringify({ message: "bad credentials", echo: spelled, [spelled[0]]: 1, upstream: JSON.stringify({ detail: secrets }) }));
  };
  const log = recorder();
  const error = await rejection(client({ debugLogger: log }).beta.conversations.start(REQUEST));
  assert.equal(error.statusCode, 401);
  const logged = log.lines.join("\n");
  assertNone(logged, [KEY, TOKEN, HEADER], "the log");
  assertNone(shown(error), [KEY, TOKEN, HEADER], error.name);
  // Logged as the SDK logs, with the credentials replaced.
  assert.match(logged, /^> Request: POST http:\/\/127\.0\.0\.1:\d+\/v1\/conversations$/m);
  assert.ok(log.lines.includes("authorization: [redacted]"), logged);
  assert.ok(log.lines.includes("x-api-key: [redacted]"), logged);
  assert.match(logged, /^Status Code: 401 \[redacted\]$/m);
  assert.match(logged, /^x-echo: \[redacted\]( \[redacted\])+$/m);
  assert.match(logged, /^x-request-id: req \[redacted\]$/m);
  assert.match(logged, /tools: \[\s*\{[^]*value: '\[redacted\]'/);
  assert.match(logged, /message: 'bad credentials'/);
});

test("debugLogger: a text body, a stream's headers and a body that is not JSON log none", async () => {
  for (const [type, status, stream] of [["text/plain", 500, false], ["application/json", 502, false], ["text/event-stream", 200, true]]) {
    handle = (req, res, body) => {
      const secrets = credentialsOf(req, body);
      res.writeHead(status, { "content-type": type, "x-echo": secrets.flatMap(spellings).filter((s) => /^[\x20-\x7e]*$/.test(s)).join(" ") });
      // A JSON type whose body is not JSON: logged as text, redacted.
      res.end(stream ? "" : `{ not json ${secrets.flatMap(spellings).join(" | ")}`);
    };
    const log = recorder();
    const ours = client({ debugLogger: log }).beta.conversations;
    const error = stream
      ? await rejection((async () => { for await (const _ of await ours.startStream(REQUEST)); })())
      : await rejection(ours.start(REQUEST));
    assert.ok(error instanceof MistralError, `${type}: ${error}`);
    const logged = log.lines.join("\n");
    assert.match(logged, /\[redacted\]/);
    assertNone(logged, [KEY, TOKEN, HEADER], `the log of a ${type} ${status}`);
    assertNone(shown(error), [KEY, TOKEN, HEADER], `${type}: ${error.name}`);
  }
});

test("debugLogger: the credentials of a request body (connector credentials) are not logged", async () => {
  handle = (req, res, body) => res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ detail: [{ loc: ["body"], msg: "bad", type: "x", input: JSON.parse(body) }] }));
  const secrets = ["bt-LoG-BEARER-SECRET", "cs-LoG-CLIENT-SECRET", "hv-LoG-HEADER-SECRET"];
  const credentials = { bearerToken: secrets[0], oauth: { grantType: "client_credentials", clientId: "id", clientSecret: secrets[1] }, headers: { "x-api-key": secrets[2] } };
  const log = recorder();
  const error = await rejection(client({ debugLogger: log }).beta.connectors.createCredentials({
    connectorIdOrName: "c", consumerScope: "user", credentialsCreateOrUpdate: { name: "n", credentials },
  }));
  assert.equal(error.statusCode, 422);
  const logged = log.lines.join("\n");
  assert.match(logged, /bearer_token: '\[redacted\]'/);
  assert.match(logged, /client_id: 'id'/);
  assertNone(logged, [...secrets, KEY, HEADER], "the log");
  assertNone(shown(error), [...secrets, KEY, HEADER], error.name);
});

test("debugLogger: a credential an HTTPClient hook adds, echoed by the response, is not logged", async () => {
  handle = (req, res) => res.writeHead(401, { "content-type": "application/json", "x-echo": req.headers["x-hook-token"] }).end(JSON.stringify({ headers: req.headers }));
  const httpClient = new HTTPClient().addHook("beforeRequest", (req) => {
    req.headers.set("x-hook-token", "hook-LoG-TOKEN-SECRET");
  });
  const log = recorder();
  const error = await rejection(client({ debugLogger: log, httpClient }).beta.conversations.start(REQUEST));
  assert.equal(error.statusCode, 401);
  assertNone(log.lines.join("\n"), ["hook-LoG-TOKEN-SECRET", KEY, TOKEN, HEADER], "the log");
  assertNone(shown(error), ["hook-LoG-TOKEN-SECRET", KEY, TOKEN, HEADER], error.name);
});

test("a header named like a credential (x-api-key, a cookie, a proxy's authorization) is a secret", async () => {
  handle = (req, res) => res.writeHead(401, { "content-type": "text/plain" })
    .end(`echo ${req.headers["x-api-key"]} ${req.headers.cookie} ${encodeURIComponent(req.headers["proxy-authorization"] ?? "")}`);
  const call = { headers: { cookie: "session=LoG-COOKIE-SECRET", "proxy-authorization": "Basic TG9HLXByb3h5LVNFQ1JFVA==" } };
  const error = await rejection(client().beta.conversations.start(REQUEST, call));
  assert.match(error.body, /^echo \[redacted\] \[redacted\] \[redacted\]$/);
  assertNone(shown(error), [HEADER, "LoG-COOKIE-SECRET", "TG9HLXByb3h5LVNFQ1JFVA=="], error.name);
});

test("a custom fetch's own Response and Headers classes are redacted as fetch's are", async () => {
  class OwnHeaders {
    #map;
    constructor(entries) {
      this.#map = new Map(entries);
    }
    get(name) {
      return this.#map.get(name) ?? null;
    }
    [Symbol.iterator]() {
      return this.#map[Symbol.iterator]();
    }
  }
  class OwnResponse {
    constructor(auth) {
      Object.assign(this, { status: 401, ok: false, statusText: `no ${auth}`, url: `${url}/?k=${encodeURIComponent(auth)}`, body: null });
      this.headers = new OwnHeaders([["x-request-id", auth], ["x-echo", JSON.stringify(auth)]]);
    }
    async arrayBuffer() {
      return new TextEncoder().encode(`{"message":"${this.statusText}"}`).buffer;
    }
  }
  const fetch = async (_url, init) => new OwnResponse(init.headers.authorization);
  const error = await rejection(client({ fetch }).beta.conversations.start(REQUEST));
  assert.equal(error.statusCode, 401);
  assert.match(error.rawResponse.statusText, /^no \[redacted\]$/);
  assert.equal(error.headers.get("x-request-id"), "[redacted]");
  assertNone(shown(error), [KEY], error.name);
});

test("a caller's cause with a getter, a symbol key or a Headers holding the key", async () => {
  for (const cause of [
    (auth) => ({ get request() { return { auth }; } }),
    (auth) => ({ [Symbol("auth")]: auth }),
    (auth) => ({ headers: new Headers({ authorization: auth }) }),
    (auth) => Object.freeze({ code: "ECONNRESET", get detail() { return `reset for ${auth}`; } }),
  ]) {
    const fetch = async (_url, init) => {
      throw new TypeError("fetch failed", { cause: cause(init.headers.authorization) });
    };
    const error = await rejection(client({ fetch }).beta.conversations.start(REQUEST));
    assert.equal(error.name, "ConnectionError");
    assertNone(shown(error), [KEY], `${error.name} (cause ${inspect(cause)})`);
  }
});

test("a key that is not printable ASCII is refused before sending, unquoted", async () => {
  let sent = 0;
  handle = (req, res) => (sent++, res.writeHead(401).end());
  for (const key of ["sk-caf\u00e9-LoG-12345", "sk-tab\tLoG-12345", "sk-del\x7fLoG-12345", "sk-emoji-\u{1F600}-LoG"]) {
    for (const options of [{ apiKey: key }, { apiKey: () => key }, { apiKey: undefined, headers: { authorization: `Bearer ${key}` } }]) {
      // A client's own header is refused as the client is made (by js/options.js, by name).
      const error = await rejection(Promise.resolve().then(() => client(options).beta.conversations.start(REQUEST)));
      assert.ok(error instanceof InvalidRequestError, `${JSON.stringify(key)}: ${error}`);
      assert.match(error.message, /the api key is not printable ASCII|the value of `authorization`/);
      assertNone(shown(error), [key, key.slice(0, 7), key.slice(-6)], error.name);
    }
  }
  assert.equal(sent, 0);
});
