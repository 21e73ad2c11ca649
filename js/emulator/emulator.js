// The in-process emulator: `createEmulator()` → `{ fetch, reset(), requests(), stats() }`.
// `fetch` takes what the global `fetch` takes and answers from the emulator's core (the same Rust
// as the mistral-emulator binary, compiled to wasm): no server, no port, no network. Any client
// that accepts a `fetch` can use it: `new Mistral({ apiKey: "test", fetch: emu.fetch })`.
//
// Each entry (index.js, node.js, workerd.js) passes `emulatorFactory` the way its runtime loads
// the wasm; the module compiles once per process and each `createEmulator()` gets its own state.

import { initSync, Emulator } from "./mistral_emulator_wasm.js";

// Where relative URLs point (`emu.fetch("/v1/agents")`); any absolute URL works too: the
// emulator ignores the host (it only shows in signed file URLs, which `emu.fetch` serves).
const BASE = "http://emulator.invalid";

let loaded;

/** `createEmulator` for a runtime whose wasm comes from `source()` (bytes or a WebAssembly.Module). */
export function emulatorFactory(source) {
  return async function createEmulator() {
    loaded ??= (async () => {
      const input = await source();
      const module = input instanceof WebAssembly.Module ? input : await WebAssembly.compile(input);
      initSync({ module });
    })();
    try {
      await loaded;
    } catch (e) {
      loaded = undefined;
      throw e;
    }
    return wrap(new Emulator());
  };
}

function wrap(core) {
  async function fetch(input, init) {
    const request =
      typeof input === "string" && input.startsWith("/") ? new Request(BASE + input, init) : new Request(input, init);
    const signal = request.signal;
    if (signal.aborted) throw signal.reason;
    const headers = [];
    request.headers.forEach((value, name) => headers.push(name, value));
    const body =
      request.method === "GET" || request.method === "HEAD" ? new Uint8Array(0) : new Uint8Array(await request.arrayBuffer());
    const parts = await abortable(core.handle(request.method, request.url, headers, body), signal);
    return toResponse(parts, request);
  }
  async function json(path, method = "GET") {
    const response = await fetch(path, { method });
    return response.status === 204 ? undefined : response.json();
  }
  return {
    fetch,
    /** Forgets everything (conversations, agents, files, connectors, libraries, faults, requests). */
    reset: () => core.reset(),
    /** The last 500 requests the emulator saw, oldest first (keys and tokens redacted). */
    requests: async () => (await json("/__emulator/requests")).map(camelKeys),
    /** Forgets the recorded requests. */
    forgetRequests: () => json("/__emulator/requests", "DELETE"),
    /** Counters since the start: requests, streams started / completed / closed early / dropped. */
    stats: async () => camelKeys(await json("/__emulator/stats")),
  };
}

// `/__emulator/...` answers in the wire's snake_case; `stats()` and `requests()` give JS's
// camelCase (`streamsClosedEarly`, `bodyBytes`). Only the top level's keys: what they hold (the
// headers by name, the request's own JSON body) is data and stays verbatim.
function camelKeys(object) {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), value]),
  );
}

// Resolves with the core's answer, or rejects with the signal's reason if it aborts first (the
// answer that comes later is then dropped).
function abortable(promise, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (parts) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) release(parts.body);
        else resolve(parts);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function release(reader) {
  reader.cancel();
  reader.free();
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

// The core's parts as a `Response` whose body pulls chunks from the core one read at a time: a
// reader that stops, cancels or aborts stops the producer. A fault that cuts the connection
// errors the body with a TypeError, as `fetch` does when a server drops one. The stream's source
// holds the `Request`: its signal follows the caller's only while the Request lives (undici
// links them through a weak reference), and an abort must reach a body still being read.
function toResponse({ status, headers: flat, body: reader }, request) {
  const { signal, method } = request;
  const headers = new Headers();
  for (let i = 0; i + 1 < flat.length; i += 2) headers.append(flat[i], flat[i + 1]);
  if (NULL_BODY.has(status) || method === "HEAD") {
    release(reader);
    return new Response(null, { status, headers });
  }
  let open = true;
  let controller;
  const finish = () => {
    if (open) {
      open = false;
      release(reader);
    }
  };
  const onAbort = () => {
    if (!open) return;
    finish();
    try {
      controller.error(signal.reason);
    } catch {}
  };
  const stream = new ReadableStream(
    {
      request,
      start(c) {
        controller = c;
        signal.addEventListener("abort", onAbort, { once: true });
      },
      async pull(c) {
        if (!open) return;
        let chunk;
        try {
          chunk = await reader.next();
        } catch (cause) {
          if (!open) return;
          finish();
          signal.removeEventListener("abort", onAbort);
          c.error(new TypeError("terminated: the emulator cut the connection", { cause }));
          return;
        }
        if (!open) return;
        if (chunk === undefined) {
          finish();
          signal.removeEventListener("abort", onAbort);
          c.close();
        } else {
          c.enqueue(chunk);
        }
      },
      cancel() {
        finish();
        signal.removeEventListener("abort", onAbort);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, { status, headers });
}
