// node --test against the built package (pkg/): the options of `new Mistral(options)` and a call's
// `retries`, read in js/transport.js (`readOptions`, `retrySlots`) and ruled on in Rust
// (src/request/settings.rs, RetryPolicy::from_slots). A recording fetch; no server.
import { test } from "node:test";
import assert from "node:assert/strict";

const { Mistral, InvalidRequestError } = await import(new URL("../../pkg/node.js", import.meta.url));

const RESPONSE = JSON.stringify({ object: "conversation.response", conversation_id: "c", outputs: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });

/** A fetch that records each request and answers `statuses` in turn (then 200s). */
function recorder(statuses = []) {
  const seen = [];
  const fetch = async (url, init) => {
    seen.push({ url, headers: init.headers });
    const status = statuses[seen.length - 1] ?? 200;
    if (status === 0) throw new TypeError("fetch failed");
    return new Response(status === 200 ? RESPONSE : "{}", { status, headers: { "content-type": "application/json" } });
  };
  return { fetch, seen };
}

const start = (client, options) => client.beta.conversations.start({ model: "m", inputs: "hi" }, options);

/** `new Mistral(options)` throws an InvalidRequestError with exactly this message. */
function refuses(options, message) {
  assert.throws(() => new Mistral(options), (e) => {
    assert.ok(e instanceof InvalidRequestError, `${e}`);
    assert.equal(e.message, `invalid request: ${message}`);
    return true;
  });
}

test("option types are checked by name", () => {
  const { fetch } = recorder();
  refuses({ apiKey: 42, fetch }, "`apiKey` must be a string or a function");
  refuses({ apiKey: "k", serverURL: 8080, fetch }, "`serverURL` must be a string");
  refuses({ apiKey: "k", server: "mars", fetch }, '`server` must be "global", "eu" or "us"');
  refuses({ apiKey: "k", server: 42, fetch }, '`server` must be "global", "eu" or "us"');
  refuses({ apiKey: "k", serverURL: "ftp://x", fetch }, "`serverURL` must be an http(s) URL (or, in a page, a path such as `/api`), got `ftp://x`");
  refuses({ apiKey: "k", fetch: "fetch" }, "`fetch` must be a function");
  refuses({ apiKey: "k", fetch, headers: "x-a: 1" }, "`headers` must be an object, an array of pairs or a Headers");
  assert.throws(() => new Mistral({ apiKey: "k", fetch, headers: { "bad name": "1" } }),
    (e) => e instanceof InvalidRequestError && e.message.startsWith("invalid request: invalid `headers`: "));
  // Not an options object at all: the defaults, as the official SDK.
  for (const options of [undefined, null]) assert.ok(new Mistral(options).beta.conversations);
});

test("server and serverURL pick where requests go; headers arrive lowercased", async () => {
  for (const [options, url] of [
    [{ server: "eu" }, "https://api.eu.mistral.ai/v1/conversations"],
    [{ server: "us" }, "https://api.us.mistral.ai/v1/conversations"],
    [{}, "https://api.mistral.ai/v1/conversations"],
    [{ serverURL: "http://127.0.0.1:9/base//", server: "eu" }, "http://127.0.0.1:9/base/v1/conversations"],
  ]) {
    const { fetch, seen } = recorder();
    await start(new Mistral({ apiKey: "k", fetch, ...options }));
    assert.equal(seen[0].url, url);
  }
  const { fetch, seen } = recorder();
  await start(new Mistral({ apiKey: "k", fetch, headers: new Headers({ "X-Team": "edge" }) }));
  await start(new Mistral({ apiKey: "k", fetch, headers: [["X-Pair", "1"]] }));
  assert.equal(seen[0].headers["x-team"], "edge");
  assert.equal(seen[1].headers["x-pair"], "1");
});

