// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.deleteAllUserCredentials`, as the official SDK's `betaConnectorsDeleteAllUserCredentials`.

import { settle } from "../result.js";

export function betaConnectorsDeleteAllUserCredentials(client, request, options) {
  return settle(client.beta.connectors.deleteAllUserCredentials(request, options));
}
