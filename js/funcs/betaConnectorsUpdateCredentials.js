// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.updateCredentials`, as the official SDK's `betaConnectorsUpdateCredentials`.

import { settle } from "../result.js";

export function betaConnectorsUpdateCredentials(client, request, options) {
  return settle(client.beta.connectors.updateCredentials(request, options));
}
