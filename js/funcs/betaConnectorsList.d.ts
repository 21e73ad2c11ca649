// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result, PageResults } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * One page of connectors. The result is also async-iterable over every page, following
 * `pagination.nextCursor`: `for await (const page of client.beta.connectors.list())`.
 *
 * The standalone form of `client.beta.connectors.list`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 * Await it for the first page's Result, or `for await` over it for every page's.
 */
export declare function betaConnectorsList(client: MistralCore, request?: T.ConnectorsListRequest, options?: T.RequestOptions): PageResults<Result<T.ConnectorsListResponse, MistralError>>;
