// node --test against the built package (pkg/): code written for the official SDK's errors
// (`@mistralai/mistralai/models/errors`) catches ours. Each failure is made twice, once with the
// official SDK 2.7.0 and once with this package, against the same servers (mistral-emulator, a
// stalling server, a closed port); every SDK class the SDK's error is an instance of must hold
// for ours too, and the fields SDK code reads (`statusCode`, `body`, `headers`, `contentType`,
// `rawResponse`, `detail`, `data$`, `rawValue`, `rawMessage`, `pretty()`) must be there.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import v8 from "node:v8";
import vm from "node:vm";
import { Mistral as SdkMistral } from "@mistralai/mistralai";
import * as sdkErrors from "@mistralai/mistralai/models/errors";
import { startEmulator } from "../emulator/harness.mjs";
import { startStall, closedPort as freePort } from "./local-servers.mjs";

const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
const conversationsEntry = await import(new URL("../../pkg/conversations/node.js", import.meta.url));
const { Mistral } = pkg;

// The SDK's classes, by name; ours has each of them.
const SDK_CLASSES = [
  "MistralError", "SDKError", "HTTPValidationError", "ResponseValidationError", "SDKValidationError",
  "HTTPClientError", "ConnectionError", "RequestTimeoutError", "RequestAbortedError", "UnexpectedClientError",
  "InvalidRequestError",
];
const KEY = "sk-errors-test-key-0123456789";
const TOKEN = "oauth-token-errors-test-9876";

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

const stallURL = () => stall.url;
const faulty = (fault) => ({ headers: { "x-emulator-fault": fault } });
const none = { strategy: "none" };

/** The SDK classes `error` (thrown by the official SDK) is an instance of. */
const sdkNames = (error) => SDK_CLASSES.filter((name) => error instanceof sdkErrors[name]);
/** The same names, tested against this package's classes (from `entry`). */
const ourNames = (error, entry = pkg) => SDK_CLASSES.filter((name) => error instanceof entry[name]);

/** Runs `call` with the official SDK's client and ours; returns both rejections. */
async function both(call, { serverURL = emu.url, ...options } = {}) {
  const sdk = new SdkMistral({ apiKey: KEY, serverURL, ...options });
  const ours = new Mistral({ apiKey: KEY, serverURL, ...options });
  const theirs = await call(sdk).then(() => assert.fail("the SDK's call succeeded"), (e) => e);
  const mine = await call(ours).then(() => assert.fail("our call succeeded"), (e) => e);
  return { theirs, mine };
}

/** Every SDK class the SDK's error has, ours has (in both entries' classes). */
function sameCatch(theirs, mine, why) {
  const expected = sdkNames(theirs);
  assert.ok(expected.length > 0, `${why}: the SDK threw ${theirs}`);
  for (const entry of [pkg, conversationsEntry]) {
    const got = ourNames(mine, entry);
    for (const name of expected) assert.ok(got.includes(name), `${why}: ours (${mine.name}: ${mine.message}) is not a ${name}; the SDK's is ${expected}`);
  }
  assert.ok(mine instanceof pkg.MistralError && mine instanceof Error, why);
  assert.equal(mine.name, mine.constructor.name, why);
  assert.match(mine.message, /^[a-z0-9]/, `${why}: messages stay ours (lowercase): ${mine.message}`);
  return expected;
}

/** The fields SDK code reads on an error with a response. */
function hasResponse(error, status, why) {
  assert.equal(error.statusCode, status, why);
  assert.ok(error.rawResponse instanceof Response, why);
  assert.equal(error.rawResponse.status, status, why);
  assert.ok(error.headers instanceof Headers, why);
  assert.equal(error.headers, error.rawResponse.headers, why);
  assert.equal(error.contentType, error.headers.get("content-type") ?? "", why);
}

