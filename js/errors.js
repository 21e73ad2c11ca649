// Error classes of mistral-edge. Rust builds them through `createError`; users catch them.
// `instanceof` works across two loaded copies of the package: every class checks a shared brand.

const BRAND = Symbol.for("mistral-edge.error");

export class MistralError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = new.target.name;
    Object.defineProperty(this, BRAND, { value: new.target.name });
    for (const [key, value] of Object.entries(fields)) this[key] = value;
  }

  /** The official SDK's name for `status`, so code written for it keeps working. */
  get statusCode() {
    return this.status;
  }

  static [Symbol.hasInstance](value) {
    if (value === null || typeof value !== "object" || !(BRAND in value)) return false;
    if (this === MistralError) return true;
    for (let cls = CLASSES[value[BRAND]]; cls; cls = Object.getPrototypeOf(cls)) {
      if (cls.name === this.name) return true;
    }
    return false;
  }
}

/** The request was rejected before anything was sent; the message names the field and the rule. */
export class InvalidRequestError extends MistralError {}
/** Mistral answered with a non-success status: `status`, `requestId`, `body`, `isRetryable`. */
export class APIError extends MistralError {}
export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
/** 422: `detail` holds the API's validation issues (`loc`, `msg`, `type`). */
export class HTTPValidationError extends APIError {}
/** 429: wait `retryAfterMs` when the server said how long. */
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}
/** No response: offline, DNS, TLS, CORS, or the connection dropped before the headers. */
export class ConnectionError extends MistralError {}
/** Nothing arrived within `timeoutMs`: `waitingFor` says what was awaited. */
export class TimeoutError extends MistralError {}
/** The caller aborted the request or left the stream early. */
export class AbortError extends MistralError {}
/** A stream broke after it started: `kind` is `truncated`, `dropped`, `malformed`, `error_event` or `too_large`. */
export class StreamError extends MistralError {}

const CLASSES = {
  MistralError, InvalidRequestError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError,
  NotFoundError, ConflictError, HTTPValidationError, RateLimitError, InternalServerError, ConnectionError,
  TimeoutError, AbortError, StreamError,
};

export function createError(className, message, fields) {
  const Class = CLASSES[className] ?? MistralError;
  return new Class(message, fields);
}
