// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.librariesUpdateV1`, as the official SDK's `betaLibrariesLibrariesUpdateV1`.

import { settle } from "../result.js";

export function betaLibrariesLibrariesUpdateV1(client, request, options) {
  return settle(client.beta.libraries.librariesUpdateV1(request, options));
}
