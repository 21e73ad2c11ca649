// The fetch loop: what must be JavaScript because it awaits. Rust prepares each call (checked
// arguments, method, path, snake_case body) and makes every decision: the retry policy
// (`core.delay`), the camelCase response (`core.decode`), the typed and redacted errors
// (`core.fail`, `core.error`), the event parser (`core.stream`). This file only sends,
// times and retries (see src/bindings/transport.rs for why it is not Rust).
//
// Timeouts are per phase: the time to the response headers, then the whole body of a one-shot
// call, or the gap before each chunk of a stream (any bytes count: a comment, or part of an event).
// A timer aborts the request's own controller with a private reason, so the pending fetch or read
// rejects and the reason tells a timeout from any other abort. A stream call may also have a total
// deadline (`streamTimeoutMs`, off by default), from the call's start to its last event, retries
// included: an `AbortSignal.timeout` combined with each attempt's signal. A caller's signal is
// combined with ours, never replaced.
//
// Reading the options is js/options.js's, uploads and downloads js/files.js's, and the secrets
// rule js/redact.js's: registered by the entries (see `useRedaction` for why they are not
// imported here). Every value crossing to and from Rust goes by the names of src/request/seam.rs.

// ---- seam: generated from src/request/seam.rs by tests/seam_js.rs; do not edit (`make regen`)
// What went wrong, as the fetch loop tells the core: the `kind` of `Core::error` (which makes
// the typed error), and the `failure` of `Core::delay` (which decides on a retry), where an
// HTTP status (100 and up) stands for a response with that status.
const FAILURE_CONNECTION = 0;
const FAILURE_HEADERS_TIMEOUT = 1;
const FAILURE_BODY_TIMEOUT = 2;
const FAILURE_CHUNK_TIMEOUT = 3;
const FAILURE_ABORTED = 4;
const FAILURE_DROPPED = 5;
const FAILURE_TRUNCATED = 6;
const FAILURE_DECODE = 7;
const FAILURE_INVALID = 8;
const FAILURE_UNEXPECTED = 9;
const FAILURE_STREAM_TIMEOUT = 10;
// What a response body becomes (`CALL_RESPONSE`): how `send` reads it and what it accepts.
const RESPONSE_EMPTY = 0;
const RESPONSE_BYTES = 1;
const RESPONSE_JSON = 2;
const RESPONSE_EVENTS = 3;
// The slots of a prepared call, the array `call` (src/bindings/client.rs) hands to `send` in
// `js/transport.js`.
const CALL_OP = 0;
const CALL_METHOD = 1;
const CALL_PATH = 2;
const CALL_BODY = 3;
const CALL_RESPONSE = 4;
const CALL_UPLOAD = 5;
const CALL_UPLOAD_WRAPPER = 6;
// The slots of the array the fetch loop hands to `Core::delay` (src/bindings/transport.rs)
// after a failed attempt: whether to retry, and after how long.
const DELAY_RETRIES = 0;
const DELAY_CODES = 1;
const DELAY_FAILURE = 2;
const DELAY_RETRY = 3;
const DELAY_ELAPSED_MS = 4;
const DELAY_RETRY_AFTER_MS = 5;
const DELAY_JITTER = 6;
// ---- seam: end

const JSON_TYPE = "application/json";
// The largest one-shot response body read (64 MiB; README "Streaming", the limits).
const MAX_BODY = 67108864;
/** The `accept` header of a call whose response body becomes `response` (a `RESPONSE_*`). */
const accept = (response) =>
  response === RESPONSE_EVENTS ? "text/event-stream" : response === RESPONSE_BYTES ? "application/octet-stream" : JSON_TYPE;
// Timers above this many ms fire at once in Node and browsers (a signed 32-bit delay).
const MAX_TIMER_MS = 2147483647;
const anySignal = typeof AbortSignal === "function" && typeof AbortSignal.any === "function"
  ? (signals) => AbortSignal.any(signals)
  : undefined;

/** The secrets rule (`addSecrets`, `redact`: js/redact.js), registered by every entry's api.js
 * rather than imported: a module imported from this one made headless Chromium under
 * chromedriver hang while loading the wasm-bindgen test page. Those tests (no entry) go without. */
let redaction;
export function useRedaction(code) {
  redaction = code;
}
const addSecrets = (secrets, headers, body) => redaction?.addSecrets(secrets, headers, body);
const redact = (core, error, secrets) => (redaction ? redaction.redact(core, error, secrets) : error);

