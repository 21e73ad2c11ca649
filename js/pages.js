// Paginated lists, as the official SDK has them: `agents.listPages` resolves to a page iterator
// (the page under `result`, `next()`, async-iterable over every page), and `connectors.list` to
// the first page, here also async-iterable over every page. The generated resource classes
// (js/resources.js) call `paginate` and `pageIterator` with the rules at the end of this file.

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

/** What a method marked `pages` in src/request/surface.rs returns: a PagePromise of the first
 * page, `fetch(args)` fetching a page and `next(args, page)` making the next one's arguments (or
 * `null` after the last). */
export const paginate = (fetch, args, next) => new PagePromise(fetch(args), fetch, args, next);

/**
 * What a method marked `iterator` in src/request/surface.rs resolves to: the official SDK's
 * `PageIterator`, `{ result, next, "~next"?, [Symbol.asyncIterator] }`. `fetch(args)` fetches a
 * page; `rule.cursor(args, result)` is the next page's cursor, passed back as `rule.param`, or
 * `null` when this page is the last (`next()` then returns `null`). Iterating yields `{ result }`
 * for this page and every later one.
 */
export function pageIterator(fetch, args, { param, cursor }) {
  const load = (pageArgs) =>
    fetch(pageArgs).then((result) => {
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
}

// How each paginated method finds its next page, under the name of its standalone function (the
// generated js/resources.js imports them by that name; which methods paginate is said in
// src/request/surface.rs only).

/** `agents.listPages` follows the API's own cursor and stops as the official SDK's does: at a
 * missing or blank token, or a page shorter than `pageSize` (20). */
export const betaAgentsListPages = {
  param: "pageToken",
  cursor: (args, page) => {
    const token = page?.nextPageToken;
    const data = page?.data;
    const full = Array.isArray(data) && data.length > 0 && data.length >= (args?.pageSize ?? 20);
    return typeof token === "string" && token.trim() !== "" && full ? token : null;
  },
};

/** `connectors.list` follows `pagination.nextCursor`. */
export const betaConnectorsList = (args, page) =>
  page?.pagination?.nextCursor ? { ...args, cursor: page.pagination.nextCursor } : null;
