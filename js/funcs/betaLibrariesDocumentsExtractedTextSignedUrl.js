// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.documents.extractedTextSignedUrl`, as the official SDK's `betaLibrariesDocumentsExtractedTextSignedUrl`.

import { settle } from "../result.js";

export function betaLibrariesDocumentsExtractedTextSignedUrl(client, request, options) {
  return settle(client.beta.libraries.documents.extractedTextSignedUrl(request, options));
}
