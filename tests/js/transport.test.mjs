// node --test against the built package (pkg/), with fetch functions that record or stall: how
// one-shot calls time out (headers, then body, each within the limit) and how headers are merged
// and checked. No server.
import { test } from "node:test";
import assert from "node:assert/strict";

const { Mistral, TimeoutError, AbortError } = await import(new URL("../../pkg/node.js", import.meta.url));

const encoder = new TextEncoder();

// ----- one-shot timeouts -----

/**
 * A fetch that answers headers after `headerMs` and then never finishes the body; it honours the
 * signal. Like a real connection, it keeps the process alive until aborted (the timeout's own
 * timer does not).
 */
function stallingFetch(headerMs, seen = {}) {
  return (url, init) => {
    seen.signal = init.signal;
    const alive = setInterval(() => {}, 1000);
    init.signal?.addEventListener("abort", () => clearInterval(alive));
    return new Promise((resolve, reject) => {
      const abort = () => {
        clearTimeout(headers);
        reject(init.signal.reason ?? new DOMException("aborted", "AbortError"));
      };
      init.signal?.addEventListener("abort", abort);
      const headers = setTimeout(() => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(encoder.encode('{"object":"conversation.response",'));
            init.signal?.addEventListener("abort", () => controller.error(init.signal.reason));
          },
        });
        resolve(new Response(body, { headers: { "content-type": "application/json" } }));
      }, headerMs);
    });
  };
}

const oneShot = (fetch, options) =>
  new Mistral({ apiKey: "k", serverURL: "http://api.test", fetch, retryConfig: { strategy: "none" } })
    .beta.conversations.start({ model: "m", inputs: "hi" }, options);

test("a one-shot call whose body stalls times out waiting for the body", async () => {
  const started = performance.now();
  await assert.rejects(oneShot(stallingFetch(20), { timeoutMs: 150 }), (error) => {
    assert.ok(error instanceof TimeoutError, `${error}`);
    assert.equal(error.waitingFor, "the response body");
    return true;
  });
  const elapsed = performance.now() - started;
  assert.ok(elapsed >= 140, `timed out after ${elapsed} ms, before timeoutMs`);
});

test("a one-shot call whose headers never come times out waiting for them", async () => {
  await assert.rejects(oneShot(stallingFetch(60_000), { timeoutMs: 100 }), (error) => {
    assert.ok(error instanceof TimeoutError, `${error}`);
    assert.equal(error.waitingFor, "response headers");
    return true;
  });
});

test("timeoutMs: 0 sends no signal; a caller's signal still aborts", async () => {
  const seen = {};
  const controller = new AbortController();
  const call = oneShot(stallingFetch(20, seen), { timeoutMs: 0, signal: controller.signal });
  setTimeout(() => controller.abort(), 80);
  await assert.rejects(call, AbortError);
  assert.equal(seen.signal, controller.signal, "the caller's own signal, nothing added");

  const none = {};
  const answer = (url, init) => {
    none.signal = init.signal;
    return Promise.resolve(new Response('{"object":"conversation.response","conversation_id":"c","outputs":[],"usage":{}}',
      { headers: { "content-type": "application/json" } }));
  };
  const response = await oneShot(answer, { timeoutMs: 0 });
  assert.equal(response.conversationId, "c");
  assert.equal(none.signal, undefined);
});

