// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * A file's content as bytes (`new Blob([bytes])` makes a Blob of it).
 *
 * The standalone form of `client.files.download`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function filesDownload(client: MistralCore, request: T.FilesDownloadRequest, options?: T.RequestOptions): Promise<Result<T.FilesDownloadResponse, MistralError>>;
