// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.get`, as the official SDK's `betaConnectorsGet`.

import { settle } from "../result.js";

export function betaConnectorsGet(client, request, options) {
  return settle(client.beta.connectors.get(request, options));
}