test("a caller's signal and the timeout combine on one-shot calls", async () => {
  const controller = new AbortController();
  const call = oneShot(stallingFetch(20), { timeoutMs: 60_000, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(call, AbortError);
});

// ----- headers -----

/** A client whose fetch records each request's headers and answers an empty conversation. */
function recording(clientOptions = {}) {
  const seen = [];
  const fetch = (url, init) => {
    seen.push(new Headers(init.headers));
    return Promise.resolve(new Response('{"object":"conversation.response","conversation_id":"c","outputs":[],"usage":{}}',
      { headers: { "content-type": "application/json" } }));
  };
  const client = new Mistral({ apiKey: "k", serverURL: "http://api.test", fetch, ...clientOptions });
  return { seen, start: (options) => client.beta.conversations.start({ model: "m", inputs: "hi" }, options) };
}

test("headers: objects, pairs and Headers; the call's win over the client's, whatever their case", async () => {
  const { seen, start } = recording({ headers: [["X-Team", "client"], ["X-Keep", "1"]] });
  await start({ headers: new Headers({ "x-team": "call", Authorization: "Bearer other" }) });
  await start({ fetchOptions: { headers: { "X-Extra": "yes" } } });
  assert.equal(seen[0].get("x-team"), "call");
  assert.equal(seen[0].get("x-keep"), "1");
  assert.equal(seen[0].get("authorization"), "Bearer other", "user headers are applied last, as in the SDK");
  assert.equal(seen[0].get("content-type"), "application/json");
  assert.equal(seen[0].get("accept"), "application/json");
  assert.equal(seen[1].get("authorization"), "Bearer k");
  assert.equal(seen[1].get("x-extra"), "yes");
});

test("an invalid header is an InvalidRequestError before anything is sent", async () => {
  const { InvalidRequestError } = await import(new URL("../../pkg/node.js", import.meta.url));
  const { seen, start } = recording();
  await assert.rejects(start({ headers: { "bad header": "x" } }), InvalidRequestError);
  await assert.rejects(start({ headers: { "x-ok": "line\nbreak" } }), InvalidRequestError);
  assert.throws(() => new Mistral({ apiKey: "k", headers: { "bad header": "x" } }), InvalidRequestError);
  assert.equal(seen.length, 0);
});

test("a custom fetch gets (url, init) with plain-object headers; a __proto__ header is a header", async () => {
  let got;
  const fetch = (url, init) => {
    got = { url, init };
    return Promise.resolve(new Response('{"object":"conversation.response","conversation_id":"c","outputs":[],"usage":{}}',
      { headers: { "content-type": "application/json" } }));
  };
  const client = new Mistral({ apiKey: "k", serverURL: "http://api.test/", fetch });
  await client.beta.conversations.start({ model: "m", inputs: "hi" }, { headers: [["__proto__", "x"]] });
  assert.equal(got.url, "http://api.test/v1/conversations");
  assert.equal(got.init.method, "POST");
  assert.equal(Object.getPrototypeOf(got.init.headers), null);
  assert.deepEqual(Object.keys(got.init.headers), ["authorization", "accept", "content-type", "__proto__"]);
  assert.equal(got.init.headers.__proto__, "x");
  assert.deepEqual(JSON.parse(got.init.body), { inputs: "hi", model: "m", stream: false });
});

// ----- found in review of the JavaScript fetch loop -----

const { ConnectionError } = await import(new URL("../../pkg/node.js", import.meta.url));

/** A fetch answering a one-delta stream, one chunk every `gapMs`. */
function slowStreamFetch(gapMs) {
  const frame = (o) => encoder.encode(`event: ${o.type}\ndata: ${JSON.stringify(o)}\n\n`);
  const frames = [
    frame({ type: "conversation.response.started", conversation_id: "c", created_at: "2026-01-01T00:00:00Z" }),
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => frame({ type: "message.output.delta", output_index: 0, id: "m", content_index: 0, model: "m", role: "assistant", content: `${n}` })),
    frame({ type: "conversation.response.done", usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } }),
  ];
  return (url, init) => {
    let i = 0;
    const body = new ReadableStream({
      async pull(controller) {
        await new Promise((r) => setTimeout(r, gapMs));
        if (i < frames.length) controller.enqueue(frames[i++]);
        else controller.close();
      },
    });
    return Promise.resolve(new Response(body, { headers: { "content-type": "text/event-stream" } }));
  };
}

test("overlapping next() calls share reads: no event lost or repeated, no timer left behind", async () => {
  // Each gap is well within the limit; the whole stream is not.
  const client = new Mistral({ apiKey: "k", serverURL: "http://api.test", fetch: slowStreamFetch(50), timeoutMs: 150 });
  const stream = await client.beta.conversations.startStream({ model: "m", inputs: "hi" });
  const it = stream[Symbol.asyncIterator]();
  const seen = [];
  for (;;) {
    // Three pulls in flight at once, each shorter than the stream's gaps would allow in sum.
    const results = await Promise.all([it.next(), it.next(), it.next()]);
    for (const r of results) if (!r.done) seen.push(r.value.data.type === "message.output.delta" ? r.value.data.content : r.value.event);
    if (results.some((r) => r.done)) break;
  }
  assert.deepEqual(seen, ["conversation.response.started", "1", "2", "3", "4", "5", "6", "7", "8", "conversation.response.done"]);
  const timers = process.getActiveResourcesInfo().filter((r) => r === "Timeout");
  assert.equal(timers.length, 0, "no timer outlives the stream");
});

