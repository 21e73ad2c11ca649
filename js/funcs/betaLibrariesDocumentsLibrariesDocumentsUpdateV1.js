// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.documents.librariesDocumentsUpdateV1`, as the official SDK's `betaLibrariesDocumentsLibrariesDocumentsUpdateV1`.

import { settle } from "../result.js";

export function betaLibrariesDocumentsLibrariesDocumentsUpdateV1(client, request, options) {
  return settle(client.beta.libraries.documents.librariesDocumentsUpdateV1(request, options));
}
