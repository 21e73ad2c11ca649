// node --test against the built package (pkg/), with mistral-emulator: the official SDK's options
// that used to be silently ignored now work as in the SDK (or are refused by name): `httpClient`
// (an HTTPClient with hooks and a fetcher; ours from `mistral-edge-client/lib/http.js`, or the
// SDK's own), `userAgent`, `debugLogger`, a call's `retryCodes`, a call's `serverURL` as a `URL`,
// and the call's other `RequestInit` members.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { HTTPClient as SdkHTTPClient } from "@mistralai/mistralai/lib/http.js";
import { Mistral as SdkMistral } from "@mistralai/mistralai";
import { startEmulator } from "../emulator/harness.mjs";
import { startStall, closedPort as freePort } from "./local-servers.mjs";

const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
const lib = await import(new URL("../../pkg/lib/http.js", import.meta.url));
const conversationsEntry = await import(new URL("../../pkg/conversations/node.js", import.meta.url));
const { Mistral, InvalidRequestError, ConnectionError, UnexpectedClientError, InternalServerError, NotFoundError, TimeoutError } = pkg;
const { HTTPClient } = lib;

const KEY = "sk-options-test-key-0123456789";
const TOKEN = "oauth-token-options-test-9876";
const FAST = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 2, exponent: 1, maxElapsedTime: 10_000 }, maxRetries: 2 };

let emu;
let stall; // answers nothing for 2 s
let closedPort;
before(async () => {
  emu = await startEmulator();
  stall = await startStall();
  closedPort = await freePort();
});
after(() => {
  emu?.close();
  stall?.close();
});

const requests = async () => (await fetch(`${emu.url}/__emulator/requests`)).json();
/** The requests the emulator saw carrying this x-emulator-fault value. */
const sentWith = async (fault) => (await requests()).filter((r) => r.headers["x-emulator-fault"] === fault);
const start = (client, options) => client.beta.conversations.start({ model: "m", inputs: "hi" }, options);
let tags = 0;
const tag = () => `key=opt${++tags}-${process.pid}`;

/** `new Mistral(options)` throws an InvalidRequestError with exactly this message. */
function refuses(options, message) {
  assert.throws(() => new Mistral(options), (e) => {
    assert.ok(e instanceof InvalidRequestError, `${e}`);
    assert.equal(e.message, `invalid request: ${message}`);
    return true;
  });
}

test("HTTPClient has the official SDK's API, from lib/http.js and from the whole client", () => {
  const manifest = JSON.parse(readFileSync(new URL("../../pkg/package.json", import.meta.url), "utf8"));
  assert.deepEqual(manifest.exports["./lib/http.js"], { types: "./lib/http.d.ts", default: "./lib/http.js" });
  assert.ok(readFileSync(new URL("../../pkg/lib/http.d.ts", import.meta.url), "utf8").includes("export declare class HTTPClient"));
  for (const Class of [HTTPClient, pkg.HTTPClient]) {
    for (const method of Object.getOwnPropertyNames(SdkHTTPClient.prototype)) {
      assert.equal(typeof Class.prototype[method], "function", method);
    }
  }
  const client = new HTTPClient();
  assert.equal(client.addHook("response", () => {}), client, "chainable");
  assert.throws(() => client.addHook("afterResponse", () => {}), /Invalid hook type: afterResponse/);
  assert.throws(() => client.removeHook("nope", () => {}), /Invalid hook type: nope/);
});