test("a custom fetch resolving to something other than a Response is a retried ConnectionError", async () => {
  for (const answer of [undefined, null, {}, { ok: true }]) {
    let calls = 0;
    const fetch = () => {
      calls++;
      return Promise.resolve(answer);
    };
    const client = new Mistral({ apiKey: "k", serverURL: "http://api.test", fetch,
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 1 }, maxRetries: 1 } });
    await assert.rejects(client.beta.conversations.start({ model: "m", inputs: "hi" }), (error) => {
      assert.ok(error instanceof ConnectionError, `${JSON.stringify(answer)}: ${error}`);
      assert.match(error.message, /fetch did not return a Response/);
      return true;
    });
    assert.equal(calls, 2, `${JSON.stringify(answer)}: the policy retried it once`);
  }
});

test("a caller's abort while an async apiKey function runs sends nothing", async () => {
  for (const timeoutMs of [0, 1000]) {
    let sent = 0;
    const fetch = () => {
      sent++;
      return Promise.resolve(new Response("{}", { headers: { "content-type": "application/json" } }));
    };
    const controller = new AbortController();
    const apiKey = () => new Promise((resolve) => setTimeout(() => resolve("k"), 50));
    setTimeout(() => controller.abort(), 10);
    const client = new Mistral({ apiKey, serverURL: "http://api.test", fetch, timeoutMs });
    await assert.rejects(client.beta.agents.get({ agentId: "a" }, { signal: controller.signal }), AbortError);
    assert.equal(sent, 0, `timeoutMs ${timeoutMs}`);
  }
});

test("without AbortSignal.any, an already aborted caller's signal still stops the request", async () => {
  // A runtime without AbortSignal.any (Node < 20.3, Safari < 17.4) takes the listener path.
  const script = `delete AbortSignal.any;
    const { Mistral } = await import(${JSON.stringify(new URL("../../pkg/node.js", import.meta.url).href)});
    let sent = 0;
    const fetch = (url, init) => { sent++; return init.signal?.aborted ? Promise.reject(init.signal.reason) : Promise.resolve(new Response("{}")); };
    const controller = new AbortController();
    const apiKey = () => { controller.abort(); return "k"; };
    try { await new Mistral({ apiKey, serverURL: "http://api.test", fetch, timeoutMs: 1000 }).beta.agents.get({ agentId: "a" }, { signal: controller.signal }); console.log("resolved"); }
    catch (e) { console.log(e.name, sent); }`;
  const { execFileSync } = await import("node:child_process");
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).trim();
  assert.equal(out, "AbortError 0");
});

test("a fractional timeoutMs below 1 means no timeout, as 0 does", async () => {
  const seen = {};
  const answer = (url, init) => {
    seen.signal = init.signal;
    return new Promise((resolve) => setTimeout(() => resolve(new Response('{"object":"conversation.response","conversation_id":"c","outputs":[],"usage":{}}',
      { headers: { "content-type": "application/json" } })), 30));
  };
  const response = await oneShot(answer, { timeoutMs: 0.5 });
  assert.equal(response.conversationId, "c");
  assert.equal(seen.signal, undefined);
  const client = new Mistral({ apiKey: "k", serverURL: "http://api.test", fetch: answer, timeoutMs: 0.5 });
  assert.equal((await client.beta.conversations.start({ model: "m", inputs: "hi" })).conversationId, "c");
});

test("resource classes are made by new Mistral() only: anything else is a TypeError naming the way in", async () => {
  const { Agents, Beta, LibraryDocuments } = await import(new URL("../../pkg/node.js", import.meta.url));
  assert.throws(() => new Agents({}), { name: "TypeError", message: "Agents is made by new Mistral(): use client.beta.agents" });
  assert.throws(() => new Beta(), /use client\.beta$/);
  assert.throws(() => new LibraryDocuments({ core: {} }), /use client\.beta\.libraries\.documents$/);
  const client = new Mistral({ apiKey: "k", serverURL: "http://api.test" });
  assert.ok(client.beta.libraries.documents instanceof LibraryDocuments);
  assert.ok(client.beta.agents instanceof Agents);
});

