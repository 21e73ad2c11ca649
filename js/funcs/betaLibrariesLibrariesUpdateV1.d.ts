// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Replaces a library's name or description (deprecated: use `update`).
 *
 * The standalone form of `client.beta.libraries.librariesUpdateV1`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaLibrariesLibrariesUpdateV1(client: MistralCore, request: T.LibrariesLibrariesUpdateV1Request, options?: T.RequestOptions): Promise<Result<T.LibrariesLibrariesUpdateV1Response, MistralError>>;
