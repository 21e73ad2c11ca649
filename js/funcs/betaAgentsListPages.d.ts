// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result, PageIterator } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * One page of agents, as the official SDK's page iterator: the page is `result`,
 * `next()` resolves to the next one (or returns `null` after the last), and the
 * iterator is async-iterable over every page:
 * `for await (const page of await client.beta.agents.listPages({ pageSize: 50 })) page.result.data`.
 *
 * The standalone form of `client.beta.agents.listPages`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 * The first page's Result has `next()` and is async-iterable over every page's.
 */
export declare function betaAgentsListPages(client: MistralCore, request?: T.AgentsListPagesRequest, options?: T.RequestOptions): Promise<PageIterator<Result<{ result: T.AgentsListPagesResponse }, MistralError>>>;
