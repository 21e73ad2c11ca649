// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Gets a document's metadata.
 *
 * The standalone form of `client.beta.libraries.documents.get`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaLibrariesDocumentsGet(client: MistralCore, request: T.LibrariesDocumentsGetRequest, options?: T.RequestOptions): Promise<Result<T.LibrariesDocumentsGetResponse, MistralError>>;