test("httpClient: beforeRequest (changing or replacing the request), response hooks, a fetcher, on every attempt", async () => {
  const fault = `fail=1,status=503,${tag()}`;
  const fetched = [];
  const statuses = [];
  const http = new HTTPClient({ fetcher: (request) => (fetched.push(request.url), fetch(request)) });
  http.addHook("beforeRequest", (request) => {
    request.headers.set("x-changed", "1");
  });
  http.addHook("beforeRequest", (request) => {
    const replaced = new Request(request);
    replaced.headers.set("x-replaced", "2");
    return replaced;
  });
  const onResponse = (response, request) => statuses.push([response.status, request.headers.get("x-replaced")]);
  http.addHook("response", onResponse);
  const client = new Mistral({ apiKey: KEY, serverURL: emu.url, httpClient: http, retryConfig: FAST });
  const response = await start(client, { headers: { "x-emulator-fault": fault } });
  assert.equal(response.object, "conversation.response");
  assert.deepEqual(statuses, [[503, "2"], [200, "2"]], "the hooks see each attempt");
  assert.deepEqual(fetched, [`${emu.url}/v1/conversations`, `${emu.url}/v1/conversations`]);
  const seen = await sentWith(fault);
  assert.equal(seen.length, 2);
  for (const request of seen) {
    assert.equal(request.headers["x-changed"], "1");
    assert.equal(request.headers["x-replaced"], "2");
  }
  // removeHook, and clone: the copy's hooks are its own.
  const copy = http.clone();
  http.removeHook("response", onResponse);
  await start(client);
  assert.equal(statuses.length, 2, "removed");
  const copied = [];
  copy.addHook("response", (r) => copied.push(r.status));
  await start(new Mistral({ apiKey: KEY, serverURL: emu.url, httpClient: copy }));
  assert.deepEqual(copied, [200]);
  assert.equal(statuses.length, 3, "the clone kept the original's hook");
  // A stream goes through it too, and its events arrive.
  let events = 0;
  for await (const _ of await client.beta.conversations.startStream({ model: "m", inputs: "count to 3" })) events++;
  assert.ok(events >= 3);
});

test("httpClient: requestError hooks, and what its failures become", async () => {
  const errors = [];
  const http = new HTTPClient().addHook("requestError", (error, request) => errors.push([error.name, request.method]));
  const offline = new Mistral({ apiKey: KEY, serverURL: `http://127.0.0.1:${closedPort}`, httpClient: http, retryConfig: FAST });
  await assert.rejects(start(offline), ConnectionError);
  assert.deepEqual(errors, [["TypeError", "POST"], ["TypeError", "POST"], ["TypeError", "POST"]], "each attempt, retried as a connection error");

  // A hook that throws is the caller's own failure: UnexpectedClientError, not retried.
  let calls = 0;
  const throwing = new HTTPClient({ fetcher: () => (calls++, Promise.reject(new Error("fetcher exploded"))) });
  const client = new Mistral({ apiKey: KEY, serverURL: emu.url, httpClient: throwing, retryConfig: FAST });
  await assert.rejects(start(client), (e) => {
    assert.ok(e instanceof UnexpectedClientError && e instanceof pkg.HTTPClientError, `${e}`);
    assert.equal(e.message, "unexpected client error: fetcher exploded");
    return true;
  });
  assert.equal(calls, 1);
  const hook = new HTTPClient().addHook("beforeRequest", () => {
    throw new RangeError("hook failed");
  });
  await assert.rejects(start(new Mistral({ apiKey: KEY, serverURL: emu.url, httpClient: hook })), UnexpectedClientError);

  // Timeouts and aborts still reach the request through its signal.
  const slow = new Mistral({ apiKey: KEY, serverURL: stall.url, httpClient: new HTTPClient(), timeoutMs: 100, retryConfig: { strategy: "none" } });
  await assert.rejects(start(slow), TimeoutError);
  await assert.rejects(start(slow, { timeoutMs: 0, signal: AbortSignal.timeout(50) }), pkg.AbortError);
});

test("httpClient: the official SDK's own HTTPClient works; bad ones are refused by name", async () => {
  const seen = [];
  const sdkClient = new SdkHTTPClient().addHook("beforeRequest", (request) => {
    seen.push(request.url);
  });
  await start(new Mistral({ apiKey: KEY, serverURL: emu.url, httpClient: sdkClient }));
  assert.deepEqual(seen, [`${emu.url}/v1/conversations`]);
  const conv = new conversationsEntry.Mistral({ apiKey: KEY, serverURL: emu.url, httpClient: new HTTPClient() });
  assert.equal((await start(conv)).object, "conversation.response");
  const message = "`httpClient` must be an HTTPClient (with `request(request)`), and comes without `fetch`";
  refuses({ apiKey: KEY, httpClient: {} }, message);
  refuses({ apiKey: KEY, httpClient: new HTTPClient(), fetch }, message);
});

test("userAgent sets the user-agent header; a call's headers still win", async () => {
  const fault = tag();
  const client = new Mistral({ apiKey: KEY, serverURL: emu.url, userAgent: "my-app/1.2" });
  await start(client, { headers: { "x-emulator-fault": fault } });
  await start(client, { headers: { "x-emulator-fault": fault, "user-agent": "per-call/3" } });
  const seen = await sentWith(fault);
  assert.deepEqual(seen.map((r) => r.headers["user-agent"]), ["my-app/1.2", "per-call/3"]);
  refuses({ apiKey: KEY, userAgent: 42 }, "`userAgent` must be a string");
});

