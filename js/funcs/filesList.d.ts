// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Lists files (`page`, `pageSize`, `includeTotal`, filters by `sampleType`, `source`,
 * `search`, `purpose`, `mimetypes`).
 *
 * The standalone form of `client.files.list`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function filesList(client: MistralCore, request?: T.FilesListRequest, options?: T.RequestOptions): Promise<Result<T.FilesListResponse, MistralError>>;
