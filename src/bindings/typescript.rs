//! TypeScript declarations that are not generated from Rust types: options, the official SDK's
//! wrapped call shapes, and the stream item.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const DECLARATIONS: &str = r#"
/** Options of `new Mistral(...)`. */
export interface MistralOptions {
    /** Your API key, or a function returning it (or a promise of it). Defaults to `MISTRAL_API_KEY` where the runtime has an environment. */
    apiKey?: string | (() => string | Promise<string>);
    /** The API's base URL (default `https://api.mistral.ai`); point it at your backend to keep the key off the page. */
    serverURL?: string;
    /** A named server instead of `serverURL`. */
    server?: "global" | "eu" | "us";
    /** Limit in ms for the response headers, and for each gap between stream chunks (default 300000; 0 = none): any bytes are progress, an SSE comment or keep-alive line too. Never a limit on a whole stream: that is `streamTimeoutMs`. */
    timeoutMs?: number;
    /**
     * A total deadline in ms for every stream call (`startStream`, `appendStream`, `restartStream`,
     * each step of `runStream`), from the call's start (retries included) to its last event; off by
     * default (0 or absent = none). When it passes, the request is aborted and the stream throws a
     * `TimeoutError` (its `waitingFor` starts with "the end of the stream"), after every event that
     * arrived complete. Not a limit on one-shot calls.
     */
    streamTimeoutMs?: number;
    /** The `fetch` to use (default: the global one); called as `fetch(url, init)`. */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
    /** Headers sent with every request. */
    headers?: HeadersInit;
    /** Allow an API key aimed at Mistral's servers in a browser, where anyone can read it. */
    dangerouslyAllowBrowser?: boolean;
    /** How failed requests are retried (default: up to 2 retries with backoff). */
    retryConfig?: RetryConfig;
    /**
     * Sends every request through `httpClient.request(request)` (once per attempt): the official
     * SDK's `HTTPClient` with its hooks and fetcher, or this package's (`mistral-edge-client/lib/http.js`).
     * Not with `fetch`. A network failure its fetcher passes on (fetch's `TypeError`) is a
     * `ConnectionError`; anything else its hooks or fetcher throw, an `UnexpectedClientError`.
     */
    httpClient?: { request(request: Request): Promise<Response> };
    /** The `user-agent` header of every request (not sent from pages and web workers, as the official SDK). */
    userAgent?: string;
    /**
     * Logs each request and response as the official SDK does (`console` fits), with every
     * credential the request carried redacted from the url, status text, headers and bodies, as
     * in errors. `MISTRAL_DEBUG` set in the environment logs to `console`. Not in `mistral-edge-client/conversations`, which refuses it.
     */
    debugLogger?: { group(label?: string): void; groupEnd(): void; log(message: any, ...args: any[]): void };
}

/**
 * Per-call options, as in the official SDK: these, and the other `RequestInit` members
 * (`credentials`, `cache`, `keepalive`, ...), which are passed to fetch.
 */
export interface RequestOptions extends Omit<RequestInit, "method" | "body" | "headers" | "signal"> {
    /** Aborts the request, and the stream if it has started; combines with the timeouts. */
    signal?: AbortSignal | null;
    /** Extra headers, applied last. */
    headers?: HeadersInit;
    /** Overrides the client's `timeoutMs` for this call. */
    timeoutMs?: number;
    /**
     * Overrides the client's `streamTimeoutMs` for this call (0 = none): a stream call's total
     * deadline in ms, from the call's start (retries included) to its last event. In `runStream`,
     * each step's request has its own.
     */
    streamTimeoutMs?: number;
    /** Overrides the client's `serverURL` for this call. */
    serverURL?: string | URL;
    /** The official SDK's older spelling of these options (`headers`, `signal`, and `RequestInit` members). */
    fetchOptions?: Omit<RequestInit, "method" | "body">;
    /** Overrides the client's `retryConfig` for this call (`{ strategy: "none" }` turns retries off). */
    retries?: RetryConfig;
    /**
     * The statuses this call retries, replacing the default 408, 409, 429 and 5xx: each a status
     * (`"429"`) or a family (`"5XX"`), as in the official SDK. Connection errors follow `retryConnectionErrors`.
     */
    retryCodes?: string[];
}