/** A logger that records what it is given, flattened to lines, with group depth. */
function recordingLogger() {
  const lines = [];
  let depth = 0;
  const values = [];
  return {
    lines,
    values,
    group: (label) => lines.push(`${"  ".repeat(depth++)}${label}`),
    groupEnd: () => depth--,
    log: (...args) => {
      values.push(args);
      lines.push(`${"  ".repeat(depth)}${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`);
    },
  };
}

test("debugLogger logs requests and responses as the SDK does, credentials redacted", async () => {
  const ours = recordingLogger();
  const theirs = recordingLogger();
  const request = {
    model: "m", inputs: "hi",
    tools: [{ type: "connector", connectorId: "c1", authorization: { type: "oauth2-token", value: TOKEN } }],
  };
  await new Mistral({ apiKey: KEY, serverURL: emu.url, debugLogger: ours }).beta.conversations.start(request).catch(() => {});
  await new SdkMistral({ apiKey: KEY, serverURL: emu.url, debugLogger: theirs }).beta.conversations.start(request).catch(() => {});
  const url = `${emu.url}/v1/conversations`;
  // The same groups in the same order.
  const groups = (log) => log.lines.filter((l) => /^\s*(> Request|< Response|Headers:|Body:)/.test(l)).map((l) => l.trim());
  assert.deepEqual(groups(ours), [`> Request: POST ${url}`, "Headers:", "Body:", `< Response: POST ${url}`, "Headers:", "Body:"]);
  assert.deepEqual(groups(ours), groups(theirs));
  const status = (log) => log.values.find((args) => args[0] === "Status Code:");
  assert.deepEqual(status(ours), status(theirs));
  assert.ok(ours.lines.includes("    authorization: [redacted]"), ours.lines.join("\n"));
  assert.ok(ours.lines.some((l) => l.trim() === "content-type: application/json"));
  const all = ours.lines.join("\n");
  for (const secret of [KEY, TOKEN]) assert.ok(!all.includes(secret), `${secret} logged:\n${all}`);
  // The request body as an object, as the SDK logs it (the token's value redacted).
  const body = ours.values.find((args) => typeof args[0] === "object" && args[0]?.model === "m")?.[0];
  assert.equal(body.tools[0].authorization.value, "[redacted]");
  assert.equal(body.tools[0].connector_id, "c1", "the wire body");

  // A 422 that echoes the request: the token in the logged response is redacted too.
  const echoLog = recordingLogger();
  const echoing = new Mistral({ apiKey: KEY, serverURL: emu.url, debugLogger: echoLog });
  const started = await echoing.beta.conversations.start({ model: "m", inputs: "hi" });
  await assert.rejects(echoing.beta.conversations.append({ conversationId: started.conversationId, inputs: "x", tools: request.tools }), pkg.HTTPValidationError);
  const echoed = echoLog.lines.join("\n");
  const at = echoLog.values.findIndex((args) => args[0] === "Status Code:" && args[1] === 422);
  const responseBody = echoLog.values.slice(at).find((args) => typeof args[0] === "object")?.[0];
  assert.ok(JSON.stringify(responseBody.detail).includes("[redacted]"), "the echoed token, redacted in the logged body");
  assert.ok(!echoed.includes(TOKEN) && !echoed.includes(KEY), echoed);

  // A stream's body is not read for the log; a bad logger is refused.
  const streamLog = recordingLogger();
  const streaming = new Mistral({ apiKey: KEY, serverURL: emu.url, debugLogger: streamLog });
  for await (const _ of await streaming.beta.conversations.startStream({ model: "m", inputs: "count to 2" }));
  assert.ok(streamLog.lines.some((l) => l.trim().startsWith("<text/event-stream")), streamLog.lines.join("\n"));
  refuses({ apiKey: KEY, debugLogger: { log() {} } }, "`debugLogger` must be like `console` (`log`, `group`, `groupEnd`)");
  // The conversations entry leaves the logger out, and says so.
  assert.throws(() => new conversationsEntry.Mistral({ apiKey: KEY, debugLogger: console }), (e) =>
    e instanceof InvalidRequestError && e.message === "invalid request: `debugLogger` is not in this entry: import `mistral-edge-client`");
});

