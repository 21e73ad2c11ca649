// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.accesses.list`, as the official SDK's `betaLibrariesAccessesList`.

import { settle } from "../result.js";

export function betaLibrariesAccessesList(client, request, options) {
  return settle(client.beta.libraries.accesses.list(request, options));
}
