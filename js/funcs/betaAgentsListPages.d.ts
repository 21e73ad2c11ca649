// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result, PageResults } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * One page of agents. The result is also async-iterable over every page:
 * `for await (const page of client.beta.agents.listPages({ pageSize: 50 }))`.
 *
 * The standalone form of `client.beta.agents.listPages`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 * Await it for the first page's Result, or `for await` over it for every page's.
 */
export declare function betaAgentsListPages(client: MistralCore, request?: T.AgentsListPagesRequest, options?: T.RequestOptions): PageResults<Result<T.AgentsListPagesResponse, MistralError>>;
