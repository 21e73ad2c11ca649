// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.shareToOrganization`, as the official SDK's `betaConnectorsShareToOrganization`.

import { settle } from "../result.js";

export function betaConnectorsShareToOrganization(client, request, options) {
  return settle(client.beta.connectors.shareToOrganization(request, options));
}
