// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Uploads a document (a `Blob`, `File`, bytes, or `{ fileName, content }`) as multipart form data.
 *
 * The standalone form of `client.beta.libraries.documents.upload`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaLibrariesDocumentsUpload(client: MistralCore, request: T.LibrariesDocumentsUploadRequest, options?: T.RequestOptions): Promise<Result<T.LibrariesDocumentsUploadResponse, MistralError>>;