test("HTTP error statuses: SDKError (404, 401, 500) with the response's fields", async () => {
  for (const [call, status, cls] of [
    [(c) => c.beta.conversations.get({ conversationId: "conv_missing" }), 404, "NotFoundError"],
    [(c) => c.beta.conversations.start({ model: "m", inputs: "hi" }, { ...faulty("status=500"), retries: none }), 500, "InternalServerError"],
    [(c) => c.beta.agents.get({ agentId: "ag_missing" }, faulty("status=403")), 403, "PermissionDeniedError"],
  ]) {
    const { theirs, mine } = await both(call);
    const names = sameCatch(theirs, mine, `${status}`);
    assert.deepEqual(names, ["MistralError", "SDKError"], "the SDK's side of the oracle");
    assert.equal(mine.name, cls);
    assert.ok(mine instanceof pkg[cls] && mine instanceof pkg.APIError && mine instanceof pkg.SDKError);
    assert.ok(!(mine instanceof pkg.HTTPValidationError) && !(mine instanceof pkg.HTTPClientError) && !(mine instanceof pkg.SDKValidationError));
    hasResponse(mine, status, `${status}`);
    assert.equal(mine.contentType, theirs.contentType);
    assert.equal(mine.body, theirs.body, "the body as text, as the SDK keeps it");
    assert.equal(mine.status, status);
  }
  const anonymous = new Mistral({ apiKey: "", serverURL: emu.url });
  const e = await anonymous.beta.conversations.start({ model: "m", inputs: "hi" }).catch((x) => x);
  assert.ok(e instanceof pkg.AuthenticationError && e instanceof pkg.SDKError && e.statusCode === 401);
});

test("a 422 is an HTTPValidationError (not an SDKError, as in the SDK) with detail and data$", async () => {
  const sdk = new SdkMistral({ apiKey: KEY, serverURL: emu.url });
  const ours = new Mistral({ apiKey: KEY, serverURL: emu.url });
  // The API's 422 as the SDK gets it (ours refuses this one before sending: see below).
  const sdk422 = await sdk.beta.conversations.start({ model: "m", agentId: "ag_1", inputs: "hi" }).catch((e) => e);
  // A value the SDK refuses before sending (SDKValidationError) and ours sends: the API's 422.
  const bogus = { model: "m", inputs: "hi", handoffExecution: "bogus" };
  const sdkBogus = await sdk.beta.conversations.start(bogus).catch((e) => e);
  const our422 = await ours.beta.conversations.start(bogus).catch((e) => e);
  assert.deepEqual(sameCatch(sdk422, our422, "422"), ["MistralError", "HTTPValidationError"]);
  assert.deepEqual(sameCatch(sdkBogus, our422, "bogus enum value"), ["SDKValidationError"]);
  assert.ok(!(our422 instanceof pkg.SDKError), "the SDK matches 422 before its SDKError fallback");
  assert.ok(our422 instanceof pkg.APIError && our422.status === 422, "ours: still an APIError");
  hasResponse(our422, 422, "422");
  assert.equal(our422.contentType, sdk422.contentType);
  assert.equal(typeof our422.body, "string");
  assert.deepEqual(JSON.parse(our422.body), our422.data$);
  assert.deepEqual(our422.data$.detail, our422.detail);
  assert.deepEqual(Object.keys(our422.detail[0]).sort(), Object.keys(sdk422.detail[0]).sort());
  assert.equal(our422.detail[0].loc[1], "handoff_execution");
  assert.equal(our422.rawMessage, our422.message);
  assert.ok("rawValue" in our422 && our422.rawValue === undefined);
});

/** A handler written for the SDK, as its README writes one: which branch runs, and what it reads. */
function sdkStyleCatch(error) {
  if (error instanceof pkg.HTTPValidationError) {
    return { branch: "validation", status: error.statusCode, issues: error.data$.detail.map((d) => `${d.loc.join(".")}: ${d.msg}`), detail: error.detail.length, body: JSON.parse(error.body).detail.length, contentType: typeof error.contentType, hasHeaders: error.headers instanceof Headers };
  }
  if (error instanceof pkg.SDKError) return { branch: "sdk", status: error.statusCode };
  if (error instanceof pkg.MistralError) return { branch: "mistral" };
  return { branch: "other" };
}

