// `HTTPClient`, with the official SDK's API (`@mistralai/mistralai/lib/http.js`): a fetcher and
// hooks around each request. Give one as `new Mistral({ httpClient })`; the client calls its
// `request(Request)` once per attempt, so hooks see every retry. Any object with such a method
// works, the official SDK's own HTTPClient included. Shipped on its own as `lib/http.js` and
// bundled into the entries, so it imports nothing.

const HOOKS = { beforeRequest: 0, requestError: 1, response: 2 };

function hooksOf(client, hook) {
  const index = HOOKS[hook];
  if (index === undefined) throw new Error(`Invalid hook type: ${hook}`);
  return client.hooks[index];
}

export class HTTPClient {
  /** `options.fetcher` replaces `fetch`; it is called as `fetcher(request)`. */
  constructor(options = {}) {
    this.options = options;
    this.fetcher = options.fetcher || ((input, init) => (init == null ? fetch(input) : fetch(input, init)));
    this.hooks = [[], [], []];
  }

  /** Runs the `beforeRequest` hooks (one may return a new Request), then the fetcher, then the
   * `response` hooks; when the fetcher or a `response` hook throws, the `requestError` hooks,
   * then rethrows. `sent`, given by the client, is called with the headers as the request
   * leaves (an object), so that the credentials the hooks added join the call's secrets
   * (js/redact.js). */
  async request(request, sent) {
    let req = request;
    for (const hook of this.hooks[0]) req = (await hook(req)) || req;
    if (typeof sent === "function") sent(Object.fromEntries(req.headers));
    try {
      const res = await this.fetcher(req);
      for (const hook of this.hooks[2]) await hook(res, req);
      return res;
    } catch (error) {
      for (const hook of this.hooks[1]) await hook(error, req);
      throw error;
    }
  }

  /** Adds a hook: `"beforeRequest"` `(req) => Request | void`, `"requestError"` `(err, req)`,
   * or `"response"` `(res, req)`; each may return a promise. */
  addHook(hook, fn) {
    hooksOf(this, hook).push(fn);
    return this;
  }

  /** Removes a hook added with `addHook`. */
  removeHook(hook, fn) {
    const list = hooksOf(this, hook);
    const index = list.indexOf(fn);
    if (index >= 0) list.splice(index, 1);
    return this;
  }

  /** A client with the same fetcher and a copy of the hooks. */
  clone() {
    const child = new HTTPClient(this.options);
    child.hooks = this.hooks.map((list) => list.slice());
    return child;
  }
}