test("without apiKey, MISTRAL_API_KEY is the key; an empty one is none", async () => {
  const saved = process.env.MISTRAL_API_KEY;
  try {
    process.env.MISTRAL_API_KEY = "from-env";
    const { fetch, seen } = recorder();
    await start(new Mistral({ fetch }));
    assert.equal(seen[0].headers.authorization, "Bearer from-env");
    await start(new Mistral({ fetch, apiKey: "given" }));
    assert.equal(seen[1].headers.authorization, "Bearer given");
    process.env.MISTRAL_API_KEY = "";
    await start(new Mistral({ fetch }));
    assert.equal(seen[2].headers.authorization, undefined);
  } finally {
    if (saved === undefined) delete process.env.MISTRAL_API_KEY;
    else process.env.MISTRAL_API_KEY = saved;
  }
});

test("in a page, a path is the page's origin, and a key may go to it", async () => {
  globalThis.window = {};
  globalThis.document = {};
  globalThis.location = { origin: "https://app.example" };
  try {
    const { fetch, seen } = recorder();
    await start(new Mistral({ apiKey: "k", serverURL: "/api/mistral/", fetch }));
    assert.equal(seen[0].url, "https://app.example/api/mistral/v1/conversations");
    assert.throws(() => new Mistral({ apiKey: "k", server: "eu", fetch }), /dangerouslyAllowBrowser/);
  } finally {
    delete globalThis.window;
    delete globalThis.document;
    delete globalThis.location;
  }
  // Outside a page, a path is no URL.
  refuses({ apiKey: "k", serverURL: "/api" }, "`serverURL` must be an http(s) URL (or, in a page, a path such as `/api`), got `/api`");
});

test("retryConfig: checked by name, and obeyed", async () => {
  const { fetch } = recorder();
  refuses({ apiKey: "k", fetch, retryConfig: { strategy: "forever" } }, '`retryConfig.strategy` must be "backoff" or "none", got "forever"');
  refuses({ apiKey: "k", fetch, retryConfig: { backoff: { initialInterval: -1 } } }, "`retryConfig.backoff.initialInterval` must be a non-negative number");
  refuses({ apiKey: "k", fetch, retryConfig: { backoff: { exponent: Infinity } } }, "`retryConfig.backoff.exponent` must be a non-negative number");
  refuses({ apiKey: "k", fetch, retryConfig: { maxRetries: "3" } }, "`retryConfig.maxRetries` must be a non-negative number");

  const fast = { initialInterval: 1, maxInterval: 2 };
  const attempts = async (retryConfig, statuses, options) => {
    const r = recorder(statuses);
    await start(new Mistral({ apiKey: "k", fetch: r.fetch, retryConfig }), options).catch(() => {});
    return r.seen.length;
  };
  assert.equal(await attempts({ strategy: "none" }, [503, 503]), 1);
  assert.equal(await attempts({ strategy: "backoff", backoff: fast, maxRetries: 1 }, [503, 503, 503]), 2);
  assert.equal(await attempts({ backoff: fast, maxRetries: 3 }, [503, 503, 503]), 4);
  assert.equal(await attempts({ backoff: fast }, [503, 503, 503]), 3, "two retries by default");
  assert.equal(await attempts({ backoff: fast, retryConnectionErrors: false }, [0, 0]), 1);
  assert.equal(await attempts({ backoff: fast }, [0, 0]), 3);
  assert.equal(await attempts({ backoff: fast, maxRetries: 2 }, [400]), 1, "a 400 is never retried");
  // A call's `retries` replaces the client's policy for that call.
  assert.equal(await attempts({ strategy: "none" }, [503, 503], { retries: { backoff: fast, maxRetries: 1 } }), 2);
  assert.equal(await attempts({ backoff: fast }, [503, 503], { retries: { strategy: "none" } }), 1);
});