test("a request refused before sending is caught where the API's 422 for it is", async () => {
  const ours = new Mistral({ apiKey: KEY, serverURL: emu.url });
  const sdk = new SdkMistral({ apiKey: KEY, serverURL: emu.url });
  // The SDK sends `model` with `agentId`; the API answers 422. Ours refuses it before sending.
  const both422 = { model: "m", agentId: "ag_1", inputs: "hi" };
  const theirs = await sdk.beta.conversations.start(both422).catch((e) => e);
  const mine = await ours.beta.conversations.start(both422).catch((e) => e);
  assert.ok(mine instanceof pkg.InvalidRequestError, `${mine}`);
  const expected = sameCatch(theirs, mine, "model with agentId");
  assert.ok(expected.includes("HTTPValidationError") || expected.includes("SDKError"), `${expected}`);
  const branch = sdkStyleCatch(mine);
  assert.equal(branch.branch, "validation");
  assert.equal(branch.status, 422);
  assert.deepEqual(branch.issues, [`: ${mine.message}`]);
  assert.equal(branch.detail, 1);
  assert.equal(branch.body, 1);
  assert.equal(branch.contentType, "string");
  assert.ok(branch.hasHeaders);
  // And where the SDK's own input validation (SDKValidationError) and its InvalidRequestError are.
  const sdkInvalid = await sdk.beta.conversations.start({ model: "m", inputs: 42 }).catch((e) => e);
  const ourInvalid = await ours.beta.conversations.start({ model: "m", inputs: 42 }).catch((e) => e);
  assert.deepEqual(sameCatch(sdkInvalid, ourInvalid, "inputs: 42"), ["SDKValidationError"]);
  for (const name of ["InvalidRequestError", "HTTPClientError", "HTTPValidationError", "SDKValidationError", "MistralError"]) {
    assert.ok(ourInvalid instanceof pkg[name], name);
  }
  assert.ok(!(ourInvalid instanceof pkg.SDKError) && !(ourInvalid instanceof pkg.APIError) && !(ourInvalid instanceof pkg.ConnectionError));
  assert.equal(ourInvalid.rawMessage, ourInvalid.message);
  assert.ok("rawValue" in ourInvalid && ourInvalid.rawValue === undefined);
  assert.equal(ourInvalid.pretty(), `InvalidRequestError: ${ourInvalid.message}`);
  assert.equal(ourInvalid.rawResponse, undefined, "nothing was sent");
  assert.equal(ourInvalid.status, undefined);
  assert.equal(ourInvalid.contentType, "");
  // An invalid option is one too.
  const badOption = await ours.beta.conversations.start({ model: "m", inputs: "hi" }, { retryCodes: "5XX" }).catch((e) => e);
  assert.equal(sdkStyleCatch(badOption).branch, "validation");
});

/**
 * The official SDK's `timeoutMs` and ours against the stalling server. The SDK's timeout is lost
 * when a garbage collection runs while it waits (its `request.clone()` in lib/sdks.js drops the
 * `AbortSignal.timeout` after GC: nodejs/undici#4068), so it then waits for the stall's 200 and
 * throws an SDKError: a loaded CI machine saw that once. The oracle is asked again until its own
 * timeout fired (at most 5 times); ours is asked once, and holds across a GC (the next test).
 */
async function sdkTimeout() {
  const call = (c) => c.beta.conversations.start({ model: "m", inputs: "hi" }, { retries: none, timeoutMs: 100 });
  const options = { apiKey: KEY, serverURL: stallURL() };
  let theirs;
  for (let attempt = 0; attempt < 5 && !(theirs instanceof sdkErrors.RequestTimeoutError); attempt++) {
    theirs = await call(new SdkMistral(options)).then(() => assert.fail("the SDK's call succeeded"), (e) => e);
  }
  const mine = await call(new Mistral(options)).then(() => assert.fail("our call succeeded"), (e) => e);
  return { theirs, mine };
}

