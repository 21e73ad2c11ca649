// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.deactivateForConsumer`, as the official SDK's `betaConnectorsDeactivateForConsumer`.

import { settle } from "../result.js";

export function betaConnectorsDeactivateForConsumer(client, request, options) {
  return settle(client.beta.connectors.deactivateForConsumer(request, options));
}
