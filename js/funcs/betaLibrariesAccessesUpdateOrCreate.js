// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.accesses.updateOrCreate`, as the official SDK's `betaLibrariesAccessesUpdateOrCreate`.

import { settle } from "../result.js";

export function betaLibrariesAccessesUpdateOrCreate(client, request, options) {
  return settle(client.beta.libraries.accesses.updateOrCreate(request, options));
}
