// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.documents.reprocess`, as the official SDK's `betaLibrariesDocumentsReprocess`.

import { settle } from "../result.js";

export function betaLibrariesDocumentsReprocess(client, request, options) {
  return settle(client.beta.libraries.documents.reprocess(request, options));
}
