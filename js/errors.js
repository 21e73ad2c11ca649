// Error classes of mistral-edge. Rust builds them through `createError`; users catch them.
//
// Each error is also an instance of the official SDK's classes (`@mistralai/mistralai/models/errors`)
// that the SDK would have thrown in its place, so a `catch` written for the SDK takes the same
// branch: every HTTP error but a 422 is an `SDKError`, a 422 an `HTTPValidationError`, a timeout a
// `RequestTimeoutError`, and so on. `instanceof` reads the names of the classes an error is an
// instance of, kept on it under a shared brand: that works across two loaded copies of the
// package, and where the SDK's hierarchy is no tree over ours (a 422 is our `APIError` but not
// the SDK's `SDKError`). The response's fields (`statusCode`, `headers`, `contentType`) are read from
// `rawResponse`, which js/transport.js sets wherever there was a response.

const BRAND = Symbol.for("mistral-edge.error");

// Where the SDK's hierarchy is no tree over ours: what an error of each class is besides the
// classes it extends (only the error's own class counts, so an InvalidRequestError is not an APIError).
const ALSO = {
  // The SDK matches 422 before its `SDKError` fallback, so a 422 extends MistralError, not our
  // APIError (an SDKError), and is an APIError through this list. It is an SDKValidationError
  // too: a value the SDK refuses before sending (such as an enum value it does not know) this
  // package sends, and the API's 422 is what comes back.
  HTTPValidationError: "APIError SDKValidationError",
  // A request refused before sending is caught where the API's 422 for it would be (it extends
  // HTTPValidationError), and where the SDK's input validation errors and its own
  // InvalidRequestError (an HTTPClientError) are.
  InvalidRequestError: "HTTPClientError SDKValidationError",
};

/** `text` parsed as JSON, or `undefined`. */
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {}
}

export class MistralError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = new.target.name;
    let names = "";
    let also;
    for (let cls = new.target; cls !== MistralError; cls = Object.getPrototypeOf(cls)) {
      names += ` ${cls.name}`;
      if (CLASSES[cls.name] === cls) also ??= ALSO[cls.name] ?? "";
    }
    names += ` ${also ?? ""}`;
    // A stream whose data was not JSON: the SDK's decoding would have rejected it.
    if (fields.kind === "malformed") names += " ResponseValidationError SDKValidationError";
    Object.defineProperty(this, BRAND, { value: `${names} ` });
    for (const [key, value] of Object.entries(fields)) this[key] = value;
  }

  /** The response's HTTP status (the official SDK's name; `status` for API errors). */
  get statusCode() {
    return this.status ?? this.rawResponse?.status;
  }

  /** The response's headers, where there was a response. */
  get headers() {
    return this.rawResponse?.headers;
  }

  /** The response's `content-type` (`""` when it had none), where there was a response. */
  get contentType() {
    const headers = this.headers;
    return headers && (headers.get("content-type") || "");
  }

  /** The message (the official SDK's validation errors format theirs here). */
  pretty() {
    return `${this}`;
  }

  static [Symbol.hasInstance](value) {
    const names = value?.[BRAND];
    if (typeof names !== "string") return false;
    return this === MistralError || names.includes(` ${this.name} `);
  }
}

/** The official SDK's fallback for an error status (here: every one but 422). */
export class SDKError extends MistralError {}
/** The official SDK's base of failures without a response. */
export class HTTPClientError extends MistralError {}
/** The official SDK's error for an input it rejected: `rawValue`, `rawMessage`, `pretty()`. */
export class SDKValidationError extends MistralError {}
/** A response the package could not decode: `rawValue` holds its body. */
export class ResponseValidationError extends SDKValidationError {
  constructor(message, fields) {
    super(message, fields);
    this.rawMessage = message;
    this.rawValue = parse(this.body) ?? this.body;
  }
}
export class RequestTimeoutError extends HTTPClientError {}
export class RequestAbortedError extends HTTPClientError {}
/** A failure of your own code around the request: an `httpClient` hook or fetcher that threw. */
export class UnexpectedClientError extends HTTPClientError {}

/** Mistral answered with a non-success status: `status`, `requestId`, `body`, `isRetryable`. */
export class APIError extends SDKError {}
export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
/** 422: `detail` (and `data$.detail`) hold the API's validation issues (`loc`, `msg`, `type`);
 * `rawMessage` and `rawValue` (`undefined`) as an SDKValidationError. */
export class HTTPValidationError extends MistralError {
  constructor(message, fields) {
    super(message, fields);
    const data = parse(this.body);
    this.data$ = data instanceof Object ? data : {};
    this.detail = this.data$.detail;
    // As an SDKValidationError: the request's arguments are not kept (they may hold tokens).
    this.rawMessage = message;
    this.rawValue = undefined;
  }
}
/**
 * The request was rejected before anything was sent; the message names the field and the rule.
 * It stands for the API's 422 for the same mistake: `statusCode` is 422 and `detail` holds the
 * message as one issue, so SDK code that reads either on an `HTTPValidationError` runs the same
 * branch (nothing was received: no `rawResponse`, empty `headers`).
 */
export class InvalidRequestError extends HTTPValidationError {
  constructor(message, fields) {
    const detail = [{ loc: [], msg: message, type: "invalid_request" }];
    super(message, { body: JSON.stringify({ detail }), ...fields });
  }

  get statusCode() {
    return 422;
  }

  get headers() {
    return new Headers();
  }
}
/** 429: wait `retryAfterMs` when the server said how long. */
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}
/** No response: offline, DNS, TLS, CORS, or the connection dropped before the headers. */
export class ConnectionError extends HTTPClientError {}
/** Nothing arrived within `timeoutMs`, or a stream outlived `streamTimeoutMs`: `waitingFor` says
 * what was awaited. */
export class TimeoutError extends RequestTimeoutError {}
/** The caller aborted the request or left the stream early. */
export class AbortError extends RequestAbortedError {}
/** A stream broke after it started: `kind` is `truncated`, `dropped`, `malformed`, `error_event` or `too_large`. */
export class StreamError extends MistralError {
  constructor(message, fields) {
    super(message, fields);
    if (this.kind === "malformed") this.rawMessage = message;
  }
}

// Every class by its name: the keys survive minification (the bundles do not keep function names),
// and give each class its `name`, which `instanceof` and `err.name` read.
const CLASSES = {
  MistralError, InvalidRequestError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError,
  NotFoundError, ConflictError, HTTPValidationError, RateLimitError, InternalServerError, ConnectionError,
  TimeoutError, AbortError, StreamError, SDKError, HTTPClientError, SDKValidationError, ResponseValidationError,
  RequestTimeoutError, RequestAbortedError, UnexpectedClientError,
};
for (const [name, Class] of Object.entries(CLASSES)) Object.defineProperty(Class, "name", { value: name });

export function createError(className, message, fields) {
  const Class = CLASSES[className] ?? MistralError;
  return new Class(message, fields);
}
