// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * The authentication methods the connector accepts.
 *
 * The standalone form of `client.beta.connectors.getAuthenticationMethods`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaConnectorsGetAuthenticationMethods(client: MistralCore, request: T.ConnectorsGetAuthenticationMethodsRequest, options?: T.RequestOptions): Promise<Result<T.ConnectorsGetAuthenticationMethodsResponse, MistralError>>;