test("no response: ConnectionError, RequestTimeoutError, RequestAbortedError are HTTPClientErrors", async () => {
  const connection = await both((c) => c.beta.conversations.start({ model: "m", inputs: "hi" }, { retries: none }),
    { serverURL: `http://127.0.0.1:${closedPort}` });
  assert.deepEqual(sameCatch(connection.theirs, connection.mine, "connection"), ["HTTPClientError", "ConnectionError"]);
  assert.equal(connection.mine.name, "ConnectionError");
  assert.ok(connection.mine.cause instanceof Error, "fetch's error, as the SDK's cause");
  assert.ok(!(connection.mine instanceof pkg.SDKError) && !(connection.mine instanceof pkg.RequestTimeoutError));
  for (const field of ["statusCode", "headers", "contentType", "rawResponse", "body"]) assert.equal(connection.mine[field], undefined, field);

  const timeout = await sdkTimeout();
  assert.deepEqual(sameCatch(timeout.theirs, timeout.mine, "timeout"), ["HTTPClientError", "RequestTimeoutError"]);
  assert.ok(timeout.mine instanceof pkg.TimeoutError && timeout.mine.timeoutMs === 100);

  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const aborted = await both((c) => c.beta.conversations.start({ model: "m", inputs: "hi" }, { signal: controller.signal }),
    { serverURL: stallURL() });
  assert.deepEqual(sameCatch(aborted.theirs, aborted.mine, "abort"), ["HTTPClientError", "RequestAbortedError"]);
  assert.ok(aborted.mine instanceof pkg.AbortError && !(aborted.mine instanceof pkg.ConnectionError));
});

test("timeoutMs holds across a garbage collection (the SDK's is lost: nodejs/undici#4068)", async () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  const ours = new Mistral({ apiKey: KEY, serverURL: stallURL() });
  for (const call of [
    () => ours.beta.conversations.start({ model: "m", inputs: "hi" }, { retries: none, timeoutMs: 150 }),
    () => ours.beta.conversations.startStream({ model: "m", inputs: "hi" }, { retries: none, timeoutMs: 150 }),
  ]) {
    const pending = call().then(() => assert.fail("the stall answered first"), (e) => e);
    for (const ms of [10, 50, 100]) setTimeout(gc, ms);
    const error = await pending;
    assert.ok(error instanceof pkg.RequestTimeoutError && error.timeoutMs === 150, `${error}`);
  }
});

test("a success the package cannot decode is a ResponseValidationError with rawValue", async () => {
  // Not JSON: the SDK throws JSON.parse's SyntaxError (no class of its own); ours is the error the
  // SDK throws for a body it cannot validate.
  const body = '{"object":"conversation.response","outputs":[],}';
  const fetch = async () => new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  const client = new Mistral({ apiKey: KEY, fetch });
  const e = await client.beta.conversations.start({ model: "m", inputs: "hi" }).catch((x) => x);
  const sdk = new SdkMistral({ apiKey: KEY, httpClient: { request: fetch } });
  const theirs = await sdk.beta.conversations.start({ model: "m", inputs: "hi" }).catch((x) => x);
  assert.ok(theirs instanceof SyntaxError, `${theirs}`);
  assert.equal(e.name, "ResponseValidationError");
  for (const name of ["ResponseValidationError", "SDKValidationError", "MistralError"]) assert.ok(e instanceof pkg[name], name);
  assert.ok(!(e instanceof pkg.SDKError) && !(e instanceof pkg.HTTPValidationError) && !(e instanceof pkg.HTTPClientError));
  hasResponse(e, 200, "undecodable");
  assert.equal(e.rawValue, body, "not JSON: the text");
  assert.equal(e.rawMessage, e.message);
  assert.equal(e.pretty(), `ResponseValidationError: ${e.message}`);
  assert.match(e.message, /^unexpected response: invalid JSON/);
});

