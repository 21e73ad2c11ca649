// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.libraries.create`, as the official SDK's `betaLibrariesCreate`.

import { settle } from "../result.js";

export function betaLibrariesCreate(client, request, options) {
  return settle(client.beta.libraries.create(request, options));
}