/**
 * How failed requests are retried, in the official SDK's shape. Retries are on by default for
 * connection errors and 408 / 409 / 429 / 5xx responses, always before any byte of a success
 * body (a stream that has delivered an event is never retried); a `Retry-After` is honoured.
 */
export type RetryConfig =
    | { strategy: "none" }
    | {
          strategy: "backoff";
          backoff?: {
              /** The first wait in ms (default 500). */
              initialInterval?: number;
              /** The longest wait in ms (default 8000). */
              maxInterval?: number;
              /** Growth factor per attempt (default 2). */
              exponent?: number;
              /** No retry starts after this many ms since the first attempt (default 60000). */
              maxElapsedTime?: number;
          };
          /** At most this many retries (default 2). */
          maxRetries?: number;
          /** Whether connection errors and header timeouts are retried (default true). */
          retryConnectionErrors?: boolean;
      };

/**
 * A paginated list (`connectors.list`): await it for the first page, or `for await` over it for
 * every page, each fetched when the loop asks for it.
 */
export interface PagePromise<T> extends Promise<T>, AsyncIterable<T> {}

/**
 * The official SDK's page of a cursor-paginated list (`agents.listPages`): the page's own
 * members (`result`), `next()` for the next page, and `for await` over this page and every
 * later one. Paging stops at a missing or blank cursor, or a page shorter than `pageSize`.
 */
export type PageIterator<V> = V & {
    /** The next page, or `null` after the last one. */
    next: () => Promise<PageIterator<V>> | null;
    /** This page and every later one, each fetched when the loop asks for it. */
    [Symbol.asyncIterator]: () => AsyncIterableIterator<V>;
    /** The cursor of the next page, when there is one. */
    "~next"?: { cursor: string };
};

/** One item of a conversation stream: the SSE event name and the typed event. */
export interface ConversationStreamItem {
    /** The SSE event name (the same as `data.type` for Mistral's events). */
    event: string;
    /** The event, with camelCase keys. Event types this version does not know arrive verbatim. */
    data: ConversationEvent;
}

/**
 * A conversation stream: a `ReadableStream` of `{ event, data }` items, as the official SDK's.
 * Iterate it with `for await` (its fastest path); leaving the loop early aborts the request, as
 * cancelling does through any ReadableStream use (`getReader()`, `pipeTo`, `tee`, `values()`).
 * A stream that breaks (dropped connection, truncated body, malformed event, an error event)
 * throws a `StreamError` from the loop (or errors the reader) after delivering every event before
 * the failure. (An intersection rather than an interface: `lib` may or may not declare
 * `ReadableStream` async-iterable.)
 */
export type EventStream = ReadableStream<ConversationStreamItem> & AsyncIterable<ConversationStreamItem> & {
    /** Stops reading and aborts the request; a `for await` over the stream then throws an `AbortError`. */
    abort(): void;
    /** The events as a web `ReadableStream` of `Uint8Array` SSE bytes, e.g. for a `Response` in a worker. */
    toReadableStream(): ReadableStream<Uint8Array>;
    /**
     * Reads the rest of the stream and resolves to the response folded from its deltas, as `start`
     * would have returned it. The folding keeps at most 64 MiB of events: past that (or after
     * `skipFinalResponse()`, or when memory runs out) it rejects with a `StreamError` of kind
     * `too_large`, while the loop still delivers every event.
     */
    finalResponse(): Promise<ConversationResponse>;
    /**
     * For a caller who only iterates: keeps nothing more for `finalResponse()` (which then rejects
     * with a `StreamError` of kind `too_large`) and frees what was kept. Returns the stream.
     */
    skipFinalResponse(): EventStream;
    /** The response's request id, when the server sent one. */
    readonly requestId: string | undefined;
};

/** One event from `SseDecoder`. */
export interface SseEvent {
    /** The event type; `"message"` when the stream did not name one. */
    event: string;
    /** The data lines, joined with `\n`. */
    data: string;
    /** The last event id at dispatch; `""` when none. */
    id: string;
}

/** Options of `new SseDecoder(...)`. */
export interface SseDecoderOptions {
    /** The largest event, in bytes, before feeding throws a `StreamError` of kind `too_large` (default 64 MiB). */
    maxBufferBytes?: number;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const OPERATIONS: &str = include_str!("operations.d.ts");
