// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.listOrganizationCredentials`, as the official SDK's `betaConnectorsListOrganizationCredentials`.

import { settle } from "../result.js";

export function betaConnectorsListOrganizationCredentials(client, request, options) {
  return settle(client.beta.connectors.listOrganizationCredentials(request, options));
}
