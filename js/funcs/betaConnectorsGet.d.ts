// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Gets a connector by id or name.
 *
 * The standalone form of `client.beta.connectors.get`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaConnectorsGet(client: MistralCore, request: T.ConnectorsGetRequest, options?: T.RequestOptions): Promise<Result<T.ConnectorsGetResponse, MistralError>>;
