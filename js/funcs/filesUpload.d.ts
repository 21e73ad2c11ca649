// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Uploads a file (a `Blob`, `File`, bytes, or `{ fileName, content }`) as multipart form
 * data, with `purpose`, `expiry` (hours) and `visibility` (default `"workspace"`).
 *
 * The standalone form of `client.files.upload`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function filesUpload(client: MistralCore, request: T.FilesUploadRequest, options?: T.RequestOptions): Promise<Result<T.FilesUploadResponse, MistralError>>;
