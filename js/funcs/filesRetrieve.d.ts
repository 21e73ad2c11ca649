// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * A file's metadata (generated images arrive as `tool_file` chunks naming a file).
 *
 * The standalone form of `client.files.retrieve`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function filesRetrieve(client: MistralCore, request: T.FilesRetrieveRequest, options?: T.RequestOptions): Promise<Result<T.FilesRetrieveResponse, MistralError>>;