test("stream failures carry the response; a malformed event is a ResponseValidationError", async () => {
  const client = new Mistral({ apiKey: KEY, serverURL: emu.url });
  let error;
  try {
    for await (const _ of await client.beta.conversations.startStream({ model: "m", inputs: "count to 5" }, faulty("malformed")));
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof pkg.StreamError && error.kind === "malformed", `${error}`);
  for (const name of ["ResponseValidationError", "SDKValidationError", "MistralError"]) assert.ok(error instanceof pkg[name], name);
  assert.ok(error instanceof conversationsEntry.ResponseValidationError, "across entries");
  assert.ok(!(error instanceof pkg.SDKError) && !(error instanceof pkg.HTTPClientError));
  hasResponse(error, 200, "malformed stream");
  assert.equal(error.contentType.split(";")[0], "text/event-stream");
  assert.equal(error.rawMessage, error.message);

  let dropped;
  try {
    for await (const _ of await client.beta.conversations.startStream({ model: "m", inputs: "count to 5" }, faulty("drop-after=2")));
  } catch (e) {
    dropped = e;
  }
  assert.ok(dropped instanceof pkg.StreamError && dropped.kind === "dropped", `${dropped}`);
  assert.ok(!(dropped instanceof pkg.ResponseValidationError));
  assert.equal(dropped.rawResponse?.status, 200);

  // A stream call answered with JSON: decoding it as events fails, with the response.
  const json = new Mistral({ apiKey: KEY, fetch: async () => new Response("{}", { headers: { "content-type": "application/json" } }) });
  const wrong = await json.beta.conversations.startStream({ model: "m", inputs: "hi" }).catch((x) => x);
  assert.ok(wrong instanceof pkg.ResponseValidationError, `${wrong}`);
  hasResponse(wrong, 200, "not an event stream");
});

test("every class is exported by both entries, and instanceof holds across them", async () => {
  for (const name of [...SDK_CLASSES, "APIError", "BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError",
    "ConflictError", "RateLimitError", "InternalServerError", "TimeoutError", "AbortError", "StreamError"]) {
    assert.equal(typeof pkg[name], "function", name);
    assert.equal(typeof conversationsEntry[name], "function", `conversations: ${name}`);
    assert.equal(pkg[name].name, name);
  }
  const client = new conversationsEntry.Mistral({ apiKey: KEY, serverURL: emu.url });
  const e = await client.beta.conversations.start({ model: "m", inputs: "hi" }, { ...faulty("status=409"), retries: none }).catch((x) => x);
  assert.ok(e instanceof pkg.ConflictError && e instanceof pkg.SDKError && e instanceof conversationsEntry.SDKError);
  assert.ok(!(e instanceof pkg.HTTPValidationError) && !(e instanceof pkg.UnexpectedClientError));
  assert.ok(!(new Error("x") instanceof pkg.SDKError) && !(null instanceof pkg.MistralError));
  // A subclass of ours is what its parent is, and itself.
  class Mine extends pkg.NotFoundError {}
  const mine = new Mine("m");
  assert.ok(mine instanceof Mine && mine instanceof pkg.NotFoundError && mine instanceof pkg.SDKError && !(mine instanceof pkg.ConflictError));
});

test("no credential reaches an error's strings: the key and a per-request token the API echoes in a 422", async () => {
  const client = new Mistral({ apiKey: KEY, serverURL: emu.url });
  const started = await client.beta.conversations.start({ model: "m", inputs: "hi" });
  // `tools` on append is refused, and the 422 echoes them, token and all.
  const e = await client.beta.conversations.append({
    conversationId: started.conversationId, inputs: "x",
    tools: [{ type: "connector", connectorId: "c1", authorization: { type: "oauth2-token", value: TOKEN } }],
  }).catch((x) => x);
  assert.ok(e instanceof pkg.HTTPValidationError, `${e}`);
  assert.match(e.body, /\[redacted\]/, "the API echoed the token, and it was replaced");
  const strings = JSON.stringify({ message: e.message, body: e.body, detail: e.detail, data: e.data$, contentType: e.contentType, pretty: e.pretty(), stack: e.stack, raw: e.rawMessage });
  for (const secret of [KEY, TOKEN]) assert.ok(!strings.includes(secret), `${secret} leaked: ${strings}`);
  // An InvalidRequestError's body and detail are its message, which never holds one either.
  const invalid = await client.beta.conversations.start({
    model: "m", agentId: "a", inputs: "hi",
    tools: [{ type: "connector", connectorId: "c1", authorization: { type: "oauth2-token", value: TOKEN } }],
  }).catch((x) => x);
  assert.ok(invalid instanceof pkg.InvalidRequestError);
  assert.ok(!JSON.stringify({ b: invalid.body, d: invalid.data$, m: invalid.message }).includes(TOKEN));
});
