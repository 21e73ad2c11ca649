// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Deletes a library and its documents.
 *
 * The standalone form of `client.beta.libraries.delete`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaLibrariesDelete(client: MistralCore, request: T.LibrariesDeleteRequest, options?: T.RequestOptions): Promise<Result<T.LibrariesDeleteResponse, MistralError>>;
