// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.list`, as the official SDK's `betaLibrariesList`.

import { settle } from "../result.js";

export function betaLibrariesList(client, request, options) {
  return settle(client.beta.libraries.list(request, options));
}