test("the credential as sent is redacted from errors even when the server echoes it, whoever set it", async () => {
  // A server that echoes the Authorization header in its 401 body and message.
  const echo = async (url, init) =>
    new Response(JSON.stringify({ detail: `bad credential: ${init.headers.authorization}`, echoed: init.headers }), {
      status: 401,
      headers: { "content-type": "application/json" },
    });
  const cases = [
    { secret: "sk-client-key-1", client: { apiKey: "sk-client-key-1" } },
    { secret: "sk-header-key-2", client: { apiKey: "sk-unused", headers: { Authorization: "Bearer sk-header-key-2" } } },
    { secret: "sk-call-key-3", client: { apiKey: "sk-unused" }, call: { headers: { authorization: "Bearer sk-call-key-3" } } },
    { secret: "sk-function-key-4", client: { apiKey: async () => "sk-function-key-4" } },
  ];
  for (const { secret, client, call } of cases) {
    const mistral = new Mistral({ serverURL: "http://127.0.0.1:9", fetch: echo, ...client });
    const error = await mistral.beta.conversations.start({ model: "m", inputs: "hi" }, call).then(
      () => assert.fail("a 401 must reject"),
      (e) => e,
    );
    assert.equal(error.status, 401);
    const seen = [error.message, JSON.stringify(error.body), JSON.stringify(error), String(error.stack)].join("\n");
    assert.ok(seen.includes("[redacted]"), `${secret}: the echo is there, redacted: ${seen}`);
    assert.ok(!seen.includes(secret), `${secret} leaked: ${seen}`);
  }
});

// ----- a large chunk reaches the loop in slices -----

test("one 2 MiB chunk: the first event is delivered before the chunk's end is decoded, and every event after it", async () => {
  const { StreamError } = await import(new URL("../../pkg/node.js", import.meta.url));
  const frame = (o) => `event: ${o.type}\ndata: ${JSON.stringify(o)}\n\n`;
  const delta = frame({ type: "message.output.delta", output_index: 0, id: "m", content_index: 0, model: "m", role: "assistant", content: "x" });
  const parts = [frame({ type: "conversation.response.started", conversation_id: "c", created_at: "2026-01-01T00:00:00Z" })];
  let size = parts[0].length;
  while (size < 2 * 1048576) {
    parts.push(delta);
    size += delta.length;
  }
  // The chunk's last event is malformed: the parser stops the request (aborts its signal) as soon
  // as it decodes it, so the signal tells whether the end of the chunk was decoded yet.
  parts.push("event: message.output.delta\ndata: {not json\n\n");
  const chunk = encoder.encode(parts.join(""));
  const seen = {};
  let reads = 0;
  // A Response-like answer whose body is this very stream: the chunk reaches the client as one.
  const fetch = async (url, init) => {
    seen.signal = init.signal;
    return {
      ok: true,
      status: 200,
      headers: new Headers({ "content-type": "text/event-stream" }),
      body: new ReadableStream({
        pull(controller) {
          reads++;
          controller.enqueue(chunk);
          controller.close();
        },
      }),
    };
  };
  const client = new Mistral({ apiKey: "k", serverURL: "http://api.test", fetch, retryConfig: { strategy: "none" } });
  const stream = await client.beta.conversations.startStream({ model: "m", inputs: "hi" });
  let count = 0;
  await assert.rejects(async () => {
    for await (const item of stream) {
      if (count++ === 0) {
        assert.equal(item.event, "conversation.response.started");
        assert.equal(seen.signal.aborted, false, "the whole chunk was decoded before its first event was delivered");
      }
    }
  }, (e) => e instanceof StreamError && e.kind === "malformed");
  assert.equal(reads, 1, "the body was one chunk");
  assert.equal(count, parts.length - 1, "every event before the malformed one, once");
  assert.equal(seen.signal.aborted, true, "the malformed event stopped the request");
});