test("a call's bad retries option rejects the call before anything is sent", async () => {
  const { fetch, seen } = recorder();
  const client = new Mistral({ apiKey: "k", fetch });
  await assert.rejects(start(client, { retries: { backoff: { exponent: -2 } } }),
    (e) => e instanceof InvalidRequestError && e.message === "invalid request: `retries.backoff.exponent` must be a non-negative number");
  await assert.rejects(start(client, { retries: { strategy: "sometimes" } }),
    (e) => e instanceof InvalidRequestError && e.message === 'invalid request: `retries.strategy` must be "backoff" or "none", got "sometimes"');
  assert.equal(seen.length, 0);
});

test("an option that cannot be read is an option not given; a non-string server is refused by name", async () => {
  const { fetch, seen } = recorder();
  const throwing = { get apiKey() { throw new Error("no"); }, serverURL: "http://127.0.0.1:9", fetch };
  await start(new Mistral(throwing));
  assert.equal(seen[0].url, "http://127.0.0.1:9/v1/conversations");
  const hostile = new Proxy({}, { get() { throw new Error("hostile"); } });
  assert.ok(new Mistral(hostile).beta.conversations);
  refuses({ apiKey: "k", fetch, server: Symbol("eu") }, '`server` must be "global", "eu" or "us"');
  refuses({ apiKey: "k", fetch, server: ["eu"] }, '`server` must be "global", "eu" or "us"');
  // `server` does not count when `serverURL` is given, whatever it is.
  assert.ok(new Mistral({ apiKey: "k", fetch, serverURL: "http://127.0.0.1:9", server: "mars" }));
  // A runtime that guards the environment (Deno without --allow-env): no key, no error.
  const env = Object.getOwnPropertyDescriptor(process, "env");
  Object.defineProperty(process, "env", { configurable: true, get() { throw new Error("Requires env access"); } });
  try {
    await start(new Mistral({ serverURL: "http://127.0.0.1:9", fetch }));
  } finally {
    Object.defineProperty(process, "env", env);
  }
  assert.equal(seen[1].headers.authorization, undefined);
});

test("many refused clients leave the wasm as it was", () => {
  // Each refusal returns through Rust normally; a throw unwinding through the wasm would leak its
  // shadow stack until, some thousands of refusals later, every call failed.
  const hostile = new Proxy({}, { get() { throw new Error("hostile"); } });
  for (let i = 0; i < 20_000; i++) {
    assert.throws(() => new Mistral({ apiKey: 42 }), InvalidRequestError);
    assert.ok(new Mistral(hostile));
  }
  assert.ok(new Mistral({ apiKey: "k" }).beta.conversations);
});

test("a call's serverURL follows the client's rules", async () => {
  const { fetch, seen } = recorder();
  const client = new Mistral({ apiKey: "k", fetch, serverURL: "http://127.0.0.1:9" });
  await start(client, { serverURL: "http://127.0.0.1:10/other//" });
  assert.equal(seen[0].url, "http://127.0.0.1:10/other/v1/conversations");
  await assert.rejects(start(client, { serverURL: "ftp://x" }),
    (e) => e instanceof InvalidRequestError && e.message === "invalid request: `serverURL` must be an http(s) URL (or, in a page, a path such as `/api`), got `ftp://x`");
  globalThis.window = {};
  globalThis.document = {};
  globalThis.location = { origin: "https://app.example" };
  try {
    const page = new Mistral({ apiKey: "k", fetch, serverURL: "/api" });
    await start(page, { serverURL: "/other" });
    assert.equal(seen[1].url, "https://app.example/other/v1/conversations");
    // The client's key never goes to Mistral from a page, whichever option points there.
    await assert.rejects(start(page, { serverURL: "https://api.mistral.ai" }), /dangerouslyAllowBrowser/);
    const allowed = new Mistral({ apiKey: "k", fetch, serverURL: "/api", dangerouslyAllowBrowser: true });
    await start(allowed, { serverURL: "https://api.mistral.ai" });
    assert.equal(seen[2].url, "https://api.mistral.ai/v1/conversations");
  } finally {
    delete globalThis.window;
    delete globalThis.document;
    delete globalThis.location;
  }
  assert.equal(seen.length, 3);
});
