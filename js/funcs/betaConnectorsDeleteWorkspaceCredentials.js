// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.deleteWorkspaceCredentials`, as the official SDK's `betaConnectorsDeleteWorkspaceCredentials`.

import { settle } from "../result.js";

export function betaConnectorsDeleteWorkspaceCredentials(client, request, options) {
  return settle(client.beta.connectors.deleteWorkspaceCredentials(request, options));
}
