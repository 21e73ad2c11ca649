// Reading options: those of `new Mistral(options)` (`readOptions`, which the entries call before
// the wasm's `configure`) and a call's (`callOptions`, registered with js/transport.js by the
// entries: `useOptions`). Each option's type is checked here, where reading a property costs
// nothing; the rules among them are Rust's (src/request/settings.rs, `RetryPolicy::from_slots`).
// The arrays handed to Rust are written by the names of src/request/seam.rs, generated below.
//
// No module Rust imports (a wasm-bindgen snippet): with one more such module, headless Chromium
// often never started the wasm-bindgen test page. So this file imports nothing either: the wasm
// tests evaluate its text (src/bindings/tests.rs).

// ---- seam: generated from src/request/seam.rs by tests/seam_js.rs; do not edit (`make regen`)
// The slots of the array `readOptions` (`js/options.js`) makes of `new Mistral(options)`,
// for `configure` (src/bindings/client.rs).
const OPTION_CONFIG = 0;
const OPTION_SERVER_URL = 1;
const OPTION_SERVER = 2;
const OPTION_PAGE_ORIGIN = 3;
const OPTION_KEY_IN_BROWSER = 4;
const OPTION_RETRY = 5;
// The slots of a `RetryConfig` as numbers (`retrySlots` in `js/options.js`), which
// `RetryPolicy::from_slots` (src/request/retry.rs) reads. A slot left unset
// (`undefined` there, NaN here) keeps the default.
const RETRY_STRATEGY = 0;
const RETRY_INITIAL_INTERVAL = 1;
const RETRY_MAX_INTERVAL = 2;
const RETRY_EXPONENT = 3;
const RETRY_MAX_ELAPSED_TIME = 4;
const RETRY_MAX_RETRIES = 5;
const RETRY_RETRY_CONNECTION_ERRORS = 6;
// The values of the `RETRY_STRATEGY` slot.
const STRATEGY_NONE = 0;
const STRATEGY_BACKOFF = 1;
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
// ---- seam: end

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

/** A number option (`name`): `undefined` when not given, else a non-negative finite number. */
function nonNegative(value, name) {
  if (value == null) return undefined;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  throw new OptionError(`\`${name}\` must be a non-negative number`);
}

/**
 * A `RetryConfig` (`{ strategy: "none" }`, or `{ strategy: "backoff", backoff, maxRetries,
 * retryConnectionErrors }`) as the numbers `RetryPolicy::from_slots` (src/request/retry.rs) reads:
 * the `RETRY_*` slots, each one left to the default unset. `what` names the option.
 */
function retrySlots(config, what) {
  const slots = [];
  const named = read(config, "strategy");
  const strategy = typeof named === "string" ? named : undefined;
  if (strategy === "none") {
    slots[RETRY_STRATEGY] = STRATEGY_NONE;
    return slots;
  }
  if (strategy !== undefined && strategy !== "backoff") {
    throw new OptionError(`\`${what}.strategy\` must be "backoff" or "none", got "${strategy}"`);
  }
  const number = (value, name) => nonNegative(value, `${what}.${name}`);
  const backoff = read(config, "backoff");
  const connection = read(config, "retryConnectionErrors");
  slots[RETRY_STRATEGY] = STRATEGY_BACKOFF;
  slots[RETRY_INITIAL_INTERVAL] = number(read(backoff, "initialInterval"), "backoff.initialInterval");
  slots[RETRY_MAX_INTERVAL] = number(read(backoff, "maxInterval"), "backoff.maxInterval");
  slots[RETRY_EXPONENT] = number(read(backoff, "exponent"), "backoff.exponent");
  slots[RETRY_MAX_ELAPSED_TIME] = number(read(backoff, "maxElapsedTime"), "backoff.maxElapsedTime");
  slots[RETRY_MAX_RETRIES] = number(read(config, "maxRetries"), "maxRetries");
  if (typeof connection === "boolean") slots[RETRY_RETRY_CONNECTION_ERRORS] = +connection;
  return slots;
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
 * the `OPTION_*` slots, where `OPTION_CONFIG` holds `apiKey`, `fetch`, `http` (an `httpClient`),
 * `log` (a `debugLogger`), `headers`, `timeoutMs` and `streamTimeoutMs` (ms; below 1 or
 * `undefined`: none); or the message of the first bad option.
 * `logs`: whether the entry has the `debugLogger`'s code (js/log.js). Never throws.
 */
export function readOptions(options, logs) {
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
    if (log === undefined && logs && read(read(globalThis.process, "env"), "MISTRAL_DEBUG")) log = console;
    if (log !== undefined && !logs) throw new OptionError("`debugLogger` is not in this entry: import `mistral-edge-client`");
    if (log !== undefined && typeof read(log, "groupEnd") !== "function") {
      throw new OptionError("`debugLogger` must be like `console` (`log`, `group`, `groupEnd`)");
    }
    const origin = read(globalThis.location, "origin");
    const pageOrigin = typeof origin === "string" && origin.startsWith("http") ? origin : undefined;
    const keyInBrowser = inBrowser && apiKey !== undefined && read(options, "dangerouslyAllowBrowser") !== true;
    const retryConfig = read(options, "retryConfig");
    const slots = [];
    slots[OPTION_CONFIG] = {
      apiKey, fetch, http, log, headers,
      timeoutMs: wholeMs(read(options, "timeoutMs")) ?? 300000,
      streamTimeoutMs: nonNegative(read(options, "streamTimeoutMs"), "streamTimeoutMs"),
    };
    slots[OPTION_SERVER_URL] = serverURL;
    slots[OPTION_SERVER] = server;
    slots[OPTION_PAGE_ORIGIN] = pageOrigin;
    slots[OPTION_KEY_IN_BROWSER] = keyInBrowser;
    slots[OPTION_RETRY] = retryConfig === undefined ? undefined : retrySlots(retryConfig, "retryConfig");
    return slots;
  } catch (error) {
    return error instanceof OptionError ? error.message : `the options cannot be read: ${messageOf(error)}`;
  }
}

// Call options read here; the rest are `RequestInit` members, passed to fetch as the SDK does.
const READ = new Set(["signal", "headers", "timeoutMs", "streamTimeoutMs", "serverURL", "retries", "retryCodes", "fetchOptions", "method", "body"]);

/** A call's `retryCodes` (`["429", "5XX"]`) as `Core::delay` takes them: a status, or the first
 * digit of a family. */
const retryCodes = (codes) =>
  (Array.isArray(codes) ? codes : [codes]).map((code) => {
    const text = `${code}`;
    if (!Array.isArray(codes) || !/^[1-5](\d\d|xx)$/i.test(text)) {
      throw new OptionError(`\`retryCodes\` must be an array of statuses ("429") and families ("5XX"), got \`${text}\``);
    }
    return +text || +text[0];
  });

/** The call's options, in the official SDK's shape (`fetchOptions` included); a bad one throws
 * an `InvalidRequestError` made by `core`. */
export function callOptions(core, options) {
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
    const streamTimeoutMs = nonNegative(options.streamTimeoutMs, "streamTimeoutMs");
    return { signal, headers, timeoutMs, streamTimeoutMs, serverURL, retries, codes, init };
  } catch (error) {
    if (error instanceof OptionError) throw core.error(FAILURE_INVALID, error.message);
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

