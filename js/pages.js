// Paginated lists: the first page as a promise, every page as an async iterable.

/**
 * What `agents.listPages` and `connectors.list` return: await it for the first page, or
 * `for await` over it for every page, each fetched when the loop asks for it.
 */
export class PagePromise {
  #fetch;
  #args;
  #next;
  #first;

  constructor(fetch, args, next) {
    this.#fetch = fetch;
    this.#args = args;
    this.#next = next;
  }

  #firstPage() {
    this.#first ??= this.#fetch(this.#args);
    return this.#first;
  }

  then(onFulfilled, onRejected) {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.#firstPage().catch(onRejected);
  }

  finally(onFinally) {
    return this.#firstPage().finally(onFinally);
  }

  async *[Symbol.asyncIterator]() {
    let args = this.#args;
    let page = await this.#firstPage();
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
    return new PagePromise((pageArgs) => fetchPage.call(this, pageArgs, options), args, next);
  };
}
