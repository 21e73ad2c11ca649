// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.getAuthUrl`, as the official SDK's `betaConnectorsGetAuthUrl`.

import { settle } from "../result.js";

export function betaConnectorsGetAuthUrl(client, request, options) {
  return settle(client.beta.connectors.getAuthUrl(request, options));
}
