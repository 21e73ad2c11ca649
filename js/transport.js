// The fetch loop: what must be JavaScript because it awaits. Rust prepares each call (checked
// arguments, method, path, snake_case body) and makes every decision: the retry policy
// (`core.delay`), the camelCase response (`core.decode`), the typed and redacted errors
// (`core.fail`, `core.error`), the event parser (`core.stream`). This file only sends,
// times and retries (see src/bindings/transport.rs for why it is not Rust).
//
// Timeouts are per phase, never one total: the time to the response headers, then the whole body
// of a one-shot call, or the gap before each chunk of a stream. A timer aborts the request's own
// controller with a private reason, so the pending fetch or read rejects and the reason tells a
// timeout from any other abort. A caller's signal is combined with ours, never replaced.
//
// Uploads and downloads are js/files.js's, and the secrets rule js/redact.js's: registered by the
// entries (see `useRedaction` for why they are not imported here).

const JSON_TYPE = "application/json";
const ACCEPT = [JSON_TYPE, "application/octet-stream", JSON_TYPE, "text/event-stream"];
const BYTES = 1;
const JSON_BODY = 2;
const EVENTS = 3;
// Failures as `core.delay` takes them, else the HTTP status (`Failure::CONNECTION` and
// `Failure::HEADERS_TIMEOUT` in src/request/retry.rs).
const CONNECTION = 0;
const HEADERS_TIMEOUT = 1;
// The largest one-shot response body read (64 MiB; README "Streaming", the limits).
const MAX_BODY = 67108864;
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
const addSecrets = (secrets, authorization, body) => redaction?.addSecrets(secrets, authorization, body);
const redact = (core, error, secrets) => (redaction ? redaction.redact(core, error, secrets) : error);

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
class Guard {
  constructor(ms, theirs) {
    this.ms = ms;
    this.theirs = theirs;
    this.controller = new AbortController();
    this.reason = {}; // marks an abort by our timer
    const ours = this.controller.signal;
    if (!theirs) this.signal = ours;
    else if (anySignal) this.signal = anySignal([ours, theirs]);
    else if (theirs.aborted) {
      this.controller.abort(theirs.reason);
      this.signal = ours;
    } else {
      theirs.addEventListener("abort", () => this.controller.abort(theirs.reason), { once: true });
      this.signal = ours;
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
  return core.error("invalid", message, 0, undefined);
}

/** A bad option, found before there is a `core` to make the typed error: its message travels to
 * whoever has one (`callOptions`, or `configure` in Rust). */
class OptionError {
  constructor(message) {
    this.message = message;
  }
}

/** Adds a `HeadersInit`'s pairs, read as fetch reads them (checked, names lowercased). */
function addHeaders(out, init) {
  if (init == null) return;
  if (typeof init !== "object") throw new OptionError("`headers` must be an object, an array of pairs or a Headers");
  let headers;
  try {
    headers = new Headers(init);
  } catch {
    // Never the runtime's message: it quotes the value, which may be a credential.
    throw new OptionError(`invalid \`headers\`: ${badHeader(init)}`);
  }
  for (const [name, value] of headers) out.push([name, value]);
}

/** Which header of `init` no `Headers` takes, by name when the name is a valid one. */
function badHeader(init) {
  let pairs = [];
  try {
    pairs = Array.isArray(init) ? init : Object.entries(init);
  } catch {}
  for (const pair of pairs) {
    try {
      new Headers([pair]);
    } catch {
      const name = Array.isArray(pair) ? pair[0] : undefined;
      return typeof name === "string" && /^[\w!#$%&'*+.^`|~-]+$/.test(name)
        ? `the value of \`${name}\` holds a character no header can carry (a line break, a NUL or one above U+00FF)`
        : "a header name that is not a valid token, or a pair that is not [name, value]";
    }
  }
  return "not a list of [name, value] pairs";
}

/** Whole ms, or `undefined` when not a number: a fraction below 1, or NaN, means no timeout. */
function wholeMs(value) {
  return typeof value === "number" ? Math.floor(Math.max(0, value)) || 0 : undefined;
}

/**
 * A `RetryConfig` (`{ strategy: "none" }`, or `{ strategy: "backoff", backoff, maxRetries,
 * retryConnectionErrors }`) as the numbers `RetryPolicy::from_slots` (src/request/retry.rs) reads:
 * `[0]` for none, else `[1, initialInterval, maxInterval, exponent, maxElapsedTime, maxRetries,
 * retryConnectionErrors]` with NaN for each one left to the default. `what` names the option.
 */
function retrySlots(config, what) {
  const named = read(config, "strategy");
  const strategy = typeof named === "string" ? named : undefined;
  if (strategy === "none") return [0];
  if (strategy !== undefined && strategy !== "backoff") {
    throw new OptionError(`\`${what}.strategy\` must be "backoff" or "none", got "${strategy}"`);
  }
  const number = (value, name) => {
    if (value == null) return NaN;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
    throw new OptionError(`\`${what}.${name}\` must be a non-negative number`);
  };
  const backoff = read(config, "backoff");
  const connection = read(config, "retryConnectionErrors");
  return [
    1,
    number(read(backoff, "initialInterval"), "backoff.initialInterval"),
    number(read(backoff, "maxInterval"), "backoff.maxInterval"),
    number(read(backoff, "exponent"), "backoff.exponent"),
    number(read(backoff, "maxElapsedTime"), "backoff.maxElapsedTime"),
    number(read(config, "maxRetries"), "maxRetries"),
    typeof connection === "boolean" ? +connection : NaN,
  ];
}

/** `object[key]`, or `undefined` when it is nullish or reading it throws (a getter, a Proxy, a
 * runtime that guards the environment): an option that cannot be read is an option not given. */
function read(object, key) {
  try {
    return object?.[key] ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The options of `new Mistral(options)`, read for `configure` (src/bindings/client.rs), which
 * applies the rules (the server's URL, keys in browsers) and adds `serverURL` and `core`. Returns
 * `[config, serverURL, server, pageOrigin, keyInBrowser, retry]`, where `config` holds `apiKey`,
 * `fetch`, `http` (an `httpClient`), `log` (a `debugLogger`), `headers` and `timeoutMs`; or the message of the first bad option. Never throws: an
 * exception would unwind through the wasm that called it.
 */
export function readOptions(options) {
  try {
    let apiKey = read(options, "apiKey");
    if (apiKey === undefined) {
      // Deno without --allow-env throws here: no key, as where there is no environment.
      const key = read(read(globalThis.process, "env"), "MISTRAL_API_KEY");
      apiKey = typeof key === "string" && key !== "" ? key : undefined;
    } else if (typeof apiKey !== "string" && typeof apiKey !== "function") {
      throw new OptionError("`apiKey` must be a string or a function");
    }
    const serverURL = read(options, "serverURL");
    if (serverURL !== undefined && typeof serverURL !== "string") throw new OptionError("`serverURL` must be a string");
    // `server` counts only without `serverURL`; a value that is not a string is refused by Rust by
    // name, as an unknown server ("").
    const named = serverURL === undefined ? read(options, "server") : undefined;
    const server = named === undefined || typeof named === "string" ? named : "";
    const fetch = read(options, "fetch");
    if (fetch !== undefined && typeof fetch !== "function") throw new OptionError("`fetch` must be a function");
    // The official SDK's HTTPClient, or anything with its `request(Request)`.
    const http = read(options, "httpClient");
    if (http !== undefined && (fetch !== undefined || typeof read(http, "request") !== "function")) {
      throw new OptionError("`httpClient` must be an HTTPClient (with `request(request)`), and comes without `fetch`");
    }
    const inBrowser = read(globalThis, "window") !== undefined && read(globalThis, "document") !== undefined;
    const headers = [];
    // As the official SDK: not from pages and web workers, where fetch may refuse to set it.
    const userAgent = read(options, "userAgent");
    if (userAgent !== undefined && typeof userAgent !== "string") throw new OptionError("`userAgent` must be a string");
    if (userAgent && !inBrowser && !globalThis.importScripts) headers.push(["user-agent", userAgent]);
    addHeaders(headers, read(options, "headers"));
    let log = read(options, "debugLogger");
    if (log === undefined && logging && read(read(globalThis.process, "env"), "MISTRAL_DEBUG")) log = console;
    if (log !== undefined && !logging) throw new OptionError("`debugLogger` is not in this entry: import `mistral-edge-client`");
    if (log !== undefined && typeof read(log, "groupEnd") !== "function") {
      throw new OptionError("`debugLogger` must be like `console` (`log`, `group`, `groupEnd`)");
    }
    const origin = read(globalThis.location, "origin");
    const pageOrigin = typeof origin === "string" && origin.startsWith("http") ? origin : undefined;
    const keyInBrowser = inBrowser && apiKey !== undefined && read(options, "dangerouslyAllowBrowser") !== true;
    const retryConfig = read(options, "retryConfig");
    const retry = retryConfig === undefined ? undefined : retrySlots(retryConfig, "retryConfig");
    const config = { apiKey, fetch, http, log, headers, timeoutMs: wholeMs(read(options, "timeoutMs")) ?? 300000 };
    return [config, serverURL, server, pageOrigin, keyInBrowser, retry];
  } catch (error) {
    return error instanceof OptionError ? error.message : `the options cannot be read: ${messageOf(error)}`;
  }
}

// Call options read here; the rest are `RequestInit` members, passed to fetch as the SDK does.
const READ = new Set(["signal", "headers", "timeoutMs", "serverURL", "retries", "retryCodes", "fetchOptions", "method", "body"]);

/** A call's `retryCodes` (`["429", "5XX"]`) as `Core.delay` takes them: a status, or the first
 * digit of a family. */
const retryCodes = (codes) =>
  (Array.isArray(codes) ? codes : [codes]).map((code) => {
    const text = `${code}`;
    if (!Array.isArray(codes) || !/^[1-5](\d\d|xx)$/i.test(text)) {
      throw new OptionError(`\`retryCodes\` must be an array of statuses ("429") and families ("5XX"), got \`${text}\``);
    }
    return +text || +text[0];
  });

/** The call's options, in the official SDK's shape (`fetchOptions` included). */
function callOptions(core, options) {
  if (options == null) return undefined;
  try {
    const fetchOptions = options.fetchOptions ?? undefined;
    const signal = options.signal ?? fetchOptions?.signal ?? undefined;
    if (signal !== undefined && !(typeof AbortSignal === "function" && signal instanceof AbortSignal)) {
      throw new OptionError("`signal` must be an AbortSignal");
    }
    const headers = [];
    addHeaders(headers, fetchOptions?.headers);
    addHeaders(headers, options.headers);
    const timeoutMs = wholeMs(options.timeoutMs);
    // Under the client's rules: an http(s) URL (or a path in a page), and no key to Mistral from a page.
    let serverURL = options.serverURL ?? undefined;
    if (serverURL instanceof URL) serverURL = serverURL.href;
    if (serverURL !== undefined) {
      if (typeof serverURL !== "string") throw new OptionError("`serverURL` must be a string or a URL");
      serverURL = core.serverURL(serverURL);
    }
    const retries = options.retries == null ? undefined : retrySlots(options.retries, "retries");
    const codes = options.retryCodes == null ? undefined : retryCodes(options.retryCodes);
    let init;
    for (const source of [fetchOptions, options]) {
      for (const key in source) if (!READ.has(key)) (init ??= {})[key] = source[key];
    }
    return { signal, headers, timeoutMs, serverURL, retries, codes, init };
  } catch (error) {
    if (error instanceof OptionError) throw invalid(core, error.message);
    throw error;
  }
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
    if (signal?.aborted) return reject(core.error("aborted", undefined, 0, undefined));
    const onAbort = () => {
      clearTimeout(timer);
      reject(core.error("aborted", undefined, 0, undefined));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

const requestIdOf = (response) =>
  response.headers.get("x-request-id") ?? response.headers.get("mistral-correlation-id") ?? undefined;

/**
 * Sends a prepared call, retrying what the policy allows (always before any byte of a success
 * body was read), and resolves to its camelCase response, its `EventStream` or its bytes.
 */
export function send(config, op, method, path, body, kind, upload, uploadWrapper, args, options) {
  // The credentials each attempt carried (js/redact.js): no error of this call shows them.
  const secrets = [];
  const prepared = { op, method, path, body, kind, upload, uploadWrapper, secrets };
  const core = config.core;
  try {
    return attempt(config, core, prepared, args, callOptions(core, options)).catch((error) => {
      throw redact(core, error, secrets);
    });
  } catch (error) {
    return Promise.reject(redact(core, error, secrets)); // a bad call option: a rejection, as every other error
  }
}

async function attempt(config, core, prepared, args, options) {
  const kind = prepared.kind;
  let body = prepared.body;
  const sent = body;
  const field = prepared.upload;
  if (field !== undefined) {
    const wrapper = prepared.uploadWrapper;
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
  const base = options?.serverURL ?? config.serverURL;
  const url = base + prepared.path;
  const method = prepared.method;
  const fetch = config.fetch ?? globalThis.fetch;
  const { http, log } = config;
  const started = Date.now();
  for (let retry = 1; ; retry++) {
    if (signal?.aborted) throw core.error("aborted", undefined, 0, undefined);
    const key = typeof config.apiKey === "function" ? await keyOf(core, config.apiKey) : config.apiKey;
    if (signal?.aborted) throw core.error("aborted", undefined, 0, undefined);
    // A plain object without a prototype (a header named `__proto__` is a header like any
    // other), as most callers of fetch write it; the client's and the call's headers come
    // last and replace ours by name.
    const headers = Object.create(null);
    if (key !== undefined) headers.authorization = key.startsWith("Bearer ") ? key : `Bearer ${key}`;
    headers.accept = ACCEPT[kind];
    if (typeof body === "string") headers["content-type"] = JSON_TYPE;
    for (const [name, value] of config.headers) headers[name] = value;
    if (options) for (const [name, value] of options.headers) headers[name] = value;
    addSecrets(prepared.secrets, key, sent);
    addSecrets(prepared.secrets, headers.authorization);
    // A key fetch would refuse (a line break or NUL inside it, a character above U+00FF): refused
    // here, by a message that does not quote it as the runtime's would.
    if (/[\0\r\n]|[^\0-\xff]/.test(headers.authorization?.trim() ?? "")) {
      throw invalid(core, "the `authorization` header (the api key) holds a character no header can carry (a line break, a NUL or one above U+00FF)");
    }
    // Nothing to time out and nothing to stop early: no controller at all.
    const guard = ms === 0 && kind !== EVENTS ? new NoGuard(signal) : new Guard(ms, signal);
    // The call's other `RequestInit` members (`credentials`, `cache`, ...) as the SDK passes them.
    const init = options?.init ? { ...options.init, method, headers } : { method, headers };
    if (guard.signal !== undefined) init.signal = guard.signal;
    if (body !== undefined) init.body = body;
    if (log) await logging.request(log, url, init);

    let failure;
    let error;
    let response;
    try {
      // An HTTPClient of ours adds to the secrets what its hooks added (js/http.js).
      response = await guard.within(http ? http.request(new Request(url, init), prepared.secrets) : fetch(url, init));
    } catch (cause) {
      if (guard.fired) {
        error = core.error("timeout", "response headers", guard.ms, undefined);
        failure = HEADERS_TIMEOUT;
      } else if (signal?.aborted) {
        throw core.error("aborted", undefined, 0, undefined);
      } else {
        // Through an httpClient, what is not a network failure (fetch's TypeError, a system error
        // code, Bun's ConnectionError) is the caller's hook or fetcher throwing: not retried.
        const network = !http || cause instanceof TypeError || typeof cause?.code === "string" || cause?.name === "ConnectionError";
        error = core.error(network ? "connection" : "unexpected", cause, 0, undefined);
        error.cause = cause;
        if (!network) throw error;
        failure = CONNECTION;
      }
    }
    if (error === undefined && (typeof response?.ok !== "boolean" || typeof response.headers?.get !== "function")) {
      // A custom fetch that resolved to something else: a connection failure, retried as one.
      error = core.error("connection", new Error("fetch did not return a Response"), 0, undefined);
      failure = CONNECTION;
      response = undefined;
    }
    if (log && response) await logging.response(log, url, method, response);
    if (response?.ok) return receive(core, prepared, kind, response, guard, signal);
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
    const wait = core.delay(retries, options?.codes, failure, retry, Date.now() - started, error.retryAfterMs, Math.random());
    if (wait === undefined) throw error;
    await sleep(core, wait, signal);
  }
}

/** A success: the body as the operation's response. Its errors carry the response. */
async function receive(core, prepared, kind, response, guard, signal) {
  const requestId = requestIdOf(response);
  try {
    if (kind === EVENTS) {
      const type = response.headers.get("content-type") ?? "";
      if (!type.includes("text/event-stream")) {
        guard.abort();
        throw core.error("decode", `expected an event stream, got \`${type}\``, 0, requestId);
      }
      if (!response.body) throw core.error("truncated", "the response has no body", 0, requestId);
      return core.stream(requestId, new Body(core, response, guard, signal, requestId, prepared.secrets));
    }
    if (kind === BYTES) {
      // A failure of the download errors its stream with a typed, redacted error.
      const fail = (kind, detail, ms = 0) => {
        const error = core.error(kind, detail, ms, requestId);
        error.rawResponse = response;
        return redact(core, error, prepared.secrets);
      };
      return files.bytesStream(response.body, guard, signal, fail);
    }
    if (kind !== JSON_BODY) return undefined;
    let buffer;
    try {
      buffer = await guard.within(response.arrayBuffer());
    } catch (cause) {
      if (guard.fired) throw core.error("timeout", "the response body", guard.ms, requestId);
      if (signal?.aborted) throw core.error("aborted", undefined, 0, requestId);
      throw core.error("connection", cause, 0, requestId);
    }
    // Checked before it is copied into wasm memory (its camelCase text must fit a JS string too).
    if (buffer.byteLength > MAX_BODY) {
      throw core.error("decode", `the response body is ${buffer.byteLength} bytes, over the ${MAX_BODY} bytes this client reads`, 0, requestId);
    }
    return core.decode(prepared.op, new Uint8Array(buffer));
  } catch (error) {
    error.rawResponse = response;
    throw error;
  }
}

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
        if (this.#aborted) throw this.#core.error("aborted", undefined, 0, this.#requestId);
        if (this.#done) return undefined;
        let read;
        try {
          read = await this.#guard.within(this.#reader.read());
        } catch (cause) {
          this.#done = true;
          if (this.#guard.fired) throw this.#core.error("timeout", "the next chunk", this.#guard.ms, this.#requestId);
          if (this.#aborted || this.#signal?.aborted) throw this.#core.error("aborted", undefined, 0, this.#requestId);
          throw this.#core.error("dropped", cause, 0, this.#requestId);
        }
        if (read.done) {
          this.#done = true;
          raw.finish(); // throws a StreamError if the stream ended early
          return undefined;
        }
        const count = raw.feed(read.value);
        const error = raw.takeError();
        if (error !== undefined) {
          this.#guard.abort();
          this.#pending = error;
        }
        if (count > 0) return count;
      }
    } catch (error) {
      if (error !== null && typeof error === "object") error.rawResponse ??= this.#response;
      throw redact(this.#core, error, this.#secrets);
    }
  }

  /** `error` without this request's credentials (js/redact.js), for the stream's own errors. */
  redact(error) {
    return redact(this.#core, error, this.#secrets);
  }

  /** `text` without this request's credentials (the stream's `requestId`). */
  clean(text) {
    return redaction ? redaction.cleaner(this.#core, this.#secrets)(text) : text;
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

// ------------------------------------------------------------------ upload arguments
// Rust's (src/bindings/client.rs) for the operations that upload; the rest of uploads is js/files.js's.

const isBinary = (value) =>
  value instanceof ArrayBuffer ||
  ArrayBuffer.isView(value) ||
  (typeof Blob === "function" && value instanceof Blob) ||
  (typeof ReadableStream === "function" && value instanceof ReadableStream);

/** The arguments as JSON, with files replaced by `{}` (the request builder only needs to see them). */
export function stringifyArgs(args) {
  return JSON.stringify(args, (_key, value) => (isBinary(value) ? {} : value));
}
