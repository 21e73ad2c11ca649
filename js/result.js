// What the standalone functions (`funcs/*.js`) resolve to: the official SDK's `Result`,
// `{ ok: true, value }` or `{ ok: false, error }` (exactly these keys, as its `OK` and `ERR` make
// them), in place of a value or a thrown error. The functions call the client's own methods, so a
// function and its method send the same request and give the same value or error.

const ok = (value) => ({ ok: true, value });
const failed = (error) => ({ ok: false, error });

/** The Result of a call: resolves to `{ ok: true, value }` or `{ ok: false, error }`, never rejects. */
export function settle(promise) {
  return promise.then(ok, failed);
}

/** Every page of a PagePromise as a Result; ends after the first error, as the SDK's iterator does. */
async function* results(pages) {
  try {
    for await (const value of pages) yield ok(value);
  } catch (error) {
    yield failed(error);
  }
}

/** `page` and the pages after it. */
async function* from(page) {
  for (let p = page; p; p = await p.next()) yield p;
}

/**
 * A paginated call (`agents.listPages`, `connectors.list`) as the SDK's `PageIterator` of Results:
 * each page's Result has `next()` (a promise of the next page's, or of `null` after the last; `null`
 * at once after an error) and is async-iterable over itself and the pages after it. The returned
 * object awaits to the first page's Result and is async-iterable over every page's, as the method's
 * `PagePromise` is over the pages. Each page is fetched once, when first asked for.
 */
export function settlePages(pages) {
  const iterator = results(pages);
  const link = ({ done, value }) => {
    if (done) return null;
    let following;
    value.next = value.ok ? () => (following ??= iterator.next().then(link)) : () => null;
    value[Symbol.asyncIterator] = () => from(value);
    return value;
  };
  const first = iterator.next().then(link);
  return {
    then: (onFulfilled, onRejected) => first.then(onFulfilled, onRejected),
    catch: (onRejected) => first.catch(onRejected),
    finally: (onFinally) => first.finally(onFinally),
    [Symbol.asyncIterator]: async function* () {
      yield* from(await first);
    },
    [Symbol.toStringTag]: "PageResults",
  };
}

/**
 * A call that resolves to a `PageIterator` (`agents.listPages`) as the SDK's function form: the first
 * page's Result `{ ok: true, value: { result } }`, with `next()` (the next page's Result, or `null`
 * after the last page and after an error) and async-iterable over it and every later page's Result.
 */
export function settleIterator(promise) {
  const link = (pending) =>
    pending.then(
      (page) => {
        const result = ok({ result: page.result });
        result.next = () => {
          const next = page.next();
          return next == null ? null : link(next);
        };
        if (page["~next"] !== undefined) result["~next"] = page["~next"];
        result[Symbol.asyncIterator] = () => from(result);
        return result;
      },
      (error) => {
        const result = failed(error);
        result.next = () => null;
        result[Symbol.asyncIterator] = () => from(result);
        return result;
      },
    );
  return link(promise);
}
