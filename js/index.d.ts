// Types of the package entry: the generated declarations plus the JavaScript classes.
export * from "./mistral_edge.js";
export * from "./resources.js";
export * from "./run.js";
import type { MistralOptions } from "./mistral_edge.js";
import type { Beta, Files } from "./resources.js";

/**
 * The Mistral API client.
 *
 * ```js
 * import Mistral from "mistral-edge-client";
 * const client = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
 * ```
 */
export declare class Mistral {
    /**
     * Creates a client. Without `apiKey`, `MISTRAL_API_KEY` from the environment is used where
     * there is one. In a browser, a key aimed at Mistral's servers is refused unless
     * `dangerouslyAllowBrowser` is set: point `serverURL` at your own backend instead.
     */
    constructor(options?: MistralOptions);
    /**
     * The beta APIs: agents, conversations, connectors, libraries.
     */
    readonly beta: Beta;
    /**
     * Files, such as the images `image_generation` makes.
     */
    readonly files: Files;
}
export default Mistral;

/**
 * Base class of every error this package throws. Every error is also an instance of the official
 * SDK's classes (`@mistralai/mistralai/models/errors`) that the SDK would have thrown in its place,
 * so code written for it catches ours in the same branch: `SDKError` (every error status but
 * 422), `HTTPValidationError` (422, and requests refused before sending), `ResponseValidationError`,
 * `HTTPClientError` with `ConnectionError`, `RequestTimeoutError`, `RequestAbortedError`,
 * `UnexpectedClientError`, and `SDKValidationError`. `instanceof` works across two loaded copies
 * of the package. No string of an error holds your API key or a per-request token (`rawResponse`
 * and `headers` are the server's response as it came).
 */
export declare class MistralError extends Error {
  /** HTTP status, for API errors. */
  readonly status?: number;
  /** The response's HTTP status, where there was a response (the official SDK's name); 422 for an `InvalidRequestError`. */
  readonly statusCode?: number;
  /** The `x-request-id` of the response, when there was one. */
  readonly requestId?: string;
  /** The response body as text (cut to 10 KB, credentials redacted), for API errors. */
  readonly body?: string;
  /** The response's headers, where there was a response. */
  readonly headers?: Headers;
  /** The response's `content-type` (`""` when it had none), where there was a response. */
  readonly contentType?: string;
  /** The response (its body already read), where there was one: for API errors, responses that could not be decoded, and failures of a stream. */
  readonly rawResponse?: Response;
  /** Whether the same request may succeed later. */
  readonly isRetryable?: boolean;
  /** The message (as the official SDK's validation errors format theirs). */
  pretty(): string;
}
/** One issue of a 422: where (`loc`) and what (`msg`, `type`). */
export interface ValidationIssue {
  loc: Array<string | number>;
  msg: string;
  type: string;
  input?: unknown;
  ctx?: unknown;
}
/** The official SDK's fallback for an error status: here every error status but 422. */
export declare class SDKError extends MistralError {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Headers;
  readonly contentType: string;
  readonly rawResponse: Response;
}
/** Mistral answered with a non-success status (not 422, see `HTTPValidationError`). */
export declare class APIError extends SDKError {
  readonly status: number;
  readonly isRetryable: boolean;
  /** The wait the server asked for (`Retry-After`), in ms. */
  readonly retryAfterMs?: number;
}
/** 400 */
export declare class BadRequestError extends APIError {}
/** 401: check the API key. */
export declare class AuthenticationError extends APIError {}
/** 403 */
export declare class PermissionDeniedError extends APIError {}
/** 404 */
export declare class NotFoundError extends APIError {}
/** 409 */
export declare class ConflictError extends APIError {}
/**
 * 422: the API's validation issues, in `detail` and `data$.detail`. Also an `APIError` (not an
 * `SDKError`, as in the official SDK), and an `SDKValidationError`: a value the official SDK
 * refuses before sending (an enum value it does not know, say) this package sends, and the API's
 * 422 comes back. An `InvalidRequestError` is one too.
 */
export declare class HTTPValidationError extends MistralError {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Headers;
  readonly contentType: string;
  readonly detail?: ValidationIssue[];
  /** The parsed body, as the official SDK keeps it. */
  readonly data$: { detail?: ValidationIssue[] };
  /** The message, as an `SDKValidationError`. */
  readonly rawMessage: string;
  /** Always `undefined`: the request's arguments are not kept (they may hold tokens). */
  readonly rawValue: unknown;
}
/**
 * The request was rejected before anything was sent; the message names the field and the rule.
 * It is caught where the API's 422 for the same mistake would be: it is an `HTTPValidationError`
 * (`statusCode` 422, `detail` holds the message as one issue; no `rawResponse`, empty `headers`),
 * and the official SDK's `SDKValidationError` and `HTTPClientError` (whose `InvalidRequestError`
 * this is too).
 */
export declare class InvalidRequestError extends HTTPValidationError {}
/** 429: wait `retryAfterMs` when the server said how long. */
export declare class RateLimitError extends APIError {}
/** 5xx */
export declare class InternalServerError extends APIError {}
/** The official SDK's base of failures without a response. */
export declare class HTTPClientError extends MistralError {}
/** No response: offline, DNS, TLS, CORS, or the connection dropped before the headers. `cause` is fetch's error. */
export declare class ConnectionError extends HTTPClientError {}
/** The official SDK's timeout: here a `TimeoutError`. */
export declare class RequestTimeoutError extends HTTPClientError {}
/**
 * Nothing arrived within `timeoutMs` (`waitingFor`: `"response headers"`, `"the next chunk"`, ...),
 * or a stream call outlived its total deadline, `streamTimeoutMs` (`waitingFor` then starts with `"the end of the stream"`).
 */
export declare class TimeoutError extends RequestTimeoutError {
  /** The limit that ran out, in ms: `timeoutMs`, or `streamTimeoutMs` for the total deadline. */
  readonly timeoutMs: number;
  /** What was awaited when it ran out. */
  readonly waitingFor: string;
}
/** The official SDK's abort: here an `AbortError`. */
export declare class RequestAbortedError extends HTTPClientError {}
/** The caller aborted the request or left the stream early. */
export declare class AbortError extends RequestAbortedError {}
/** Your code around the request threw: an `httpClient` hook, or its fetcher with anything but fetch's `TypeError`. Not retried. */
export declare class UnexpectedClientError extends HTTPClientError {}
/** The official SDK's error for a value that failed validation: here an `HTTPValidationError` (an `InvalidRequestError` among them) or a `ResponseValidationError`. */
export declare class SDKValidationError extends MistralError {
  readonly rawValue: unknown;
  readonly rawMessage: unknown;
}
/** A success response that could not be decoded (or a stream event that is not JSON): `rawValue` is its body, parsed when it is JSON. */
export declare class ResponseValidationError extends SDKValidationError {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Headers;
  readonly contentType: string;
  readonly rawResponse: Response;
}
/** A stream broke after it started; a `malformed` one is also a `ResponseValidationError`. */
export declare class StreamError extends MistralError {
  readonly kind: "truncated" | "dropped" | "malformed" | "error_event" | "too_large";
  /** Mistral's error code, for `error_event`. */
  readonly code?: number;
}
export { HTTPClient } from "./lib/http.js";
export type { Fetcher, HTTPClientOptions } from "./lib/http.js";
