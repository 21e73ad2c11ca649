// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.update`, as the official SDK's `betaLibrariesUpdate`.

import { settle } from "../result.js";

export function betaLibrariesUpdate(client, request, options) {
  return settle(client.beta.libraries.update(request, options));
}
