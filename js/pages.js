// Paginated lists, as the official SDK has them: `agents.listPages` resolves to a page iterator
// (the page under `result`, `next()`, async-iterable over every page), and `connectors.list` to
// the first page, here also async-iterable over every page.

/**
 * What `connectors.list` returns: a promise of the first page (sent at once, as the official
 * SDK's), which a `for await` also walks page by page, each fetched when the loop asks for it.
 */
export class PagePromise extends Promise {
  #fetch;
  #args;
  #next;

  /** `first` is the first page's promise; `fetch(args)` fetches a later one, whose arguments
   * `next(args, page)` makes (or `null` after the last page). */
  constructor(first, fetch, args, next) {
    if (typeof first === "function") {
      // `Promise` machinery calling the constructor (it does not, with the species below).
      super(first);
      return;
    }
    super((resolve) => resolve(first));
    this.#fetch = fetch;
    this.#args = args;
    this.#next = next;
  }

  /** `then` and friends make plain promises. */
  static get [Symbol.species]() {
    return Promise;
  }

  async *[Symbol.asyncIterator]() {
    let args = this.#args;
    let page = await this;
    for (;;) {
      yield page;
      args = this.#next(args ?? {}, page);
      if (!args) return;
      page = await this.#fetch(args);
    }
  }

  get [Symbol.toStringTag]() {
    return "PagePromise";
  }
}

/** Makes `proto[method]` return a PagePromise whose next page's arguments come from `next`. */
export function paginate(proto, method, next) {
  const fetchPage = proto[method];
  proto[method] = function (args, options) {
    const fetch = (pageArgs) => fetchPage.call(this, pageArgs, options);
    return new PagePromise(fetch(args), fetch, args, next);
  };
}

/**
 * Makes `proto[method]` resolve to the official SDK's `PageIterator`: `{ result, next,
 * "~next"?, [Symbol.asyncIterator] }`. `cursor(args, result)` is the next page's cursor, passed
 * back as `param`, or `null` when this page is the last; `next()` then returns `null`.
 * Iterating yields `{ result }` for this page and every later one.
 */
export function pageIterator(proto, method, param, cursor) {
  const fetchPage = proto[method];
  proto[method] = function (args, options) {
    const load = (pageArgs) =>
      fetchPage.call(this, pageArgs, options).then((result) => {
        const token = cursor(pageArgs, result);
        const page = {
          result,
          next: token === null ? () => null : () => load({ ...pageArgs, [param]: token }),
        };
        if (token !== null) page["~next"] = { cursor: token };
        page[Symbol.asyncIterator] = async function* () {
          for (let p = page; p != null; p = await p.next()) yield { result: p.result };
        };
        return page;
      });
    return load(args);
  };
}
