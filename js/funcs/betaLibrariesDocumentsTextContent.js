// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.documents.textContent`, as the official SDK's `betaLibrariesDocumentsTextContent`.

import { settle } from "../result.js";

export function betaLibrariesDocumentsTextContent(client, request, options) {
  return settle(client.beta.libraries.documents.textContent(request, options));
}
