// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Replaces a document's name or attributes (deprecated: use `update`).
 *
 * The standalone form of `client.beta.libraries.documents.librariesDocumentsUpdateV1`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaLibrariesDocumentsLibrariesDocumentsUpdateV1(client: MistralCore, request: T.LibrariesDocumentsLibrariesDocumentsUpdateV1Request, options?: T.RequestOptions): Promise<Result<T.LibrariesDocumentsLibrariesDocumentsUpdateV1Response, MistralError>>;
