// Types of `mistral-edge-client/lib/http.js`: the official SDK's HTTPClient API.

/** What sends a request: `fetch` by default. */
export type Fetcher = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
export type Awaitable<T> = T | Promise<T>;
export interface HTTPClientOptions {
  /** Replaces `fetch`; called as `fetcher(request)`. */
  fetcher?: Fetcher;
}
/** Called before each attempt; may change the request or return a new one. */
export type BeforeRequestHook = (req: Request) => Awaitable<Request | void>;
/** Called when the fetcher (or a `response` hook) throws, before the error goes on. */
export type RequestErrorHook = (err: unknown, req: Request) => Awaitable<void>;
/** Called with each response, error statuses included. */
export type ResponseHook = (res: Response, req: Request) => Awaitable<void>;

/**
 * A fetcher with hooks around each request, as the official SDK's: pass one as
 * `new Mistral({ httpClient })`. The client calls `request` once per attempt (so hooks see
 * every retry). A network failure the fetcher passes on (fetch's `TypeError`) is a
 * `ConnectionError`, retried as one; anything else a hook or the fetcher throws rejects the call
 * with an `UnexpectedClientError`, not retried.
 *
 * ```js
 * const httpClient = new HTTPClient({ fetcher: (request) => fetch(request) });
 * httpClient.addHook("beforeRequest", (request) => { request.headers.set("x-trace", id); });
 * const client = new Mistral({ apiKey, httpClient });
 * ```
 */
export declare class HTTPClient {
  constructor(options?: HTTPClientOptions);
  /** Runs the `beforeRequest` hooks, the fetcher, then the `response` hooks (or, when the
   * fetcher or a `response` hook throws, the `requestError` hooks, and rethrows). */
  request(request: Request): Promise<Response>;
  addHook(hook: "beforeRequest", fn: BeforeRequestHook): this;
  addHook(hook: "requestError", fn: RequestErrorHook): this;
  addHook(hook: "response", fn: ResponseHook): this;
  /** Removes a hook added with `addHook`. */
  removeHook(hook: "beforeRequest", fn: BeforeRequestHook): this;
  removeHook(hook: "requestError", fn: RequestErrorHook): this;
  removeHook(hook: "response", fn: ResponseHook): this;
  /** A client with the same fetcher and a copy of the hooks. */
  clone(): HTTPClient;
}
