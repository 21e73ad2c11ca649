// Types of `mistral-edge-client/core.js`: the client of the standalone functions and what they resolve to.
import { Mistral } from "./index.js";

/**
 * The client the standalone functions (`mistral-edge-client/funcs/*.js`) take, as the official
 * SDK's `MistralCore`: `new MistralCore(options)` takes the options of `new Mistral`. It is a
 * `Mistral` (one wasm, one set of error classes, whichever you import), and a `Mistral` works
 * wherever a `MistralCore` is asked for.
 *
 * ```js
 * import { MistralCore } from "mistral-edge-client/core.js";
 * import { betaConversationsStart } from "mistral-edge-client/funcs/betaConversationsStart.js";
 *
 * const mistral = new MistralCore({ apiKey: process.env.MISTRAL_API_KEY });
 * const res = await betaConversationsStart(mistral, { model: "mistral-medium-latest", inputs: "Hello" });
 * if (res.ok) console.log(res.value.outputs);
 * else console.log("betaConversationsStart failed:", res.error);
 * ```
 */
export declare class MistralCore extends Mistral {}

/**
 * What a standalone function resolves to, as the official SDK's `Result`: `{ ok: true, value }` or
 * `{ ok: false, error }` (the function never rejects).
 */
export type Result<T, E = unknown> =
    | { ok: true; value: T; error?: never }
    | { ok: false; value?: never; error: E };

/**
 * The next page's Result, or `null`: at once after an error; after the last page, a promise of
 * `null` (the official SDK can tell earlier and returns `null` itself; `await` reads both alike).
 */
export type Paginator<V> = () => Promise<PageIterator<V> | null> | null;

/** A page's Result that also leads to the pages after it, as the official SDK's `PageIterator`. */
export type PageIterator<V> = V & {
    /** The next page's Result (fetched once, when first asked for). */
    next: Paginator<V>;
    /** This page's Result, then every following page's; ends after an error. */
    [Symbol.asyncIterator](): AsyncIterator<PageIterator<V>>;
};

/**
 * What a paginated standalone function (`betaAgentsListPages`, `betaConnectorsList`) returns:
 * await it for the first page's Result (a `PageIterator`), or `for await` over it for every page's.
 */
export interface PageResults<V> extends PromiseLike<PageIterator<V>>, AsyncIterable<PageIterator<V>> {
    catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<PageIterator<V> | R>;
    finally(onFinally?: (() => void) | null): Promise<PageIterator<V>>;
}
