// Types of the package entry: the generated declarations plus the JavaScript classes.
export * from "./mistral_edge.js";
export * from "./resources.js";
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

/** Base class of every error this package throws. */
export declare class MistralError extends Error {
  /** HTTP status, for API errors. */
  readonly status?: number;
  /** The official SDK's name for `status`. */
  readonly statusCode?: number;
  /** The `x-request-id` of the response, when there was one. */
  readonly requestId?: string;
  /** The response body (cut to 10 KB), for API errors. */
  readonly body?: string;
  /** Whether the same request may succeed later. */
  readonly isRetryable?: boolean;
}
/** The request was rejected before anything was sent; the message names the field and the rule. */
export declare class InvalidRequestError extends MistralError {}
/** Mistral answered with a non-success status. */
export declare class APIError extends MistralError {
  readonly status: number;
  readonly body: string;
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
/** 422: the API's validation issues. */
export declare class HTTPValidationError extends APIError {
  readonly detail?: Array<{ loc: Array<string | number>; msg: string; type: string; input?: unknown; ctx?: unknown }>;
}
/** 429: wait `retryAfterMs` when the server said how long. */
export declare class RateLimitError extends APIError {}
/** 5xx */
export declare class InternalServerError extends APIError {}
/** No response: offline, DNS, TLS, CORS, or the connection dropped before the headers. */
export declare class ConnectionError extends MistralError {}
/** Nothing arrived within `timeoutMs`. */
export declare class TimeoutError extends MistralError {
  readonly timeoutMs: number;
  readonly waitingFor: string;
}
/** The caller aborted the request or left the stream early. */
export declare class AbortError extends MistralError {}
/** A stream broke after it started. */
export declare class StreamError extends MistralError {
  readonly kind: "truncated" | "dropped" | "malformed" | "error_event" | "too_large";
  /** Mistral's error code, for `error_event`. */
  readonly code?: number;
}