test("MISTRAL_DEBUG logs to the console, as in the SDK", async () => {
  const saved = { debug: process.env.MISTRAL_DEBUG, log: console.log, group: console.group };
  const lines = [];
  try {
    process.env.MISTRAL_DEBUG = "1";
    console.group = (label) => lines.push(label);
    console.log = () => {};
    await start(new Mistral({ apiKey: KEY, serverURL: emu.url }));
  } finally {
    console.log = saved.log;
    console.group = saved.group;
    if (saved.debug === undefined) delete process.env.MISTRAL_DEBUG;
    else process.env.MISTRAL_DEBUG = saved.debug;
  }
  assert.ok(lines.includes(`> Request: POST ${emu.url}/v1/conversations`), lines.join("\n"));
});

test("retryCodes choose the statuses a call retries, with the SDK's patterns", async () => {
  const withCodes = (retryCodes, fault) => ({ retries: FAST, retryCodes, headers: { "x-emulator-fault": fault } });
  const client = new Mistral({ apiKey: KEY, serverURL: emu.url });
  // 503 once, then success: retried under 5XX or 503, not under 429 alone.
  for (const [codes, retried] of [[["429"], false], [["5XX"], true], [["503"], true], [["429", "5xx"], true], [[], false]]) {
    const fault = `fail=1,status=503,${tag()}`;
    const call = start(client, withCodes(codes, fault));
    if (retried) assert.equal((await call).object, "conversation.response", `${codes}`);
    else await assert.rejects(call, InternalServerError, `${codes}`);
    assert.equal((await sentWith(fault)).length, retried ? 2 : 1, `${codes}`);
  }
  // A status the default never retries, retried because the call lists it.
  const fault = tag();
  await assert.rejects(client.beta.conversations.get({ conversationId: "conv_missing" }, withCodes(["404"], fault)), NotFoundError);
  assert.equal((await sentWith(fault)).length, 3, "the first attempt and maxRetries 2");
  for (const [codes, got] of [["5XX", "5XX"], [["5XX", "abc"], "abc"], [["42"], "42"], [["600"], "600"], [[429.5], "429.5"]]) {
    await assert.rejects(start(client, { retryCodes: codes }), (e) => e instanceof InvalidRequestError &&
      e.message === `invalid request: \`retryCodes\` must be an array of statuses ("429") and families ("5XX"), got \`${got}\``);
  }
  // Numbers are statuses too.
  const numeric = `fail=1,status=503,${tag()}`;
  assert.equal((await start(client, withCodes([503], numeric))).object, "conversation.response");
});

test("a call's serverURL may be a URL; anything else is refused by name", async () => {
  const fault = tag();
  const client = new Mistral({ apiKey: KEY, serverURL: "http://127.0.0.1:9" });
  const response = await start(client, { serverURL: new URL(`${emu.url}/`), headers: { "x-emulator-fault": fault } });
  assert.equal(response.object, "conversation.response");
  assert.equal((await sentWith(fault))[0].path, "/v1/conversations");
  await assert.rejects(start(client, { serverURL: 42 }), (e) => e instanceof InvalidRequestError && e.message === "invalid request: `serverURL` must be a string or a URL");
  await assert.rejects(start(client, { serverURL: new URL("ftp://x/") }), (e) => e instanceof InvalidRequestError && /http\(s\) URL/.test(e.message));
});

test("the call's other RequestInit members reach fetch, as the SDK passes them", async () => {
  const inits = [];
  const fetch = async (url, init) => {
    inits.push(init);
    return new Response(JSON.stringify({ object: "conversation.response", conversation_id: "c", outputs: [], usage: {} }), { headers: { "content-type": "application/json" } });
  };
  const client = new Mistral({ apiKey: KEY, fetch });
  await start(client, { credentials: "include", cache: "no-store", fetchOptions: { keepalive: true, credentials: "omit" }, method: "GET", body: "x" });
  assert.equal(inits[0].credentials, "include", "the flat option wins over fetchOptions, as in the SDK");
  assert.equal(inits[0].cache, "no-store");
  assert.equal(inits[0].keepalive, true);
  assert.equal(inits[0].method, "POST", "never the call's method");
  assert.ok(inits[0].body.includes('"model"'), "never the call's body");
  for (const key of ["retryCodes", "timeoutMs", "retries", "serverURL", "fetchOptions"]) assert.ok(!(key in inits[0]), key);
  await start(client);
  assert.equal(inits[1].credentials, undefined);
});
