// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.activateForConsumer`, as the official SDK's `betaConnectorsActivateForConsumer`.

import { settle } from "../result.js";

export function betaConnectorsActivateForConsumer(client, request, options) {
  return settle(client.beta.connectors.activateForConsumer(request, options));
}