/** Reads a call's options (`callOptions`: js/options.js): registered by every entry, as the
 * secrets rule is; the wasm tests register the same function. */
let callOptions;
export function useOptions(code) {
  callOptions = code;
}

/** Uploads and downloads (`toFormData`, `bytesStream`: js/files.js), registered by the whole
 * client's entries only, as the logging code is. */
let files;
export function useFiles(code) {
  files = code;
}

/** The `debugLogger`'s code ({ request, response }, js/log.js): registered by the whole client's
 * entries only, so that the conversations entry stays small. */
let logging;
export function useLogging(code) {
  logging = code;
}

/** One attempt's controller and per-phase timer. */
/** A timeout (`ms`, 0 for none; past the longest timer, the longest) combined with the caller's
 * signal (`theirs`) and a stream call's total deadline (`deadline`, a signal, of `total` ms):
 * `signal` fires with any, `fired` tells a timeout. Also the run loop's, for its MCP requests
 * (js/mcp.js, given it by the entries). */
export class Guard {
  constructor(ms, theirs, deadline, total) {
    this.ms = Math.min(ms, MAX_TIMER_MS);
    this.deadline = deadline;
    this.total = total;
    this.controller = new AbortController();
    this.reason = {}; // marks an abort by our timer
    this.signal = this.controller.signal;
    for (const other of [theirs, deadline]) {
      if (!other) continue;
      if (anySignal) this.signal = anySignal([this.signal, other]);
      else if (other.aborted) this.controller.abort(other.reason);
      else other.addEventListener("abort", () => this.controller.abort(other.reason), { once: true });
    }
  }

  /** Awaits `promise` with the clock running; a timeout rejects it through the abort. Each call
   * has its own timer, so overlapping waits never leave one behind. */
  async within(promise) {
    if (!(this.ms > 0)) return promise;
    const { controller, reason } = this;
    const timer = setTimeout(() => controller.abort(reason), this.ms);
    try {
      return await promise;
    } finally {
      clearTimeout(timer);
    }
  }

  get fired() {
    const signal = this.controller.signal;
    return signal.aborted && signal.reason === this.reason;
  }

  abort() {
    this.controller.abort();
  }
}

/** No controller: a one-shot call without a timeout, with the caller's signal as it is. */
class NoGuard {
  constructor(theirs) {
    this.signal = theirs;
    this.ms = 0;
  }

  within(promise) {
    return promise;
  }

  get fired() {
    return false;
  }

  abort() {}
}

function invalid(core, message) {
  return core.error(FAILURE_INVALID, message);
}

/** The message of a JavaScript error, with its cause's. */
function messageOf(error) {
  const message = typeof error?.message === "string" ? error.message : undefined;
  const cause = error?.cause?.message;
  if (message !== undefined) return typeof cause === "string" ? `${message} (${cause})` : message;
  return String(error);
}

/** The key from the client's `apiKey` function (called per request; it may return a promise). */
async function keyOf(core, key) {
  let value;
  try {
    value = key();
  } catch (error) {
    throw invalid(core, `the apiKey function threw: ${messageOf(error)}`);
  }
  if (typeof value?.then === "function") {
    try {
      value = await value;
    } catch (error) {
      throw invalid(core, `the apiKey function rejected: ${messageOf(error)}`);
    }
  }
  if (typeof value !== "string") throw invalid(core, "the apiKey function must return a string");
  return value;
}

