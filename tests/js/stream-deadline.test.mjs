// node --test against the built package (pkg/): what keeps a stream's per-chunk `timeoutMs` from
// firing (any bytes: a comment, a keep-alive blank line, part of an event; README "Timeouts and
// cancellation"), and `streamTimeoutMs`, a stream call's total deadline from the call's start to its
// last event. A server on 127.0.0.1, scripted by each request's `x-test` header. No wall-clock upper
// bound: the order of events, the error's class, fields and message, and lower bounds on how long a
// stream lasted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import v8 from "node:v8";
import vm from "node:vm";

const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
const { Mistral, TimeoutError, RequestTimeoutError, AbortError, InvalidRequestError, InternalServerError } = pkg;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = (data) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
const STARTED = frame({ type: "conversation.response.started", conversation_id: "c1", created_at: "2026-01-01T00:00:00Z" });
const delta = (content) =>
  frame({ type: "message.output.delta", output_index: 0, id: "m1", content_index: 0, model: "m", role: "assistant", content });
const CALL = frame({ type: "function.call.delta", output_index: 0, id: "fc1", name: "echo", tool_call_id: "t1", arguments: '{"text":"x"}' });
const DONE = frame({ type: "conversation.response.done", usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
const RESPONSE = JSON.stringify({ object: "conversation.response", conversation_id: "c1", outputs: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });

/**
 * What a request gets, by its `x-test` header (`mode:arg`):
 * - `ok`: a started event, a delta and done;
 * - `comments`: a started event, then a comment line every 100 ms for 20 s (far longer than any
 *   deadline here: a client that missed its deadline gets the delta and done, and its test fails
 *   rather than hangs), or until the client closes;
 * - `comment:<ms>`, `blank:<ms>`, `part:<ms>`: a started event, then for `ms` ms a comment line, a
 *   blank line, or the next piece of the delta's frame every 50 ms; then (the rest of) the delta and done;
 * - `silent:<ms>`: a started event, nothing for `ms` ms, then the delta and done;
 * - `no-headers`: no answer until the client closes;
 * - `busy:<s>`: a 503 asking to retry after `s` seconds; `busy-once`: a 503 to the first such request only;
 * - `json:<ms>`: a one-shot response after `ms` ms;
 * - `run`: the run loop's model: a function call, then (after the result) a message, each after
 *   800 ms of comments.
 */
async function startServer() {
  const requests = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const [mode, arg] = String(req.headers["x-test"] ?? "ok").split(":");
    requests.push({ mode, path: req.url });
    let gone = false;
    res.on("close", () => {
      gone = true;
      if (!res.writableFinished) out.closed++;
    });
    const stream = () => res.writeHead(200, { "content-type": "text/event-stream" }).write(STARTED);
    /** `piece(i)` every 50 ms for `ms` ms; resolves to how many were written. */
    const every50 = async (ms, piece) => {
      let i = 0;
      for (const end = Date.now() + ms; Date.now() < end && !gone; i++) {
        res.write(piece(i));
        await sleep(50);
      }
      return i;
    };
    if (mode === "no-headers") return;
    if (mode === "json") return setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(RESPONSE), +arg);
    if (mode === "busy" || (mode === "busy-once" && requests.filter((r) => r.mode === mode).length === 1)) {
      return res.writeHead(503, { "content-type": "application/json", "retry-after": arg ?? "0" }).end('{"message":"busy"}');
    }
    stream();
    if (mode === "comments") {
      for (const end = Date.now() + 20_000; Date.now() < end && !gone; ) {
        res.write(": keep-alive\n");
        await sleep(100);
      }
      return gone || res.end(delta("late") + DONE);
    }
    if (mode === "run") {
      await every50(800, () => ": keep-alive\n");
      return res.end(req.url.endsWith("/conversations") ? CALL + DONE : delta("done") + DONE);
    }
    let rest = delta("hello");
    if (mode === "comment") await every50(+arg, () => ": keep-alive\n");
    if (mode === "blank") await every50(+arg, () => "\n");
    if (mode === "part") {
      // The delta's frame one byte at a time (far fewer bytes than it has): no event completes.
      const whole = rest;
      rest = whole.slice(await every50(+arg, (i) => whole[i]));
    }
    if (mode === "silent") await sleep(+arg);
    if (!gone) res.end(rest + DONE);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const out = {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    closed: 0,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
  return out;
}

let server;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const client = (options) => new Mistral({ apiKey: "k", serverURL: server.url, retryConfig: { strategy: "none" }, ...options });
const on = (mode, options) => ({ headers: { "x-test": mode }, ...options });

/** The streaming methods, each called as the README shows it. */
const METHODS = {
  startStream: (c, options) => c.beta.conversations.startStream({ model: "m", inputs: "hi" }, options),
  appendStream: (c, options) => c.beta.conversations.appendStream({ conversationId: "c1", inputs: "more" }, options),
  restartStream: (c, options) => c.beta.conversations.restartStream({ conversationId: "c1", fromEntryId: "e1", inputs: "again" }, options),
  runStream: (c, options) => c.beta.conversations.runStream({ model: "m", inputs: "hi" }, options),
};

/** Reads a stream to its end or its failure: the events seen, the error if any, and how long it took. */
async function drain(open) {
  const t0 = Date.now();
  const events = [];
  try {
    for await (const { event } of await open()) events.push(event);
    return { events, ms: Date.now() - t0 };
  } catch (error) {
    return { events, error, ms: Date.now() - t0 };
  }
}

/** `error` is the total deadline's: a TimeoutError (a RequestTimeoutError, as the SDK names it) for `ms`. */
function isDeadline(error, ms) {
  assert.ok(error instanceof TimeoutError, `not a TimeoutError: ${error}`);
  assert.ok(error instanceof RequestTimeoutError, "the official SDK's class for a timeout");
  assert.equal(error.timeoutMs, ms);
  assert.equal(error.waitingFor, "the end of the stream (its total deadline, `streamTimeoutMs`)");
  assert.equal(error.message, `timed out after ${ms} ms waiting for the end of the stream (its total deadline, \`streamTimeoutMs\`)`);
  return true;
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

test("with a deadline, no timer keeps the process alive once a stream ends, is left early, or fails before it starts", async () => {
  // A fetch that answers from memory (no server, no timer of its own once answered).
  const frames = [STARTED, delta("a"), DONE].map((text) => new TextEncoder().encode(text));
  let status = 200;
  const fetch = async () =>
    status === 200
      ? new Response(new ReadableStream({ pull: (c) => (frames.length ? c.enqueue(frames.shift()) : c.close()) }, { highWaterMark: 0 }),
        { headers: { "content-type": "text/event-stream" } })
      : new Response("{}", { status, headers: { "content-type": "application/json" } });
  const c = new Mistral({ apiKey: "k", serverURL: "http://api.test", fetch, streamTimeoutMs: 60_000, retryConfig: { strategy: "none" } });
  const before = timers();
  const { events, error } = await drain(() => METHODS.startStream(c));
  assert.equal(error, undefined);
  assert.deepEqual(events, ["conversation.response.started", "message.output.delta", "conversation.response.done"]);
  assert.equal(timers(), before, "the deadline's timer outlived a stream that ended");
  frames.push(...[STARTED, DONE].map((text) => new TextEncoder().encode(text)));
  for await (const _ of await METHODS.startStream(c)) break;
  assert.equal(timers(), before, "the deadline's timer outlived a stream left early");
  status = 503;
  await assert.rejects(METHODS.startStream(c), InternalServerError);
  assert.equal(timers(), before, "the deadline's timer outlived a call that failed");
});

test("per-chunk timeoutMs: a comment line, a keep-alive blank line and part of an event each count as progress; silence does not", async () => {
  const c = client({ timeoutMs: 400 });
  for (const mode of ["comment", "blank", "part"]) {
    const { events, error, ms } = await drain(() => METHODS.startStream(c, on(`${mode}:1300`)));
    assert.equal(error, undefined, `${mode}: ${error}`);
    assert.deepEqual(events, ["conversation.response.started", "message.output.delta", "conversation.response.done"], mode);
    assert.ok(ms >= 1300, `${mode}: the stream lasted ${ms} ms, more than three times timeoutMs`);
  }
  // The same stream with no byte for as long: the per-chunk timeout.
  const { events, error } = await drain(() => METHODS.startStream(c, on("silent:1300")));
  assert.deepEqual(events, ["conversation.response.started"]);
  assert.ok(error instanceof TimeoutError && error.waitingFor === "the next chunk" && error.timeoutMs === 400, `${error}`);
});

test("streamTimeoutMs: a stream of comments ends at its deadline, after the events before it; the connection closes; the next call works", async () => {
  const c = client({ timeoutMs: 300, streamTimeoutMs: 700 });
  const closed = server.closed;
  const { events, error, ms } = await drain(() => METHODS.startStream(c, on("comments")));
  assert.deepEqual(events, ["conversation.response.started"]);
  isDeadline(error, 700);
  assert.ok(ms >= 700, `it ended after ${ms} ms`);
  assert.ok(error.rawResponse instanceof Response, "the error carries the response, as a stream's errors do");
  while (server.closed === closed) await sleep(10); // the server sees the connection close
  // finalResponse() without a loop meets the same deadline.
  const stream = await METHODS.startStream(c, on("comments"));
  await assert.rejects(stream.finalResponse(), (e) => isDeadline(e, 700));
  const next = await drain(() => METHODS.startStream(c, on("ok")));
  assert.equal(next.error, undefined);
  assert.deepEqual(next.events, ["conversation.response.started", "message.output.delta", "conversation.response.done"]);
});

test("streamTimeoutMs holds across garbage collections (a dropped AbortSignal.timeout never fires: nodejs/undici#4068)", async () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  const c = client({ timeoutMs: 5000, streamTimeoutMs: 600 });
  for (const mode of ["comments", "no-headers"]) {
    const timers = [100, 200, 300, 400, 500].map((ms) => setTimeout(gc, ms));
    const { error } = await drain(() => METHODS.startStream(c, on(mode)));
    timers.forEach(clearTimeout);
    isDeadline(error, 600);
  }
});

test("streamTimeoutMs bounds every streaming method: startStream, appendStream, restartStream, runStream (client option and per call)", async () => {
  for (const [name, open] of Object.entries(METHODS)) {
    for (const [c, options] of [[client({ streamTimeoutMs: 400 }), on("comments")], [client(), on("comments", { streamTimeoutMs: 400 })]]) {
      const { events, error } = await drain(() => open(c, options));
      assert.deepEqual(events, ["conversation.response.started"], name);
      isDeadline(error, 400);
    }
  }
  const paths = server.requests.slice(-8).map((r) => r.path);
  assert.deepEqual(paths, ["/v1/conversations", "/v1/conversations", "/v1/conversations/c1", "/v1/conversations/c1",
    "/v1/conversations/c1/restart", "/v1/conversations/c1/restart", "/v1/conversations", "/v1/conversations"]);
});

test("runStream: each step's stream has its own deadline, from that request's start", async () => {
  // Two steps of at least 800 ms each: longer than the deadline together, not one by one.
  const c = client({ streamTimeoutMs: 1500 });
  const tools = [{ type: "function", function: { name: "echo", parameters: { type: "object" } }, execute: ({ text }) => text }];
  const t0 = Date.now();
  const stream = await c.beta.conversations.runStream({ model: "m", inputs: "hi", tools }, on("run"));
  const events = [];
  for await (const { event } of stream) events.push(event);
  assert.ok(Date.now() - t0 >= 1600);
  assert.deepEqual(events, ["conversation.response.started", "function.call.delta", "conversation.response.done", "function.result",
    "conversation.response.started", "message.output.delta", "conversation.response.done"]);
  assert.equal((await stream.finalResult()).outputText, "done");
});

test("streamTimeoutMs: the call's own wins over the client's; 0 (or less than 1) turns it off; off by default", async () => {
  const { error } = await drain(() => METHODS.startStream(client({ streamTimeoutMs: 5000 }), on("comments", { streamTimeoutMs: 300 })));
  isDeadline(error, 300);
  for (const given of [undefined, null]) {
    const out = await drain(() => METHODS.startStream(client({ streamTimeoutMs: 300 }), on("comments", { streamTimeoutMs: given })));
    isDeadline(out.error, 300);
  }
  for (const [c, options] of [
    [client({ streamTimeoutMs: 300 }), on("comment:900", { streamTimeoutMs: 0 })],
    [client({ streamTimeoutMs: 300 }), on("comment:900", { streamTimeoutMs: 0.5 })],
    [client({ streamTimeoutMs: 0 }), on("comment:900")],
    [client(), on("comment:900")],
  ]) {
    const { events, error, ms } = await drain(() => METHODS.startStream(c, options));
    assert.equal(error, undefined, `${error}`);
    assert.equal(events.length, 3);
    assert.ok(ms >= 900);
  }
});

test("streamTimeoutMs must be a non-negative number: anything else is refused by name, before anything is sent", async () => {
  const message = "invalid request: `streamTimeoutMs` must be a non-negative number";
  const sent = server.requests.length;
  for (const bad of [-1, NaN, Infinity, "500", true, {}]) {
    assert.throws(() => client({ streamTimeoutMs: bad }), (e) => e instanceof InvalidRequestError && e.message === message, String(bad));
    for (const [name, open] of Object.entries(METHODS)) {
      await assert.rejects(open(client(), on("ok", { streamTimeoutMs: bad })), (e) => e instanceof InvalidRequestError && e.message === message, name);
    }
    await assert.rejects(client().beta.conversations.start({ model: "m", inputs: "hi" }, { streamTimeoutMs: bad }), InvalidRequestError);
  }
  assert.equal(server.requests.length, sent, "nothing was sent");
});

test("the deadline counts from the call's start: headers that never come; no retry that would start after it", async () => {
  const { error } = await drain(() => METHODS.startStream(client({ timeoutMs: 60_000 }), on("no-headers", { streamTimeoutMs: 400 })));
  isDeadline(error, 400);
  assert.equal(error.rawResponse, undefined, "no response had come");

  // A 503 asking for 5 s: the retry would start after the deadline, so the 503 is the answer.
  const retrying = new Mistral({ apiKey: "k", serverURL: server.url, streamTimeoutMs: 2000 });
  let count = server.requests.length;
  await assert.rejects(METHODS.startStream(retrying, on("busy:5")), (e) => e instanceof InternalServerError && e.status === 503);
  assert.equal(server.requests.length - count, 1, "no retry was sent");
  // A retry that starts within the deadline is sent.
  count = server.requests.length;
  const quick = new Mistral({ apiKey: "k", serverURL: server.url, streamTimeoutMs: 10_000,
    retryConfig: { strategy: "backoff", backoff: { initialInterval: 20, maxInterval: 20 }, maxRetries: 2 } });
  const { events } = await drain(() => METHODS.startStream(quick, on("busy-once")));
  assert.equal(events.length, 3);
  assert.equal(server.requests.length - count, 2);
});

test("streamTimeoutMs does not limit one-shot calls (their body is timeoutMs's)", async () => {
  const response = await client({ streamTimeoutMs: 1 }).beta.conversations.start({ model: "m", inputs: "hi" }, on("json:200"));
  assert.equal(response.conversationId, "c1");
});

test("a caller's abort still wins over the deadline, and the next call works", async () => {
  const c = client({ streamTimeoutMs: 5000 });
  const controller = new AbortController();
  const stream = await METHODS.startStream(c, on("comments", { signal: controller.signal }));
  const events = [];
  await assert.rejects(async () => {
    for await (const { event } of stream) {
      events.push(event);
      setTimeout(() => controller.abort(), 200);
    }
  }, (e) => e instanceof AbortError);
  assert.deepEqual(events, ["conversation.response.started"]);
  const run = await METHODS.runStream(c, on("comments"));
  setTimeout(() => run.abort(), 200);
  await assert.rejects(async () => {
    for await (const _ of run);
  }, AbortError);
  const next = await drain(() => METHODS.appendStream(c, on("ok")));
  assert.equal(next.error, undefined);
  assert.equal(next.events.length, 3);
});

test("without AbortSignal.any, the deadline still aborts the stream", async () => {
  // A runtime without AbortSignal.any (Node < 20.3, Safari < 17.4) takes the listener path.
  const script = `delete AbortSignal.any;
    const { Mistral } = await import(${JSON.stringify(new URL("../../pkg/node.js", import.meta.url).href)});
    const client = new Mistral({ apiKey: "k", serverURL: ${JSON.stringify(server.url)}, streamTimeoutMs: 300 });
    const events = [];
    try {
      for await (const { event } of await client.beta.conversations.startStream({ model: "m", inputs: "hi" }, { headers: { "x-test": "comments" } })) events.push(event);
      console.log("ended");
    } catch (e) { console.log(e.name, e.timeoutMs, events.join()); }`;
  const { execFile } = await import("node:child_process");
  const out = await new Promise((resolve, reject) =>
    execFile(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }, (error, stdout) => (error ? reject(error) : resolve(stdout))));
  assert.equal(out.trim(), "TimeoutError 300 conversation.response.started");
});
