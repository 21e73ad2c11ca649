// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * A temporary URL of the file, usable as an `<img src>`.
 *
 * The standalone form of `client.files.getSignedUrl`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function filesGetSignedUrl(client: MistralCore, request: T.FilesGetSignedUrlRequest, options?: T.RequestOptions): Promise<Result<T.FilesGetSignedUrlResponse, MistralError>>;