const sleep = (core, ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(core.error(FAILURE_ABORTED));
    const onAbort = () => {
      clearTimeout(timer);
      reject(core.error(FAILURE_ABORTED));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** Why a read of a body failed: the deadline, our timer (`timeout`), the caller's abort, or else
 * `otherwise`. */
const readFailure = (guard, signal, timeout, otherwise) =>
  guard.deadline?.aborted ? FAILURE_STREAM_TIMEOUT : guard.fired ? timeout : signal?.aborted ? FAILURE_ABORTED : otherwise;

const requestIdOf = (response) =>
  response.headers.get("x-request-id") ?? response.headers.get("mistral-correlation-id") ?? undefined;

/**
 * Sends a prepared call (`call`: the `CALL_*` slots Rust wrote), retrying what the policy allows
 * (always before any byte of a success body was read), and resolves to its camelCase response, its
 * `EventStream` or its bytes. `args` are the caller's arguments (an upload's file is there),
 * `options` the call's options.
 */
export function send(config, call, args, options) {
  // The credentials each attempt carried (js/redact.js): no error of this call shows them.
  const secrets = [];
  const core = config.core;
  try {
    const read = options == null ? undefined : callOptions(core, options);
    return attempt(config, core, call, secrets, args, read).catch((error) => {
      throw redact(core, error, secrets);
    });
  } catch (error) {
    return Promise.reject(redact(core, error, secrets)); // a bad call option: a rejection, as every other error
  }
}

async function attempt(config, core, call, secrets, args, options) {
  const responseKind = call[CALL_RESPONSE];
  let body = call[CALL_BODY];
  const sent = body;
  const field = call[CALL_UPLOAD];
  if (field !== undefined) {
    const wrapper = call[CALL_UPLOAD_WRAPPER];
    const holder = wrapper === undefined ? args : args?.[wrapper];
    try {
      body = await files.toFormData(field, holder?.[field], body);
    } catch (error) {
      throw invalid(core, `cannot upload \`${field}\`: ${messageOf(error)}`);
    }
  }
  const signal = options?.signal;
  const retries = options?.retries;
  const ms = Math.min(options?.timeoutMs ?? config.timeoutMs, MAX_TIMER_MS);
  // A stream call's total deadline from now, in ms (below 1: none), and its signal.
  const total = responseKind === RESPONSE_EVENTS ? options?.streamTimeoutMs ?? config.streamTimeoutMs : 0;
  const deadline = total >= 1 ? AbortSignal.timeout(Math.min(total, MAX_TIMER_MS) | 0) : undefined;
  const base = options?.serverURL ?? config.serverURL;
  const url = base + call[CALL_PATH];
  const method = call[CALL_METHOD];
  const fetch = config.fetch ?? globalThis.fetch;
  const { http, log } = config;
  const started = Date.now();
  for (let retry = 1; ; retry++) {
    if (signal?.aborted) throw core.error(FAILURE_ABORTED);
    const key = typeof config.apiKey === "function" ? await keyOf(core, config.apiKey) : config.apiKey;
    if (signal?.aborted) throw core.error(FAILURE_ABORTED);
    // A plain object without a prototype (a header named `__proto__` is a header like any
    // other), as most callers of fetch write it; the client's and the call's headers come
    // last and replace ours by name.
    const headers = Object.create(null);
    if (key !== undefined) headers.authorization = key.startsWith("Bearer ") ? key : `Bearer ${key}`;
    headers.accept = accept(responseKind);
    if (typeof body === "string") headers["content-type"] = JSON_TYPE;
    for (const [name, value] of config.headers) headers[name] = value;
    if (options) for (const [name, value] of options.headers) headers[name] = value;
    addSecrets(secrets, headers, sent);
    // A key that is not printable ASCII (as Mistral's keys and OAuth tokens are): refused here, by
    // a message that does not quote it as the runtime's would (a line break, a NUL), nor sent as
    // bytes an echo could spell in ways the secrets rule does not read (Latin-1, byte by byte).
    if (/[^ -~]/.test(headers.authorization?.trim())) {
      throw invalid(core, "the api key is not printable ASCII");
    }
    // Nothing to time out and nothing to stop early: no controller at all.
    const guard = ms === 0 && responseKind !== RESPONSE_EVENTS ? new NoGuard(signal) : new Guard(ms, signal, deadline, total);
    // The call's other `RequestInit` members (`credentials`, `cache`, ...) as the SDK passes them.
    const init = options?.init ? { ...options.init, method, headers } : { method, headers };
    if (guard.signal !== undefined) init.signal = guard.signal;
    if (body !== undefined) init.body = body;
    // What the debugLogger logs goes through the secrets rule (`secrets`) as errors do.
    if (log) await logging.request(log, url, init, core, secrets);

    let failure;
    let error;
    let response;
    try {
      // An HTTPClient of ours adds to the secrets what its hooks added (js/http.js).
      response = await guard.within(http
        ? http.request(new Request(url, init), (added) => addSecrets(secrets, added))
        : fetch(url, init));
    } catch (cause) {
      if (deadline?.aborted) throw core.error(FAILURE_STREAM_TIMEOUT, undefined, total);
      if (guard.fired) {
        failure = FAILURE_HEADERS_TIMEOUT;
        error = core.error(failure, undefined, guard.ms);
      } else if (signal?.aborted) {
        throw core.error(FAILURE_ABORTED);
      } else {
        // Through an httpClient, what is not a network failure (fetch's TypeError, a system error
        // code, Bun's ConnectionError) is the caller's hook or fetcher throwing: not retried.
        const network = !http || cause instanceof TypeError || typeof cause?.code === "string" || cause?.name === "ConnectionError";
        failure = network ? FAILURE_CONNECTION : FAILURE_UNEXPECTED;
        error = core.error(failure, cause);
        error.cause = cause;
        if (!network) throw error;
      }
    }
    if (error === undefined && (typeof response?.ok !== "boolean" || typeof response.headers?.get !== "function")) {
      // A custom fetch that resolved to something else: a connection failure, retried as one.
      failure = FAILURE_CONNECTION;
      error = core.error(failure, new Error("fetch did not return a Response"));
      response = undefined;
    }
    if (log && response) await logging.response(log, url, method, response, core, secrets);
    if (response?.ok) return receive(core, call, secrets, response, guard, signal);
    if (response !== undefined) {
      const requestId = requestIdOf(response);
      let bytes;
      try {
        bytes = new Uint8Array(await guard.within(response.arrayBuffer()));
      } catch {
        bytes = new Uint8Array(0);
      }
      // A `Retry-After` date is read here (Date.parse knows RFC 9110's three forms), its seconds
      // and the decision in Rust.
      const retryAfter = response.headers.get("retry-after") ?? undefined;
      const retryAfterDate = retryAfter === undefined ? undefined : Date.parse(retryAfter);
      error = core.fail(response.status, requestId, bytes, retryAfter, retryAfterDate);
      error.rawResponse = response;
      failure = response.status;
    }
    const ask = [];
    ask[DELAY_RETRIES] = retries;
    ask[DELAY_CODES] = options?.codes;
    ask[DELAY_FAILURE] = failure;
    ask[DELAY_RETRY] = retry;
    ask[DELAY_ELAPSED_MS] = Date.now() - started;
    ask[DELAY_RETRY_AFTER_MS] = error.retryAfterMs;
    ask[DELAY_JITTER] = Math.random();
    const wait = core.delay(ask);
    // No retry starts past the deadline: then the failure in hand is the answer.
    if (wait === undefined || (deadline && Date.now() + wait - started >= total)) throw error;
    await sleep(core, wait, signal);
  }
}

/** A success: the body as the operation's response. Its errors carry the response. */
async function receive(core, call, secrets, response, guard, signal) {
  const requestId = requestIdOf(response);
  const kind = call[CALL_RESPONSE];
  try {
    if (kind === RESPONSE_EVENTS) {
      const type = response.headers.get("content-type") ?? "";
      if (!type.includes("text/event-stream")) {
        guard.abort();
        throw core.error(FAILURE_DECODE, `expected an event stream, got \`${type}\``, 0, requestId);
      }
      if (!response.body) throw core.error(FAILURE_TRUNCATED, "the response has no body", 0, requestId);
      return core.stream(requestId, new Body(core, response, guard, signal, requestId, secrets));
    }
    if (kind === RESPONSE_BYTES) {
      // A failure of the download errors its stream with a typed, redacted error.
      const fail = (cause) => {
        const error = core.error(readFailure(guard, signal, FAILURE_CHUNK_TIMEOUT, FAILURE_CONNECTION), cause, guard.ms, requestId);
        error.rawResponse = response;
        return redact(core, error, secrets);
      };
      return files.bytesStream(response.body, guard, fail);
    }
    if (kind !== RESPONSE_JSON) return undefined;
    let buffer;
    try {
      buffer = await guard.within(response.arrayBuffer());
    } catch (cause) {
      throw core.error(readFailure(guard, signal, FAILURE_BODY_TIMEOUT, FAILURE_CONNECTION), cause, guard.ms, requestId);
    }
    // Checked before it is copied into wasm memory (its camelCase text must fit a JS string too).
    if (buffer.byteLength > MAX_BODY) {
      throw core.error(FAILURE_DECODE, `the response body is ${buffer.byteLength} bytes, over the ${MAX_BODY} bytes this client reads`, 0, requestId);
    }
    return core.decode(call[CALL_OP], new Uint8Array(buffer));
  } catch (error) {
    error.rawResponse = response;
    throw error;
  }
}

// A chunk goes to the parser in slices of at most this many bytes, and `next` returns as soon as a
// slice completes an event: a reader can hand over 1–2 MiB at once (Chromium's does), and the first
// event of such a chunk would otherwise wait until all of it was decoded. A slice is decoded in
// well under a millisecond, and costs one call into the wasm more per slice, nothing per event.
const SLICE_BYTES = 32768;

/** A stream's body: reads chunks within the idle timeout and feeds them to the parser. */
class Body {
  #core;
  #reader;
  #guard;
  #signal;
  #requestId;
  #response;
  #secrets;
  #pending;
  /** What of the last chunk was not fed to the parser yet. */
  #rest;
  #done = false;
  #aborted = false;

  constructor(core, response, guard, signal, requestId, secrets) {
    this.#core = core;
    this.#secrets = secrets;
    this.#response = response;
    this.#reader = response.body.getReader();
    this.#guard = guard;
    this.#signal = signal;
    this.#requestId = requestId;
  }

  /** Feeds chunks to `raw` until some events are complete: resolves to their count, or
   * `undefined` at the end. Its errors carry the response as `rawResponse`. */
  async next(raw) {
    try {
      for (;;) {
        if (this.#pending !== undefined) {
          const error = this.#pending;
          this.#pending = undefined;
          this.#done = true;
          throw error;
        }
        if (this.#aborted) throw this.#core.error(FAILURE_ABORTED, undefined, 0, this.#requestId);
        if (this.#done) return undefined;
        let chunk = this.#rest;
        if (chunk === undefined) {
          let read;
          try {
            read = await this.#guard.within(this.#reader.read());
          } catch (cause) {
            this.#done = true;
            const guard = this.#guard;
            const failure = this.#aborted && !guard.fired
              ? FAILURE_ABORTED
              : readFailure(guard, this.#signal, FAILURE_CHUNK_TIMEOUT, FAILURE_DROPPED);
            throw this.#core.error(failure, cause, failure === FAILURE_STREAM_TIMEOUT ? guard.total : guard.ms, this.#requestId);
          }
          if (read.done) {
            this.#done = true;
            raw.finish(); // throws a StreamError if the stream ended early
            return undefined;
          }
          chunk = read.value;
        }
        // One slice of it (SLICE_BYTES); the rest waits for the next turn of this loop.
        this.#rest = chunk.length > SLICE_BYTES ? chunk.subarray(SLICE_BYTES) : undefined;
        const count = raw.feed(this.#rest === undefined ? chunk : chunk.subarray(0, SLICE_BYTES));
        const error = raw.takeError();
        if (error !== undefined) {
          this.#guard.abort();
          this.#rest = undefined;
          this.#pending = error;
        }
        if (count > 0) return count;
      }
    } catch (error) {
      if (error !== null && typeof error === "object") error.rawResponse ??= this.#response;
      throw redact(this.#core, error, this.#secrets);
    }
  }

  /** `error` (or a text: the stream's `requestId`) without this request's credentials
   * (js/redact.js), for the stream's own errors. */
  redact(error) {
    return redact(this.#core, error, this.#secrets);
  }

  /** Stops reading and aborts the request: the server sees the connection close. */
  abort() {
    if (this.#done) return;
    this.#done = true;
    this.#aborted = true;
    this.#guard.abort();
    // Nothing awaits the cancel; a rejection must not become an unhandled one.
    this.#reader.cancel().catch(() => {});
  }
}

// ------------------------------------------------------------------ arguments as JSON
// Rust's (src/bindings/client.rs), for every call; the rest of uploads is js/files.js's.

const isBinary = (value) =>
  value instanceof ArrayBuffer ||
  ArrayBuffer.isView(value) ||
  (typeof Blob === "function" && value instanceof Blob) ||
  (typeof ReadableStream === "function" && value instanceof ReadableStream);

/**
 * A call's arguments as JSON; for an upload (`upload`), with its files replaced by `{}` (the
 * request builder only needs to see them). A number JSON cannot hold (NaN, ±Infinity) would be
 * written `null`, silently: it is refused instead, thrown as the message of the
 * `InvalidRequestError` (a string), which names where it is. Only a text that has a `null` in it
 * can hide one, so only then are the arguments walked again to find it.
 */
export function stringifyArgs(args, upload) {
  const text = JSON.stringify(args, upload ? (_key, value) => (isBinary(value) ? {} : value) : undefined);
  if (text?.includes("null")) {
    const paths = new Map();
    JSON.stringify(args, function (key, value) {
      const at = paths.get(this);
      const path = at === undefined ? "" : Array.isArray(this) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
      if (path && typeof value == "number" && !isFinite(value)) throw `\`${path}\` must be a finite number, got ${value}`;
      if (value && typeof value == "object") paths.set(value, path);
      return value;
    });
  }
  return text;
}
