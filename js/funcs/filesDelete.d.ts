// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Deletes a file; resolves to `{ id, object, deleted }`.
 *
 * The standalone form of `client.files.delete`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function filesDelete(client: MistralCore, request: T.FilesDeleteRequest, options?: T.RequestOptions): Promise<Result<T.FilesDeleteResponse, MistralError>>;
